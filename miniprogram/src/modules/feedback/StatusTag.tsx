import { Tag, type TagTone } from '@/components/Tag'

const TONES: Record<string, TagTone> = {
  pendingReview: 'warning',
  rejected: 'danger',
  submitted: 'default',
  accepted: 'primary',
  assigned: 'primary',
  replied: 'success',
  resolved: 'success',
  closed: 'default',
  reopened: 'warning',
}

/** The status in words (tone is never the only cue); 已超期 next to it when overdue. */
export function StatusTag({ status, label, overdue }: { status: string; label: string; overdue?: boolean }) {
  return (
    <>
      <Tag tone={TONES[status] ?? 'default'}>{label}</Tag>
      {overdue && <Tag tone='danger'>已超期</Tag>}
    </>
  )
}
