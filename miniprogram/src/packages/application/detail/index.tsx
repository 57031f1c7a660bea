/** 受理回执 and 办理进度: status, due date, the decision and its reason, the timeline, 撤回, 补正. */
import { useEffect, useState } from 'react'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import { PageShell } from '../../../components/PageShell'
import { PageState } from '../../../components/PageState'
import { ZjButton } from '../../../components/ZjButton'
import { AnswersBlock, StatusTag, Timeline } from '../../../modules/application/ApplicationParts'
import { Field } from '../../../modules/application/ApplicationField'
import { respondToCorrection, withdrawApplication } from '../../../services/application.service'
import { useApplicationStore } from '../../../stores/application.store'
import { formatDate, formatDateTime } from '../../../utils/format'
import '../../../modules/application/application.scss'

export default function ApplicationDetailPage() {
  const { id = '', receipt } = useRouter().params
  const item = useApplicationStore((s) => s.details[id])
  const status = useApplicationStore((s) => s.detailStatus)
  const error = useApplicationStore((s) => s.detailError)
  const load = useApplicationStore((s) => s.loadDetail)
  const [reason, setReason] = useState('')
  const [note, setNote] = useState('')
  const [busy, setBusy] = useState(false)
  const [actionError, setActionError] = useState<string | null>(null)
  useEffect(() => {
    if (id) void load(id)
  }, [id, load])
  usePullDownRefresh(() => void load(id).finally(() => Taro.stopPullDownRefresh()))

  const withdraw = async () => {
    setActionError(null)
    if (reason.trim().length < 2) return setActionError('请填写撤回原因')
    setBusy(true)
    const r = await withdrawApplication(id, reason.trim())
    setBusy(false)
    if (!r.ok) return setActionError(r.error.message)
    void Taro.showToast({ title: '已撤回', icon: 'none' })
    void load(id)
  }
  const respond = async () => {
    setActionError(null)
    if (!item?.correction) return
    if (!note.trim()) return setActionError('请写一句补正说明')
    const { answers, attachments } = useApplicationStore.getState()
    const keys = item.correction.items
    const pick = <T,>(o: Record<string, T>) => Object.fromEntries(Object.entries(o).filter(([k]) => keys.includes(k)))
    setBusy(true)
    const r = await respondToCorrection(id, note.trim(), pick(answers), pick(attachments))
    setBusy(false)
    if (!r.ok) return setActionError(r.error.message)
    void Taro.showToast({ title: '已提交补正', icon: 'none' })
    void load(id)
  }

  return (
    <PageShell className='zj-app-page'>
      <PageState status={item ? 'ready' : status} error={error} onRetry={() => void load(id)}>
        {item && (
          <View data-testid='application-detail'>
            {receipt === '1' && item.trackingNo && (
              <View className='zj-app-block' data-testid='application-receipt'>
                <Text className='zj-app-title'>受理回执</Text>
                <Text className='zj-app-hint'>您的申请已提交，请保存受理编号以便查询。</Text>
                <View className='zj-app-line'>
                  <Text>受理编号</Text>
                  <Text data-testid='receipt-tracking'>{item.trackingNo}</Text>
                </View>
                <View className='zj-app-line'>
                  <Text>提交时间</Text>
                  <Text>{formatDateTime(item.submittedAt)}</Text>
                </View>
                <View className='zj-app-line'>
                  <Text>承诺办结</Text>
                  <Text>{formatDate(item.dueAt)}前（按工作日计算）</Text>
                </View>
              </View>
            )}
            <View className='zj-app-block'>
              <Text className='zj-app-title'>{item.title}</Text>
              <StatusTag status={item.status} label={item.statusLabel} />
              {item.trackingNo && <Text className='zj-app-hint'>受理编号 {item.trackingNo}</Text>}
              {item.dueAt && ['submitted', 'underReview'].includes(item.status) && (
                <Text className={item.overdue ? 'zj-app-hint zj-app-bad' : 'zj-app-hint'}>
                  办结期限 {formatDate(item.dueAt)}
                  {item.overdue ? '（已超期）' : ''}
                </Text>
              )}
              {item.decision && (
                <View data-testid='application-decision'>
                  <Text className={`zj-app-hint ${item.decision.outcome === 'approved' ? 'zj-app-ok' : 'zj-app-bad'}`}>
                    {item.decision.outcome === 'approved'
                      ? `审核通过${item.decision.amount !== undefined ? `，核定金额${item.decision.amount}元` : ''}`
                      : `审核未通过：${item.decision.reasonLabel ?? ''}`}
                  </Text>
                  {item.decision.note && <Text className='zj-app-hint'>说明：{item.decision.note}</Text>}
                </View>
              )}
            </View>
            {item.status === 'correctionRequested' && item.correction && (
              <View className='zj-app-block' data-testid='application-correction'>
                <Text className='zj-app-title'>请补正</Text>
                <Text className='zj-app-hint'>{item.correction.note}</Text>
                <Text className='zj-app-hint'>
                  请于{formatDate(item.correction.dueAt)}前补正；补正期间办理时限暂停。
                </Text>
                {item.correction.items.map((k) => {
                  const m = item.materials.find((x) => x.key === k)
                  const q = item.questions.find((x) => x.key === k)
                  return (
                    <Field
                      key={k}
                      q={
                        m
                          ? { key: k, label: m.label, type: 'attachment', required: true }
                          : {
                              key: k,
                              label: q?.label ?? k,
                              type: q?.type ?? 'text',
                              options: q?.options,
                              required: true,
                            }
                      }
                    />
                  )
                })}
                <Input
                  className='zj-app-input'
                  value={note}
                  onInput={(e) => setNote(e.detail.value)}
                  placeholder='补正说明，如：已重新拍摄'
                  aria-label='补正说明'
                  data-testid='respond-note'
                />
                <ZjButton ariaLabel='提交补正' kind='primary' loading={busy} onClick={() => void respond()}>
                  提交补正
                </ZjButton>
              </View>
            )}
            <AnswersBlock d={item} />
            <Timeline items={item.timeline} />
            {item.allowedSteps.includes('withdraw') && (
              <View className='zj-app-block'>
                <Text className='zj-app-title'>撤回申请</Text>
                <Input
                  className='zj-app-input'
                  value={reason}
                  onInput={(e) => setReason(e.detail.value)}
                  placeholder='请填写撤回原因'
                  aria-label='撤回原因'
                />
                <ZjButton
                  ariaLabel='撤回申请'
                  kind='danger'
                  size='small'
                  loading={busy}
                  onClick={() => void withdraw()}
                >
                  撤回
                </ZjButton>
              </View>
            )}
            {actionError && (
              <Text className='zj-app-error' data-testid='application-error'>
                {actionError}
              </Text>
            )}
          </View>
        )}
      </PageState>
    </PageShell>
  )
}
