/** 办理进度: status, due date, the answer, rating (after a reply), reopen (within 7 days) and the timeline. */
import { useEffect, useState } from 'react'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import { PageShell } from '@/components/PageShell'
import { PageState } from '@/components/PageState'
import { ZjButton } from '@/components/ZjButton'
import {
  ActionError,
  EscalatedNote,
  FeedbackContent,
  FeedbackHead,
  FeedbackProgress,
} from '@/modules/feedback/FeedbackDetailParts'
import { useFeedbackStore } from '@/stores/feedback.store'
import { formatDate, formatDateTime } from '@/utils/format'
import '@/modules/feedback/feedback.scss'

const SCORE_WORDS = ['', '很不满意', '不满意', '一般', '满意', '非常满意']

export default function FeedbackDetailPage() {
  const trackingNo = (useRouter().params.trackingNo ?? '').toUpperCase()
  const item = useFeedbackStore((s) => s.details[trackingNo])
  const status = useFeedbackStore((s) => s.detailStatus)
  const error = useFeedbackStore((s) => s.detailError)
  const load = useFeedbackStore((s) => s.loadDetail)
  const rate = useFeedbackStore((s) => s.rate)
  const reopen = useFeedbackStore((s) => s.reopen)
  const acting = useFeedbackStore((s) => s.acting)
  const [score, setScore] = useState(0)
  const [comment, setComment] = useState('')
  const [reason, setReason] = useState('')
  const [actionError, setActionError] = useState<string | null>(null)

  useEffect(() => {
    if (trackingNo) void load(trackingNo)
  }, [trackingNo, load])
  usePullDownRefresh(() => {
    void load(trackingNo).finally(() => Taro.stopPullDownRefresh())
  })

  const sendRating = async () => {
    setActionError(null)
    if (score < 1) return setActionError('请先选择评分')
    const r = await rate(trackingNo, score, comment.trim() || undefined)
    if (!r.ok) setActionError(r.error.message)
    else void Taro.showToast({ title: '感谢您的评价', icon: 'none' })
  }
  const sendReopen = async () => {
    setActionError(null)
    const r = await reopen(trackingNo, reason.trim() || undefined)
    if (!r.ok) setActionError(r.error.message)
    else void Taro.showToast({ title: '已申请重新办理', icon: 'none' })
  }

  return (
    <PageShell className='zj-fb-page'>
      <PageState status={item ? 'ready' : status} error={error} onRetry={() => void load(trackingNo)}>
        {item && (
          <View data-testid='feedback-detail'>
            <View className='zj-fb-block'>
              <FeedbackHead title={item.categoryLabel} item={item} />
              <Text className='zj-fb-hint'>
                受理编号 {item.trackingNo} · 提交于 {formatDateTime(item.createdAt)}
              </Text>
              <Text className='zj-fb-hint'>承办部门：{item.departmentName ?? '待分派'}</Text>
              {['pendingReview', 'submitted', 'accepted', 'assigned', 'reopened'].includes(item.status) && (
                <Text className={item.overdue ? 'zj-fb-due--over' : 'zj-fb-hint'} data-testid='feedback-due'>
                  答复期限：{formatDate(item.dueAt)}前{item.overdue ? '（已超期，已督促办理）' : ''}
                </Text>
              )}
              <EscalatedNote at={item.escalatedAt} />
              {item.status === 'pendingReview' && <Text className='zj-fb-hint'>内容审核中，通过后将转交办理。</Text>}
              {item.status === 'rejected' && (
                <Text className='zj-fb-error'>内容未通过安全审核，未予公开，请修改后重新提交。</Text>
              )}
              <FeedbackContent content={item.content} images={item.images} />
            </View>

            {item.reply && (
              <View className='zj-fb-block' data-testid='feedback-reply'>
                <Text className='zj-fb-block__title'>答复</Text>
                <Text className='zj-fb-text'>{item.reply.content}</Text>
                <Text className='zj-fb-hint'>
                  {item.reply.departmentName ?? ''} · {formatDateTime(item.reply.at)}
                </Text>
              </View>
            )}

            {item.rating && (
              <View className='zj-fb-block' data-testid='feedback-rating'>
                <Text className='zj-fb-block__title'>我的评价</Text>
                <Text className='zj-fb-text'>
                  {'★'.repeat(item.rating.score)}
                  {'☆'.repeat(5 - item.rating.score)} {SCORE_WORDS[item.rating.score]}
                </Text>
                {item.rating.comment && <Text className='zj-fb-text'>{item.rating.comment}</Text>}
              </View>
            )}

            {item.canRate && (
              <View className='zj-fb-block' data-testid='feedback-rate'>
                <Text className='zj-fb-block__title'>评价本次办理</Text>
                <View className='zj-fb-stars' role='radiogroup' aria-label='评分'>
                  {[1, 2, 3, 4, 5].map((n) => (
                    <View
                      key={n}
                      className={`zj-fb-star ${n <= score ? 'zj-fb-star--on' : ''}`}
                      role='radio'
                      aria-checked={n === score}
                      aria-label={`${n}分，${SCORE_WORDS[n]}`}
                      data-testid={`star-${n}`}
                      onClick={() => setScore(n)}
                    >
                      <Text>★</Text>
                    </View>
                  ))}
                </View>
                {score > 0 && <Text className='zj-fb-hint'>{SCORE_WORDS[score]}</Text>}
                <Input
                  className='zj-fb-input'
                  value={comment}
                  maxlength={500}
                  placeholder='说说您的意见（选填）'
                  onInput={(e) => setComment(e.detail.value)}
                  aria-label='评价意见'
                />
                <View className='zj-fb-actions'>
                  <ZjButton kind='primary' loading={acting} ariaLabel='提交评价' onClick={() => void sendRating()}>
                    提交评价
                  </ZjButton>
                </View>
              </View>
            )}

            {item.canReopen && (
              <View className='zj-fb-block' data-testid='feedback-reopen'>
                <Text className='zj-fb-block__title'>对答复不满意？</Text>
                <Text className='zj-fb-hint'>
                  {item.reopenDeadline ? `${formatDateTime(item.reopenDeadline)}前` : ''}可申请重新办理。
                </Text>
                <Input
                  className='zj-fb-input'
                  value={reason}
                  maxlength={500}
                  placeholder='请说明原因（选填）'
                  onInput={(e) => setReason(e.detail.value)}
                  aria-label='重新办理的原因'
                />
                <View className='zj-fb-actions'>
                  <ZjButton loading={acting} ariaLabel='申请重新办理' onClick={() => void sendReopen()}>
                    申请重新办理
                  </ZjButton>
                </View>
              </View>
            )}

            <ActionError message={actionError} />

            <FeedbackProgress steps={item.timeline} />
          </View>
        )}
      </PageState>
    </PageShell>
  )
}
