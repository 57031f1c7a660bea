import type { EligibilityStatus } from '@shared/rules/types'
import { Tag } from '@/components/Tag'

const LABEL: Record<EligibilityStatus, string> = {
  eligible: '符合条件',
  ineligible: '暂不符合',
  undetermined: '还需补充信息',
}
const TONE = { eligible: 'success', ineligible: 'default', undetermined: 'warning' } as const

/** The answer of a check in words (colour is never the only cue). */
export function StatusTag({ status }: { status: EligibilityStatus }) {
  return <Tag tone={TONE[status]}>{LABEL[status]}</Tag>
}
