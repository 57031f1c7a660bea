/** Pieces the application pages share: status tag, case card, timeline, eligibility, answers. */
import { Text, View } from '@tarojs/components'
import type { ApplicationStatus } from '@shared/application/status'
import { Tag, type TagTone } from '../../components/Tag'
import type { CaseDetail, CaseSummary, Eligibility, TimelineEntry } from '../../services/application.service'
import { formatDate, formatDateTime } from '../../utils/format'

const TONE: Record<ApplicationStatus, TagTone> = {
  draft: 'default',
  submitted: 'primary',
  underReview: 'primary',
  correctionRequested: 'warning',
  approved: 'success',
  refused: 'danger',
  withdrawn: 'default',
}

export function StatusTag({ status, label }: { status: ApplicationStatus; label: string }) {
  return <Tag tone={TONE[status]}>{label}</Tag>
}

export function CaseCard({ item, onOpen }: { item: CaseSummary; onOpen: () => void }) {
  return (
    <View
      className='zj-app-block'
      onClick={onOpen}
      aria-label={`${item.title}，${item.statusLabel}`}
      data-testid='application-card'
    >
      <Text className='zj-app-title'>{item.title}</Text>
      <StatusTag status={item.status} label={item.statusLabel} />
      {item.trackingNo && <Text className='zj-app-hint'>受理编号 {item.trackingNo}</Text>}
      {item.dueAt && item.status !== 'approved' && item.status !== 'refused' && item.status !== 'withdrawn' && (
        <Text className={item.overdue ? 'zj-app-hint zj-app-bad' : 'zj-app-hint'}>
          {item.clockStopped
            ? '补正中，办理时限暂停'
            : `办结期限 ${formatDate(item.dueAt)}${item.overdue ? '（已超期）' : item.dueSoon ? '（即将到期）' : ''}`}
        </Text>
      )}
      {item.onBehalf && <Text className='zj-app-hint'>网格员代办</Text>}
    </View>
  )
}

export function EligibilityBox({ e }: { e: Eligibility | null }) {
  if (!e) return null
  const label =
    e.status === 'eligible'
      ? '根据您的登记信息，符合申请条件'
      : e.status === 'ineligible'
        ? '根据目前信息，暂不符合条件'
        : '还需补充信息才能判断'
  return (
    <View className='zj-app-block' data-testid='application-eligibility'>
      <Text className='zj-app-title'>资格说明（{e.asOf}）</Text>
      <Text className='zj-app-hint'>{label}</Text>
      {e.reasons.map((r) => (
        <Text key={r.code} className={`zj-app-hint ${r.passed ? 'zj-app-ok' : 'zj-app-bad'}`}>
          {r.passed ? '✓' : '✗'} {r.text}
        </Text>
      ))}
    </View>
  )
}

export function Timeline({ items }: { items: TimelineEntry[] }) {
  return (
    <View className='zj-app-block' data-testid='application-timeline'>
      <Text className='zj-app-title'>办理进度</Text>
      {items.map((t, i) => (
        <View key={i} className='zj-app-timeline__item'>
          <Text className='zj-app-field__label'>
            {t.label} · {t.statusLabel}
            {t.public === false ? '（内部）' : ''}
          </Text>
          <Text className='zj-app-hint'>
            {formatDateTime(t.at)}
            {t.onBehalf ? ' · 网格员代办' : t.byStaff ? ' · 经办人' : ''}
          </Text>
          {t.note && <Text className='zj-app-hint'>{t.note}</Text>}
        </View>
      ))}
    </View>
  )
}

export function AnswersBlock({ d }: { d: CaseDetail }) {
  const label = (key: string, v: unknown) => {
    const q = d.questions.find((x) => x.key === key)
    if (Array.isArray(v))
      return v.map((x) => q?.options?.find((o) => o.value === x)?.label ?? String(x)).join('、') || '无'
    return q?.options?.find((o) => o.value === String(v))?.label ?? (v === null ? '无' : String(v))
  }
  return (
    <View className='zj-app-block' data-testid='application-answers'>
      <Text className='zj-app-title'>申请信息</Text>
      {d.prefill.map((p) => (
        <View key={p.key} className='zj-app-line'>
          <Text>{p.label}</Text>
          <Text>
            {p.display}
            <Text className='zj-app-line__source'>{p.sourceLabel}</Text>
          </Text>
        </View>
      ))}
      {Object.entries(d.answers).map(([k, v]) => (
        <View key={k} className='zj-app-line'>
          <Text>{d.questions.find((q) => q.key === k)?.label ?? k}</Text>
          <Text>{label(k, v)}</Text>
        </View>
      ))}
    </View>
  )
}
