/** A list of short texts (skills, certificates): type one, 添加; tap × to remove. */
import { useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import { ZjButton } from '@/components/ZjButton'

export function TagInput({
  label,
  value,
  onChange,
  max,
  maxLength,
  testId,
}: {
  label: string
  value: string[]
  onChange: (v: string[]) => void
  max: number
  maxLength: number
  testId: string
}) {
  const [draft, setDraft] = useState('')
  const add = () => {
    const t = draft.trim()
    if (!t || value.includes(t) || value.length >= max) return
    onChange([...value, t])
    setDraft('')
  }
  return (
    <View data-testid={testId}>
      <View className='zj-me__chips' role='list' aria-label={label}>
        {value.map((v) => (
          <View key={v} className='zj-chip zj-chip--on' role='listitem'>
            <Text>{v}</Text>
            <View
              className='zj-me__link'
              role='button'
              aria-label={`删除${v}`}
              onClick={() => onChange(value.filter((x) => x !== v))}
            >
              <Text> ×</Text>
            </View>
          </View>
        ))}
      </View>
      <View className='zj-me__row'>
        <Input
          className='zj-me__input'
          value={draft}
          maxlength={maxLength}
          placeholder={`添加${label}（最多${max}项）`}
          aria-label={`添加${label}`}
          onInput={(e) => setDraft(e.detail.value)}
          onConfirm={add}
        />
        <ZjButton size='small' ariaLabel={`添加${label}`} onClick={add}>
          添加
        </ZjButton>
      </View>
    </View>
  )
}
