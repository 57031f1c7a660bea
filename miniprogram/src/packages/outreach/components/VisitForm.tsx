/** The visit form (走访记录): works offline; the visit goes to the phone's queue and syncs when it can. */
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, Textarea, View } from '@tarojs/components'
import {
  REFERRAL_KIND_LABELS,
  VISIT_NEED_LABELS,
  VISIT_OUTCOME_LABELS,
  type ReferralKind,
  type VisitNeed,
  type VisitOutcome,
  type VisitInput,
} from '@shared/actions/outreach'
import { EMPLOYMENT_STATUS_LABELS, type EmploymentStatus } from '@shared/domain/person'
import { Chip } from '@/components/Chip'
import { ZjButton } from '@/components/ZjButton'
import { useOutreachStore } from '@/stores/outreach.store'
import './outreach.scss'
import { toIsoCst } from '@shared/calendar/chinaTime'

const DAY = 86_400_000
const FOLLOW_UPS: [string, number | null][] = [
  ['不需要', null],
  ['3天后', 3],
  ['7天后', 7],
  ['30天后', 30],
]
const STATUSES: EmploymentStatus[] = ['unemployed', 'employed', 'flexible', 'selfEmployed']

/** ISO-8601 with +08:00 for the phone's clock. */
export function isoCstNow(offsetMs = 0): string {
  return toIsoCst(Date.now() + offsetMs).replace(/\.\d{3}\+08:00$/, '+08:00')
}

interface Props {
  personId: string
  personName: string
  taskIds?: string[]
  onDone: (clientId: string) => void
  onCancel?: () => void
}

export function VisitForm({ personId, personName, taskIds, onDone, onCancel }: Props) {
  const recordVisit = useOutreachStore((s) => s.recordVisit)
  const [outcome, setOutcome] = useState<VisitOutcome>('reached')
  const [status, setStatus] = useState<EmploymentStatus | null>(null)
  const [needs, setNeeds] = useState<VisitNeed[]>([])
  const [referrals, setReferrals] = useState<ReferralKind[]>([])
  const [consent, setConsent] = useState(false)
  const [notes, setNotes] = useState('')
  const [followUp, setFollowUp] = useState<number | null>(null)
  const [saving, setSaving] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const toggle = <T,>(list: T[], v: T) => (list.includes(v) ? list.filter((x) => x !== v) : [...list, v])
  const needsConsent = referrals.includes('trainingSignup')

  const submit = async () => {
    setSaving(true)
    setError(null)
    const visit: Omit<VisitInput, 'clientId'> = {
      personId,
      outcome,
      visitedAt: isoCstNow(),
      ...(status ? { employmentStatus: status } : {}),
      ...(needs.length ? { needs } : {}),
      ...(referrals.length ? { referrals: referrals.map((kind) => ({ kind })) } : {}),
      ...(notes.trim() ? { notes: notes.trim() } : {}),
      ...(followUp ? { nextFollowUpAt: isoCstNow(followUp * DAY) } : {}),
      ...(needsConsent && consent ? { onBehalfConsent: { given: true as const, method: 'verbal' as const } } : {}),
      ...(taskIds?.length ? { taskIds } : {}),
    }
    const r = await recordVisit(visit)
    setSaving(false)
    if (!r.ok) {
      setError(r.error.message)
      return
    }
    void Taro.showToast({
      title: r.synced ? '走访记录已提交' : '已保存，联网后自动同步',
      icon: r.synced ? 'success' : 'none',
    })
    onDone(r.clientId)
  }

  return (
    <View className='zj-visit-form' data-testid='visit-form' aria-label={`记录对${personName}的走访`}>
      <Text className='zj-visit-form__title'>走访记录 · {personName}</Text>

      <Text className='zj-visit-form__label'>走访结果</Text>
      <View className='zj-chips'>
        {(Object.keys(VISIT_OUTCOME_LABELS) as VisitOutcome[]).map((o) => (
          <Chip
            role='checkbox'
            key={o}
            label={VISIT_OUTCOME_LABELS[o]}
            on={outcome === o}
            onTap={() => setOutcome(o)}
            testId={`outcome-${o}`}
          />
        ))}
      </View>

      <Text className='zj-visit-form__label'>目前就业状态（有变化时选择）</Text>
      <View className='zj-chips'>
        {STATUSES.map((s) => (
          <Chip
            role='checkbox'
            key={s}
            label={EMPLOYMENT_STATUS_LABELS[s]}
            on={status === s}
            onTap={() => setStatus(status === s ? null : s)}
            testId={`status-${s}`}
          />
        ))}
      </View>

      <Text className='zj-visit-form__label'>服务需求</Text>
      <View className='zj-chips'>
        {(Object.keys(VISIT_NEED_LABELS) as VisitNeed[]).map((n) => (
          <Chip
            role='checkbox'
            key={n}
            label={VISIT_NEED_LABELS[n]}
            on={needs.includes(n)}
            onTap={() => setNeeds(toggle(needs, n))}
            testId={`need-${n}`}
          />
        ))}
      </View>

      <Text className='zj-visit-form__label'>已办理的转介</Text>
      <View className='zj-chips'>
        {(Object.keys(REFERRAL_KIND_LABELS) as ReferralKind[]).map((k) => (
          <Chip
            role='checkbox'
            key={k}
            label={REFERRAL_KIND_LABELS[k]}
            on={referrals.includes(k)}
            onTap={() => setReferrals(toggle(referrals, k))}
            testId={`referral-${k}`}
          />
        ))}
      </View>
      {needsConsent && (
        <View className='zj-chips'>
          <Chip
            role='checkbox'
            label='居民已口头同意由网格员代为办理'
            on={consent}
            onTap={() => setConsent(!consent)}
            testId='consent'
          />
        </View>
      )}

      <Text className='zj-visit-form__label'>备注（不要填写身份证号、手机号）</Text>
      <Textarea
        className='zj-visit-form__notes'
        value={notes}
        maxlength={500}
        placeholder='走访情况、居民诉求'
        onInput={(e) => setNotes(e.detail.value)}
        aria-label='走访备注'
      />

      <Text className='zj-visit-form__label'>下次回访</Text>
      <View className='zj-chips'>
        {FOLLOW_UPS.map(([label, days]) => (
          <Chip
            role='checkbox'
            key={label}
            label={label}
            on={followUp === days}
            onTap={() => setFollowUp(days)}
            testId={`followup-${days ?? 'none'}`}
          />
        ))}
      </View>

      {error && (
        <View className='zj-visit-form__error' role='alert'>
          <Text>{error}</Text>
        </View>
      )}
      <View className='zj-visit-form__actions'>
        {onCancel && (
          <ZjButton ariaLabel='取消' onClick={onCancel}>
            取消
          </ZjButton>
        )}
        <ZjButton
          kind='primary'
          ariaLabel='保存走访记录'
          loading={saving}
          disabled={needsConsent && !consent}
          onClick={() => void submit()}
        >
          保存
        </ZjButton>
      </View>
    </View>
  )
}
