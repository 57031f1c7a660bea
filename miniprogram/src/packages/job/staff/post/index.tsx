/** 发布岗位 (staff): the essential fields; the backend validates with the shared schema and geocodes nothing. */
import { useEffect } from 'react'
import Taro from '@tarojs/taro'
import { Input, Picker, Text, Textarea, View } from '@tarojs/components'
import { OCCUPATIONS } from '@shared/occupations/occupations'
import { cityCodeOf, SHANDONG_CITIES } from '@shared/job/regions'
import { PageShell } from '@/components/PageShell'
import { ZjButton } from '@/components/ZjButton'
import {
  JOB_TYPES as TYPES,
  SALARY_UNITS as UNITS,
  useJobPostingStore,
  type PostingForm,
} from '@/stores/jobPosting.store'
import { useUserStore } from '@/stores/user.store'
import '@/modules/job/job.scss'

/** 工作地点: city then district by name (GB/T 2260 through user.regions), not a code to type. */
function DistrictPicker({ value, onChange }: { value: string; onChange: (code: string) => void }) {
  const districts = useUserStore((s) => s.districts)
  const loadDistricts = useUserStore((s) => s.loadDistricts)
  const city = cityCodeOf(value)
  const cityIndex = Math.max(
    0,
    SHANDONG_CITIES.findIndex((c) => c.code === city),
  )
  const list = districts[city] ?? []
  const districtIndex = list.findIndex((d) => d.code === value)
  useEffect(() => {
    void loadDistricts(city)
  }, [city, loadDistricts])
  return (
    <View className='zj-job-form__field'>
      <Text className='zj-job-sheet__title'>工作地点（市 / 区县）</Text>
      <View className='zj-job-form__pair'>
        <Picker
          mode='selector'
          range={SHANDONG_CITIES.map((c) => c.name)}
          value={cityIndex}
          onChange={(e) => {
            const c = SHANDONG_CITIES[Number(e.detail.value)]
            const first = (districts[c.code] ?? [])[0]
            onChange(first ? first.code : `${c.code.slice(0, 4)}02`)
          }}
        >
          <View className='zj-job-form__input' aria-label='选择城市'>
            <Text>{SHANDONG_CITIES[cityIndex].name}</Text>
          </View>
        </Picker>
        <Picker
          mode='selector'
          range={list.map((d) => d.name)}
          value={Math.max(0, districtIndex)}
          onChange={(e) => onChange(list[Number(e.detail.value)]?.code ?? value)}
        >
          <View className='zj-job-form__input' aria-label='选择区县'>
            <Text>{districtIndex >= 0 ? list[districtIndex].name : '请选择区县'}</Text>
          </View>
        </Picker>
      </View>
    </View>
  )
}

export default function StaffPostPage() {
  const { form: f, saving, setField, reset, submit: post } = useJobPostingStore()
  useEffect(() => reset(), [reset])
  // Inputs give strings, pickers their index (a number): stored as given, converted once in the store.
  const set = (k: keyof PostingForm) => (e: { detail: { value: string | number } }) =>
    setField(k, e.detail.value as PostingForm[typeof k])
  const field = (label: string, k: keyof PostingForm, placeholder = '', type: 'text' | 'digit' | 'number' = 'text') => (
    <View className='zj-job-form__field'>
      <Text className='zj-job-sheet__title'>{label}</Text>
      <Input
        className='zj-job-form__input'
        type={type}
        value={String(f[k])}
        placeholder={placeholder}
        aria-label={label}
        onInput={set(k)}
      />
    </View>
  )
  const submit = async () => {
    const r = await post()
    if (!r.ok) return void Taro.showToast({ title: r.error.message, icon: 'none', duration: 3000 })
    void Taro.showToast({ title: '已发布', icon: 'success' })
    void Taro.redirectTo({ url: `/packages/job/staff/applications/index?jobId=${encodeURIComponent(r.data.id)}` })
  }
  return (
    <PageShell>
      <View className='zj-job-detail'>
        {field('岗位名称', 'title', '如：电焊工')}
        <View className='zj-job-form__field'>
          <Text className='zj-job-sheet__title'>职业</Text>
          <Picker
            mode='selector'
            range={OCCUPATIONS.map((o) => o.name)}
            value={Number(f.occupation)}
            onChange={set('occupation')}
          >
            <View className='zj-job-form__input'>
              <Text>{OCCUPATIONS[Number(f.occupation)].name}</Text>
            </View>
          </Picker>
        </View>
        {field('招聘单位', 'employerName')}
        <DistrictPicker value={String(f.districtCode)} onChange={(code) => setField('districtCode', code)} />
        {field('工作地址', 'address')}
        {field('纬度', 'lat', '', 'digit')}
        {field('经度', 'lng', '', 'digit')}
        {field('最低薪资', 'salaryMin', '', 'digit')}
        {field('最高薪资', 'salaryMax', '', 'digit')}
        <View className='zj-job-form__field'>
          <Text className='zj-job-sheet__title'>薪资单位 / 用工类型</Text>
          <Picker mode='selector' range={UNITS.map((u) => u.label)} value={Number(f.unit)} onChange={set('unit')}>
            <View className='zj-job-form__input'>
              <Text>{UNITS[Number(f.unit)].label}</Text>
            </View>
          </Picker>
          <Picker mode='selector' range={TYPES.map((u) => u.label)} value={Number(f.type)} onChange={set('type')}>
            <View className='zj-job-form__input'>
              <Text>{TYPES[Number(f.type)].label}</Text>
            </View>
          </Picker>
        </View>
        {field('技能要求（用顿号分隔）', 'skills')}
        {field('招聘人数', 'headcount', '', 'number')}
        {field('联系人', 'contactName')}
        {field('联系电话', 'contactPhone', '', 'number')}
        <View className='zj-job-form__field'>
          <Text className='zj-job-sheet__title'>岗位描述</Text>
          <Textarea
            className='zj-job-form__input'
            value={f.description}
            aria-label='岗位描述'
            onInput={set('description')}
          />
        </View>
        <ZjButton kind='primary' block loading={saving} ariaLabel='发布岗位' onClick={() => void submit()}>
          发布
        </ZjButton>
      </View>
    </PageShell>
  )
}
