/** One question or material of an application form, bound to the draft's answers in the store (materials: photos). */
import { useState } from 'react'
import { Image, Input, Picker, Text, View } from '@tarojs/components'
import { ZjButton } from '../../components/ZjButton'
import { type MissingItem, uploadMaterialPhoto } from '../../services/application.service'
import { choosePhotos } from '../../services/feedbackPhotos'
import { imageSrc } from '../../services/cloud'
import { useApplicationStore } from '../../stores/application.store'
import { formatDate } from '../../utils/format'

const MAX_PHOTOS = 9
/** One empty list for every field without photos: a selector must not answer a new array each time (React #185). */
const NO_FILES: string[] = []

export function Field({ q }: { q: MissingItem }) {
  const value = useApplicationStore((s) => s.answers[q.key])
  const files = useApplicationStore((s) => s.attachments[q.key] ?? NO_FILES)
  const setAnswer = useApplicationStore((s) => s.setAnswer)
  const setFiles = useApplicationStore((s) => s.setFiles)
  const [uploading, setUploading] = useState(false)
  const [err, setErr] = useState<string | null>(null)
  const label = `${q.label}${q.required ? '' : '（选填）'}`
  if (q.type === 'attachment') {
    const add = async () => {
      setErr(null)
      const picked = await choosePhotos(MAX_PHOTOS - files.length)
      if (!picked.length) return
      setUploading(true)
      const out = [...files]
      for (let i = 0; i < picked.length; i++) {
        const r = await uploadMaterialPhoto(picked[i], i)
        if (r.ok) out.push(r.data)
        else setErr(r.error.message)
      }
      setUploading(false)
      setFiles(q.key, out)
    }
    return (
      <View className='zj-app-field' data-testid={`material-${q.key}`}>
        <Text className='zj-app-field__label'>{label}</Text>
        <View className='zj-app-photos'>
          {files.map((f) => (
            <Image
              key={f}
              className='zj-app-photo'
              src={imageSrc(f)}
              mode='aspectFill'
              aria-label={`${q.label}照片`}
              onClick={() =>
                setFiles(
                  q.key,
                  files.filter((x) => x !== f),
                )
              }
            />
          ))}
        </View>
        {files.length > 0 && <Text className='zj-app-hint'>已上传{files.length}张，点击照片可删除</Text>}
        {err && <Text className='zj-app-error'>{err}</Text>}
        {files.length < MAX_PHOTOS && (
          <ZjButton ariaLabel={`上传${q.label}照片`} size='small' loading={uploading} onClick={() => void add()}>
            拍照或选择照片
          </ZjButton>
        )}
      </View>
    )
  }
  if (q.type === 'choice' || q.type === 'multi') {
    const chosen = Array.isArray(value) ? value : value === undefined || value === null ? [] : [String(value)]
    const toggle = (v: string) => {
      if (q.type === 'choice') setAnswer(q.key, v)
      else setAnswer(q.key, chosen.includes(v) ? chosen.filter((x) => x !== v) : [...chosen, v])
    }
    return (
      <View className='zj-app-field'>
        <Text className='zj-app-field__label'>{label}</Text>
        {q.hint && <Text className='zj-app-hint'>{q.hint}</Text>}
        <View className='zj-app-options'>
          {(q.options ?? []).map((o) => (
            <View
              key={o.value}
              className={`zj-app-option ${chosen.includes(o.value) ? 'zj-app-option--on' : ''}`}
              onClick={() => toggle(o.value)}
              role={q.type === 'choice' ? 'radio' : 'checkbox'}
              aria-label={o.label}
              aria-checked={chosen.includes(o.value)}
            >
              <Text>{o.label}</Text>
            </View>
          ))}
        </View>
      </View>
    )
  }
  if (q.type === 'date') {
    return (
      <View className='zj-app-field'>
        <Text className='zj-app-field__label'>{label}</Text>
        <Picker
          mode='date'
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => setAnswer(q.key, String(e.detail.value))}
        >
          <View className='zj-app-input' aria-label={`选择${q.label}`}>
            {typeof value === 'string' && value ? formatDate(value) : '请选择日期'}
          </View>
        </Picker>
      </View>
    )
  }
  return (
    <View className='zj-app-field'>
      <Text className='zj-app-field__label'>{label}</Text>
      {q.hint && <Text className='zj-app-hint'>{q.hint}</Text>}
      <Input
        className='zj-app-input'
        type={q.type === 'number' ? 'digit' : 'text'}
        value={value === undefined || value === null ? '' : String(value)}
        aria-label={q.label}
        data-testid={`answer-${q.key}`}
        onInput={(e) =>
          setAnswer(q.key, q.type === 'number' && e.detail.value !== '' ? Number(e.detail.value) : e.detail.value)
        }
      />
    </View>
  )
}
