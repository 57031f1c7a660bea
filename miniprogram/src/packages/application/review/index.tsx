/** Staff review: answers, materials, register facts, the engine's explanation at submission, notes, history, decisions. */
import { useEffect, useState } from 'react'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Image, Input, Text, View } from '@tarojs/components'
import { REFUSAL_REASON_LABELS, REFUSAL_REASONS, type RefusalReason } from '@shared/application/status'
import type { Envelope } from '@shared/errors'
import { PageShell } from '../../../components/PageShell'
import { PageState } from '../../../components/PageState'
import { ZjButton } from '../../../components/ZjButton'
import { AnswersBlock, EligibilityBox, StatusTag, Timeline } from '../../../modules/application/ApplicationParts'
import { approveCase, refuseCase, reopenCase, requestCorrection, takeCase } from '../../../services/application.service'
import { imageSrc } from '../../../services/cloud'
import { useApplicationStore } from '../../../stores/application.store'
import { formatDate } from '../../../utils/format'
import '../../../modules/application/application.scss'

export default function ReviewPage() {
  const { id = '' } = useRouter().params
  const item = useApplicationStore((s) => s.details[id])
  const status = useApplicationStore((s) => s.detailStatus)
  const error = useApplicationStore((s) => s.detailError)
  const load = useApplicationStore((s) => s.loadDetail)
  const [note, setNote] = useState('')
  const [amount, setAmount] = useState('')
  const [reasonCode, setReasonCode] = useState<RefusalReason>('notEligible')
  const [items, setItems] = useState<string[]>([])
  const [busy, setBusy] = useState(false)
  const [msg, setMsg] = useState<string | null>(null)
  useEffect(() => {
    if (id) void load(id)
  }, [id, load])
  usePullDownRefresh(() => void load(id).finally(() => Taro.stopPullDownRefresh()))

  const act = async (run: () => Promise<Envelope<unknown>>, done: string) => {
    setMsg(null)
    setBusy(true)
    const r = await run()
    setBusy(false)
    if (!r.ok) return setMsg(r.error.message)
    void Taro.showToast({ title: done, icon: 'none' })
    setNote('')
    void load(id)
  }
  const needNote = () => {
    if (note.trim().length < 2) {
      setMsg('请填写说明（居民可见）')
      return false
    }
    return true
  }

  return (
    <PageShell className='zj-app-page'>
      <PageState status={item ? 'ready' : status} error={error} onRetry={() => void load(id)}>
        {item && (
          <View data-testid='application-review'>
            <View className='zj-app-block'>
              <Text className='zj-app-title'>{item.title}</Text>
              <StatusTag status={item.status} label={item.statusLabel} />
              <Text className='zj-app-hint'>
                受理编号 {item.trackingNo} · 申请人 {item.applicantName ?? '—'} · 地区 {item.regionCode}
              </Text>
              {item.dueAt && (
                <Text className={item.overdue ? 'zj-app-hint zj-app-bad' : 'zj-app-hint'}>
                  {item.clockStopped
                    ? '补正中，时限暂停'
                    : `办结期限 ${formatDate(item.dueAt)}${item.overdue ? '（已超期）' : ''}`}
                </Text>
              )}
            </View>
            <AnswersBlock d={item} />
            <View className='zj-app-block' data-testid='application-materials'>
              <Text className='zj-app-title'>材料</Text>
              {item.materials.map((m) => (
                <View key={m.key} className='zj-app-field'>
                  <Text className='zj-app-field__label'>{m.label}</Text>
                  <View className='zj-app-photos'>
                    {(item.attachments[m.key] ?? []).map((f) => (
                      <Image
                        key={f}
                        className='zj-app-photo'
                        src={imageSrc(f)}
                        mode='aspectFill'
                        aria-label={`${m.label}照片`}
                        onClick={() =>
                          void Taro.previewImage({
                            urls: (item.attachments[m.key] ?? []).map(imageSrc),
                            current: imageSrc(f),
                          })
                        }
                      />
                    ))}
                  </View>
                  {!(item.attachments[m.key] ?? []).length && <Text className='zj-app-hint'>未提交</Text>}
                </View>
              ))}
            </View>
            {item.registerFacts && (
              <View className='zj-app-block'>
                <Text className='zj-app-title'>登记信息</Text>
                {Object.entries(item.registerFacts).map(([k, v]) => (
                  <View key={k} className='zj-app-line'>
                    <Text>{k}</Text>
                    <Text>{Array.isArray(v) ? v.join('、') : String(v)}</Text>
                  </View>
                ))}
              </View>
            )}
            <EligibilityBox e={item.eligibility} />
            <View className='zj-app-block' data-testid='application-decide'>
              <Text className='zj-app-title'>办理</Text>
              {item.allowedSteps.includes('take') && (
                <ZjButton
                  ariaLabel='受理'
                  kind='primary'
                  loading={busy}
                  onClick={() => void act(() => takeCase(id), '已受理')}
                >
                  受理
                </ZjButton>
              )}
              {(item.allowedSteps.includes('approve') ||
                item.allowedSteps.includes('refuse') ||
                item.allowedSteps.includes('reopen')) && (
                <Input
                  className='zj-app-input'
                  value={note}
                  onInput={(e) => setNote(e.detail.value)}
                  placeholder='说明（居民可见）'
                  aria-label='审核说明'
                  data-testid='review-note'
                />
              )}
              {item.allowedSteps.includes('requestCorrection') && (
                <View>
                  <Text className='zj-app-field__label'>要求补正的项目</Text>
                  <View className='zj-app-options'>
                    {[
                      ...item.materials.map((m) => ({ key: m.key, label: m.label })),
                      ...item.questions.map((q) => ({ key: q.key, label: q.label })),
                    ].map((x) => (
                      <Text
                        key={x.key}
                        className={`zj-app-option ${items.includes(x.key) ? 'zj-app-option--on' : ''}`}
                        onClick={() =>
                          setItems(items.includes(x.key) ? items.filter((k) => k !== x.key) : [...items, x.key])
                        }
                      >
                        {x.label}
                      </Text>
                    ))}
                  </View>
                  <ZjButton
                    ariaLabel='要求补正'
                    size='small'
                    loading={busy}
                    onClick={() => {
                      if (!items.length) return setMsg('请选择要补正的项目')
                      if (needNote()) void act(() => requestCorrection(id, items, note.trim()), '已要求补正')
                    }}
                  >
                    要求补正
                  </ZjButton>
                </View>
              )}
              {item.allowedSteps.includes('approve') && (
                <View>
                  <Input
                    className='zj-app-input'
                    type='digit'
                    value={amount}
                    onInput={(e) => setAmount(e.detail.value)}
                    placeholder='核定金额（元，无则不填）'
                    aria-label='核定金额'
                  />
                  <ZjButton
                    ariaLabel='审核通过'
                    kind='primary'
                    size='small'
                    loading={busy}
                    onClick={() =>
                      void act(
                        () => approveCase(id, note.trim() || undefined, amount ? Number(amount) : undefined),
                        '已通过',
                      )
                    }
                  >
                    审核通过
                  </ZjButton>
                </View>
              )}
              {item.allowedSteps.includes('refuse') && (
                <View>
                  <View className='zj-app-options'>
                    {REFUSAL_REASONS.map((r) => (
                      <Text
                        key={r}
                        className={`zj-app-option ${r === reasonCode ? 'zj-app-option--on' : ''}`}
                        onClick={() => setReasonCode(r)}
                      >
                        {REFUSAL_REASON_LABELS[r]}
                      </Text>
                    ))}
                  </View>
                  <ZjButton
                    ariaLabel='审核不通过'
                    kind='danger'
                    size='small'
                    loading={busy}
                    onClick={() => {
                      if (needNote()) void act(() => refuseCase(id, reasonCode, note.trim()), '已不予通过')
                    }}
                  >
                    不予通过
                  </ZjButton>
                </View>
              )}
              {item.allowedSteps.includes('reopen') && (
                <ZjButton
                  ariaLabel='重新审核'
                  size='small'
                  loading={busy}
                  onClick={() => {
                    if (needNote()) void act(() => reopenCase(id, note.trim()), '已重新审核')
                  }}
                >
                  重新审核
                </ZjButton>
              )}
              {msg && (
                <Text className='zj-app-error' data-testid='application-error'>
                  {msg}
                </Text>
              )}
            </View>
            <Timeline items={item.timeline} />
          </View>
        )}
      </PageState>
    </PageShell>
  )
}
