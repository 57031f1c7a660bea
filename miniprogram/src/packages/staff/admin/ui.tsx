/** Small form pieces of the admin pages: a labelled field, a notice line (choice chips: components/Chip). */
import { Input, Text, Textarea, View } from '@tarojs/components'

interface FieldProps {
  label: string
  value: string
  onChange: (v: string) => void
  placeholder?: string
  testId: string
  multiline?: boolean
  maxlength?: number
}

export function Field({ label, value, onChange, placeholder, testId, multiline, maxlength = 200 }: FieldProps) {
  return (
    <View data-testid={testId}>
      <Text className='zj-adm__label'>{label}</Text>
      {multiline ? (
        <Textarea
          className='zj-adm__input zj-adm__textarea'
          value={value}
          placeholder={placeholder}
          maxlength={maxlength}
          aria-label={label}
          onInput={(e) => onChange(e.detail.value)}
        />
      ) : (
        <Input
          className='zj-adm__input'
          value={value}
          placeholder={placeholder}
          maxlength={maxlength}
          aria-label={label}
          onInput={(e) => onChange(e.detail.value)}
        />
      )}
    </View>
  )
}

export interface NoticeValue {
  text: string
  error: boolean
}

export function Notice({ notice }: { notice: NoticeValue | null }) {
  if (!notice) return null
  return (
    <View
      className={`zj-adm__notice${notice.error ? ' zj-adm__notice--error' : ''}`}
      role={notice.error ? 'alert' : 'status'}
      aria-live='polite'
      data-testid='admin-notice'
    >
      <Text>{notice.text}</Text>
    </View>
  )
}
