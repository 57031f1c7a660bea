/**
 * 反馈办理 (handler): the item (no submitter identity when anonymous; masked otherwise), deadlines, and the next
 * steps allowed by its status: 受理, 答复 (templates), 办结, 转办, 申请延期; an admin approves extensions.
 */
import { useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Input, Text, Textarea, View } from '@tarojs/components'
import { PageShell } from '@/components/PageShell'
import { PageState } from '@/components/PageState'
import { ZjButton } from '@/components/ZjButton'
import { Chip } from '@/components/Chip'
import {
  ActionError,
  EscalatedNote,
  FeedbackContent,
  FeedbackHead,
  FeedbackProgress,
} from '@/modules/feedback/FeedbackDetailParts'
import { useFeedbackStore } from '@/stores/feedback.store'
import { useUserStore } from '@/stores/user.store'
import { formatDate, formatDateTime } from '@/utils/format'
import '@/modules/feedback/feedback.scss'

export default function StaffFeedbackDetailPage() {
  const trackingNo = (useRouter().params.trackingNo ?? '').toUpperCase()
  const item = useFeedbackStore((s) => s.details[trackingNo])
  const status = useFeedbackStore((s) => s.detailStatus)
  const error = useFeedbackStore((s) => s.detailError)
  const load = useFeedbackStore((s) => s.loadDetail)
  const step = useFeedbackStore((s) => s.step)
  const acting = useFeedbackStore((s) => s.acting)
  const templates = useFeedbackStore((s) => s.templates)
  const loadTemplates = useFeedbackStore((s) => s.loadTemplates)
  const isAdmin = useUserStore((s) => s.roles.includes('admin'))
  const [reply, setReply] = useState('')
  const [transferTo, setTransferTo] = useState('')
  const [extendReason, setExtendReason] = useState('')
  const [contact, setContact] = useState<{ name: string | null; phone: string | null } | null>(null)
  const [actionError, setActionError] = useState<string | null>(null)

  useEffect(() => {
    if (trackingNo) void load(trackingNo)
    void loadTemplates()
  }, [trackingNo, load, loadTemplates])

  const run = async (name: Parameters<typeof step>[0], data: Record<string, unknown> = {}, done?: string) => {
    setActionError(null)
    const r = await step(name, trackingNo, data)
    if (!r.ok) setActionError(r.error.message)
    else if (done) void Taro.showToast({ title: done, icon: 'none' })
    return r
  }

  const awaiting = item ? ['submitted', 'accepted', 'assigned', 'reopened'].includes(item.status) : false
  return (
    <PageShell className='zj-fb-page'>
      <PageState status={item ? 'ready' : status} error={error} onRetry={() => void load(trackingNo)}>
        {item && (
          <View data-testid='staff-feedback-detail'>
            <View className='zj-fb-block'>
              <FeedbackHead title={`${item.categoryLabel} · ${item.trackingNo}`} item={item} />
              <Text className='zj-fb-hint'>
                提交于 {formatDateTime(item.createdAt)} · {item.departmentName ?? '待分派'}
              </Text>
              {awaiting && (
                <Text className={item.overdue ? 'zj-fb-due--over' : 'zj-fb-hint'}>
                  受理期限 {formatDate(item.acceptDueAt)} · 答复期限 {formatDate(item.dueAt)}
                  {item.overdue ? '（已超期）' : ''}
                </Text>
              )}
              <EscalatedNote at={item.escalatedAt} />
              {item.serviceName && <Text className='zj-fb-hint'>服务事项：{item.serviceName}</Text>}
              {item.place && <Text className='zj-fb-hint'>地点：{item.place}</Text>}
              <FeedbackContent content={item.content} images={item.images} />
              <Text className='zj-fb-label'>提交人</Text>
              <View data-testid='feedback-submitter'>
                {item.submitter?.anonymous ? (
                  <Text className='zj-fb-text'>匿名提交</Text>
                ) : (
                  <Text className='zj-fb-text'>
                    {item.submitter?.name ?? '未实名'}
                    {item.submitter?.phone ? ` · ${contact?.phone ?? item.submitter.phone}` : ''}
                    {item.submitter?.contactConsent ? '（同意联系）' : '（未同意联系）'}
                  </Text>
                )}
              </View>
              {item.submitter?.contactConsent && !contact && (
                <View className='zj-fb-actions'>
                  <ZjButton
                    size='small'
                    ariaLabel='查看完整联系方式（将记录在审计日志）'
                    onClick={() =>
                      void run('revealContact').then(
                        (r) => r.ok && setContact(r.data as { name: string | null; phone: string | null }),
                      )
                    }
                  >
                    查看联系方式
                  </ZjButton>
                </View>
              )}
            </View>

            <View className='zj-fb-block' data-testid='staff-actions'>
              <Text className='zj-fb-block__title'>办理</Text>
              {['submitted', 'assigned', 'reopened'].includes(item.status) && (
                <ZjButton
                  kind='primary'
                  loading={acting}
                  ariaLabel='受理'
                  onClick={() => void run('accept', {}, '已受理')}
                >
                  受理
                </ZjButton>
              )}
              {item.status === 'accepted' && (
                <View>
                  <Text className='zj-fb-label'>答复模板</Text>
                  <View className='zj-chips'>
                    {templates.map((t) => (
                      <Chip
                        key={t.id}
                        label={t.title}
                        on={reply === t.text}
                        onTap={() => setReply(t.text)}
                        testId={`template-${t.id}`}
                      />
                    ))}
                  </View>
                  <Text className='zj-fb-label'>答复内容</Text>
                  <Textarea
                    className='zj-fb-textarea'
                    value={reply}
                    maxlength={2500}
                    placeholder='请填写答复内容'
                    onInput={(e) => setReply(e.detail.value)}
                    aria-label='答复内容'
                    data-testid='reply-content'
                  />
                  <View className='zj-fb-actions'>
                    <ZjButton
                      kind='primary'
                      loading={acting}
                      ariaLabel='发送答复'
                      onClick={() => {
                        if (!reply.trim()) return setActionError('请填写答复内容')
                        void run('reply', { content: reply.trim() }, '已答复').then((r) => r.ok && setReply(''))
                      }}
                    >
                      发送答复
                    </ZjButton>
                  </View>
                </View>
              )}
              {item.status === 'replied' && (
                <ZjButton
                  kind='primary'
                  loading={acting}
                  ariaLabel='办结'
                  onClick={() => void run('resolve', {}, '已办结')}
                >
                  办结
                </ZjButton>
              )}
              {awaiting && (
                <View>
                  <Text className='zj-fb-label'>转办到其他部门（部门编号，如 dept_370202）</Text>
                  <Input
                    className='zj-fb-input'
                    value={transferTo}
                    placeholder='部门编号'
                    onInput={(e) => setTransferTo(e.detail.value)}
                    aria-label='转办部门编号'
                  />
                  <View className='zj-fb-actions'>
                    <ZjButton
                      ariaLabel='转办'
                      loading={acting}
                      onClick={() => void run('assign', { departmentId: transferTo.trim() }, '已转办')}
                    >
                      转办
                    </ZjButton>
                  </View>
                  {item.extension?.status !== 'requested' && !item.overdue && (
                    <>
                      <Text className='zj-fb-label'>申请延期（5个工作日，需管理员审批）</Text>
                      <Input
                        className='zj-fb-input'
                        value={extendReason}
                        maxlength={500}
                        placeholder='延期理由'
                        onInput={(e) => setExtendReason(e.detail.value)}
                        aria-label='延期理由'
                      />
                      <View className='zj-fb-actions'>
                        <ZjButton
                          ariaLabel='申请延期'
                          loading={acting}
                          onClick={() =>
                            void run('extend', { reason: extendReason.trim(), workingDays: 5 }, '已提交延期申请')
                          }
                        >
                          申请延期
                        </ZjButton>
                      </View>
                    </>
                  )}
                  {item.extension?.status === 'requested' && (
                    <Text className='zj-fb-hint'>延期申请审批中：{item.extensionReason}</Text>
                  )}
                  {isAdmin && item.extension?.status === 'requested' && (
                    <View className='zj-fb-actions'>
                      <ZjButton
                        kind='primary'
                        ariaLabel='批准延期'
                        onClick={() => void run('extend', { decision: 'approve' }, '已批准延期')}
                      >
                        批准延期
                      </ZjButton>
                      <ZjButton
                        ariaLabel='不批准延期'
                        onClick={() => void run('extend', { decision: 'reject' }, '已驳回')}
                      >
                        不批准
                      </ZjButton>
                    </View>
                  )}
                </View>
              )}
              {['resolved', 'closed'].includes(item.status) && <Text className='zj-fb-hint'>已办结，无需操作。</Text>}
              <ActionError message={actionError} />
            </View>

            <FeedbackProgress steps={item.timeline} />
          </View>
        )}
      </PageState>
    </PageShell>
  )
}
