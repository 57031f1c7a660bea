/** Small form pieces of the admin pages: a labelled field, a run of fields, a notice line (choice chips: components/Chip). */
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

/** One field of a form whose values are strings: its key in the form and how it is labelled. */
export interface FieldSpec<K extends string> {
  key: K
  label: string
  testId: string
  placeholder?: string
  maxlength?: number
}

/** A run of text fields over one form object (the audit filter, the policy editor's dates). */
export function Fields<K extends string>({
  form,
  specs,
  onChange,
}: {
  form: Record<K, string>
  specs: readonly FieldSpec<K>[]
  onChange: (key: K) => (v: string) => void
}) {
  return (
    <>
      {specs.map((f) => (
        <Field
          key={f.key}
          label={f.label}
          value={form[f.key]}
          onChange={onChange(f.key)}
          placeholder={f.placeholder}
          testId={f.testId}
          maxlength={f.maxlength}
        />
      ))}
    </>
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
