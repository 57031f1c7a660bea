/**
 * 数据导出 (数据回流): a district's, street's or community grid's people list, postings, courses or service records
 * as CSV/XLSX, masked; admins may export unmasked with a reason (audited). 年度 gives the province's extract.
 */
import { useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import { PageShell } from '@/components/PageShell'
import { ZjButton } from '@/components/ZjButton'
import { Chip } from '@/components/Chip'
import { useUserStore } from '@/stores/user.store'
import { exportRecords, offerDownload } from '@/services/exchange.service'
import '@/packages/exchange/exchange.scss'

const KINDS = [
  { kind: 'persons', label: '人员名单' },
  { kind: 'services', label: '服务记录' },
  { kind: 'jobs', label: '岗位' },
  { kind: 'courses', label: '培训课程' },
] as const

export default function ExportPage() {
  const isAdmin = useUserStore((s) => s.roles.includes('admin'))
  const [kind, setKind] = useState<(typeof KINDS)[number]['kind']>('persons')
  const [region, setRegion] = useState('')
  const [year, setYear] = useState('')
  const [unmasked, setUnmasked] = useState(false)
  const [reason, setReason] = useState('')
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null)

  const run = async () => {
    setBusy(true)
    setMessage(null)
    const res = await exportRecords({
      kind,
      regionCode: region.trim() || undefined,
      year: year.trim() ? Number(year) : undefined,
      format: 'csv',
      unmasked: unmasked || undefined,
      reason: unmasked ? reason.trim() : undefined,
    })
    setBusy(false)
    if (!res.ok) return setMessage({ text: res.error.message, error: true })
    setMessage({ text: `已导出 ${res.data.rows} 行`, error: false })
    await offerDownload({ url: res.data.url, name: `导出-${kind}.csv` })
  }

  return (
    <PageShell>
      <View className='zj-ex' data-testid='exchange-export'>
        <View className='zj-ex__chips' role='radiogroup' aria-label='导出的数据'>
          {KINDS.map((k) => (
            <Chip
              key={k.kind}
              mark
              label={k.label}
              on={kind === k.kind}
              onTap={() => setKind(k.kind)}
              testId={`export-${k.kind}`}
            />
          ))}
        </View>
        <View className='zj-ex__block'>
          <Text className='zj-ex__hint'>地区：区县6位代码、街道9位代码或网格编码；不填为本部门全部辖区</Text>
          <Input
            className='zj-ex__input'
            value={region}
            placeholder='如 370102001'
            aria-label='地区代码'
            onInput={(e) => setRegion(e.detail.value)}
          />
          <Text className='zj-ex__hint'>年度（省级汇聚：只导出该年度新增或更新的记录，可不填）</Text>
          <Input
            className='zj-ex__input'
            type='number'
            value={year}
            placeholder='如 2026'
            aria-label='年度'
            onInput={(e) => setYear(e.detail.value)}
          />
          {isAdmin && (
            <View>
              <Chip
                mark
                role='checkbox'
                label='不脱敏导出（仅管理员，记入审计）'
                on={unmasked}
                onTap={() => setUnmasked(!unmasked)}
                testId='export-unmasked'
              />
              {unmasked && (
                <Input
                  className='zj-ex__input'
                  value={reason}
                  placeholder='请填写导出事由'
                  aria-label='导出事由'
                  onInput={(e) => setReason(e.detail.value)}
                />
              )}
            </View>
          )}
          <Text className='zj-ex__hint'>身份证号、手机号默认脱敏。</Text>
          <View className='zj-ex__actions'>
            <ZjButton kind='primary' ariaLabel='导出' loading={busy || undefined} onClick={() => void run()}>
              导出
            </ZjButton>
          </View>
        </View>
        {message && (
          <View className={message.error ? 'zj-ex__notice' : 'zj-ex__block'} role='status'>
            <Text>{message.text}</Text>
          </View>
        )}
      </View>
    </PageShell>
  )
}
