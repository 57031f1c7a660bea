/**
 * Deadline rules and service standards for feedback (configurable here, documented in
 * docs/adr/0006-working-day-deadlines.md). Working days are counted with shared/calendar. Pure.
 */
export const FEEDBACK_CATEGORIES = ['consultation', 'complaint', 'suggestion', 'praise'] as const
export type FeedbackCategory = (typeof FEEDBACK_CATEGORIES)[number]

export const CATEGORY_LABELS: Record<FeedbackCategory, string> = {
  consultation: '咨询',
  complaint: '投诉',
  suggestion: '建议',
  praise: '表扬',
}

export interface DeadlineRules {
  /** Working days to accept (受理) a new or reopened item. */
  acceptWithinWorkingDays: number
  /** Working days to answer, by category. */
  answerWithinWorkingDays: Record<FeedbackCategory, number>
  /** Calendar days after a reply/resolution during which the resident may reopen. */
  reopenWindowDays: number
  /** Calendar days after resolution after which an unrated item is closed by the timer. */
  autoCloseAfterDays: number
  /** Largest extension one request may ask for, in working days. */
  maxExtensionWorkingDays: number
  /** How many times a resident may reopen one item. */
  maxReopens: number
}

export const DEFAULT_DEADLINE_RULES: DeadlineRules = {
  acceptWithinWorkingDays: 1,
  answerWithinWorkingDays: { consultation: 3, complaint: 13, suggestion: 10, praise: 5 },
  reopenWindowDays: 7,
  autoCloseAfterDays: 7,
  maxExtensionWorkingDays: 10,
  maxReopens: 2,
}

/** The public service standards shown beside the 三率 figures. */
export function serviceStandards(rules: DeadlineRules = DEFAULT_DEADLINE_RULES): string[] {
  const a = rules.answerWithinWorkingDays
  return [
    `${rules.acceptWithinWorkingDays}个工作日内受理`,
    `咨询${a.consultation}个工作日内答复`,
    `投诉${a.complaint}个工作日内答复`,
    `建议${a.suggestion}个工作日内答复`,
    `表扬${a.praise}个工作日内回复`,
    `答复后${rules.reopenWindowDays}天内不满意可申请重新办理`,
    '工作日按国务院办公厅公布的节假日安排计算，超期自动督办',
  ]
}

/** A satisfied rating: 4 or 5 out of 5. */
export const SATISFIED_MIN_SCORE = 4

/** Reply templates for handlers (reply { templateId } fills the text; the handler may edit it). */
export const REPLY_TEMPLATES: readonly { id: string; title: string; text: string }[] = [
  {
    id: 'received',
    title: '已收悉',
    text: '您好，您反映的问题我们已收悉，正在核实办理，办理结果将及时答复您。感谢您对公共就业服务工作的关心与支持。',
  },
  {
    id: 'policyExplain',
    title: '政策解答',
    text: '您好，关于您咨询的政策，具体条件与办理流程请见“政策”页面的详细说明，也可携带身份证到就近的公共就业服务窗口办理。',
  },
  {
    id: 'solved',
    title: '已解决',
    text: '您好，经核实，您反映的问题已处理完毕。如仍有疑问，可在答复后7天内申请重新办理。',
  },
  {
    id: 'thanks',
    title: '感谢建议',
    text: '您好，感谢您提出的宝贵建议，我们已转相关科室研究，并将在今后的工作中认真改进。',
  },
]
