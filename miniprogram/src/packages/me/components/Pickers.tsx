/**
 * Multi-choice pickers of 我的资料 and the welcome: occupations over the codes the project ships
 * (shared/occupations), cities over GB/T 2260 (Shandong's cities, plus the person's own district).
 */
import { Text, View } from '@tarojs/components'
import { MAJOR_GROUPS, OCCUPATIONS } from '@shared/occupations/occupations'
import { SHANDONG_CITIES } from '@shared/job/regions'
import { PROFILE_LIMITS } from '@shared/user/profile'
import { Chip } from '@/components/Chip'
import { useEffect } from 'react'
import { useUserStore } from '@/stores/user.store'

const toggle = (list: string[], code: string, max: number): string[] =>
  list.includes(code) ? list.filter((c) => c !== code) : list.length >= max ? list : [...list, code]

const GROUPS = Object.entries(MAJOR_GROUPS)
  .map(([major, name]) => ({
    major,
    name,
    items: OCCUPATIONS.filter((o) => (o.code.startsWith('L-') ? o.code.split('-')[1] : o.code[0]) === major),
  }))
  .filter((g) => g.items.length > 0)

export function OccupationPicker({ value, onChange }: { value: string[]; onChange: (v: string[]) => void }) {
  return (
    <View data-testid='occupation-picker'>
      <Text className='zj-me__hint'>
        最多选{PROFILE_LIMITS.occupations}个，已选{value.length}个
      </Text>
      {GROUPS.map((g) => (
        <View key={g.major}>
          <Text className='zj-me__hint'>{g.name}</Text>
          <View className='zj-me__chips' role='group' aria-label={g.name}>
            {g.items.map((o) => (
              <Chip
                key={o.code}
                role='checkbox'
                mark
                label={o.name}
                on={value.includes(o.code)}
                testId={`occ-${o.code}`}
                onTap={() => onChange(toggle(value, o.code, PROFILE_LIMITS.occupations))}
              />
            ))}
          </View>
        </View>
      ))}
    </View>
  )
}

export function CityPicker({
  value,
  onChange,
  homeDistrict,
}: {
  value: string[]
  onChange: (v: string[]) => void
  homeDistrict?: { code: string; name: string } | null
}) {
  const districts = useUserStore((s) => s.districts)
  const loadDistricts = useUserStore((s) => s.loadDistricts)
  const cities = SHANDONG_CITIES.map((c) => ({ code: c.code, name: c.name }))
  const chosenCities = cities.filter((c) => value.includes(c.code))
  useEffect(() => {
    for (const c of chosenCities) void loadDistricts(c.code)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value.join(), loadDistricts])
  const options = [
    ...(homeDistrict ? [{ code: homeDistrict.code, name: `${homeDistrict.name}（户籍地）` }] : []),
    ...cities,
  ]
  const chip = (c: { code: string; name: string }) => (
    <Chip
      key={c.code}
      role='checkbox'
      mark
      label={c.name}
      on={value.includes(c.code)}
      testId={`city-${c.code}`}
      onTap={() => onChange(toggle(value, c.code, PROFILE_LIMITS.cities))}
    />
  )
  return (
    <View data-testid='city-picker'>
      <Text className='zj-me__hint'>
        最多选{PROFILE_LIMITS.cities}个，已选{value.length}个；选了城市后可再选区县
      </Text>
      <View className='zj-me__chips' role='group' aria-label='意向城市'>
        {options.map(chip)}
      </View>
      {chosenCities.map((c) =>
        (districts[c.code] ?? []).length ? (
          <View key={c.code}>
            <Text className='zj-me__hint'>{c.name}的区县</Text>
            <View className='zj-me__chips' role='group' aria-label={`${c.name}的区县`}>
              {(districts[c.code] ?? []).filter((d) => d.code !== homeDistrict?.code).map(chip)}
            </View>
          </View>
        ) : null,
      )}
    </View>
  )
}
