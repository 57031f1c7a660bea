/**
 * 办事申请 (Application) statuses and the pure table of allowed transitions, read by the `application`
 * function (every step goes through `nextStatus`) and by the app (which buttons to show). Pure: no I/O.
 */
export const APPLICATION_STATUSES = [
  'draft',
  'submitted',
  'underReview',
  'correctionRequested',
  'approved',
  'refused',
  'withdrawn',
] as const
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number]

export const APPLICATION_STATUS_LABELS: Record<ApplicationStatus, string> = {
  draft: '草稿',
  submitted: '已提交',
  underReview: '审核中',
  correctionRequested: '待补正',
  approved: '已通过',
  refused: '未通过',
  withdrawn: '已撤回',
}

/** The steps of a case, by who takes them. */
export const APPLICATION_STEPS = [
  'submit',
  'take',
  'assign',
  'requestCorrection',
  'respond',
  'approve',
  'refuse',
  'withdraw',
  'reopen',
] as const
export type ApplicationStep = (typeof APPLICATION_STEPS)[number]

export const STEP_LABELS: Record<ApplicationStep, string> = {
  submit: '提交申请',
  take: '受理',
  assign: '分派',
  requestCorrection: '要求补正',
  respond: '补正材料',
  approve: '审核通过',
  refuse: '审核不通过',
  withdraw: '撤回申请',
  reopen: '重新审核',
}

/** Who may take a step: the applicant (or a grid worker on their behalf) or department staff. */
export const STEP_ACTOR: Record<ApplicationStep, 'applicant' | 'staff'> = {
  submit: 'applicant',
  respond: 'applicant',
  withdraw: 'applicant',
  take: 'staff',
  assign: 'staff',
  requestCorrection: 'staff',
  approve: 'staff',
  refuse: 'staff',
  reopen: 'staff',
}

/** status → step → next status. A pair not in the table is refused (CONFLICT). */
export const TRANSITIONS: Readonly<Record<ApplicationStatus, Partial<Record<ApplicationStep, ApplicationStatus>>>> = {
  draft: { submit: 'submitted', withdraw: 'withdrawn' },
  submitted: { take: 'underReview', assign: 'underReview', withdraw: 'withdrawn' },
  underReview: {
    assign: 'underReview',
    requestCorrection: 'correctionRequested',
    approve: 'approved',
    refuse: 'refused',
    withdraw: 'withdrawn',
  },
  correctionRequested: { respond: 'underReview', refuse: 'refused', withdraw: 'withdrawn' },
  approved: {},
  refused: { reopen: 'underReview' },
  withdrawn: {},
}

export function nextStatus(from: ApplicationStatus, step: ApplicationStep): ApplicationStatus | null {
  return TRANSITIONS[from]?.[step] ?? null
}

/** Steps allowed from a status (for buttons). */
export const allowedSteps = (from: ApplicationStatus): ApplicationStep[] =>
  Object.keys(TRANSITIONS[from] ?? {}) as ApplicationStep[]

export const OPEN_STATUSES: readonly ApplicationStatus[] = ['submitted', 'underReview', 'correctionRequested']
export const DONE_STATUSES: readonly ApplicationStatus[] = ['approved', 'refused', 'withdrawn']
/** Statuses during which the working-day clock runs (補正 stops it). */
export const CLOCK_RUNNING: readonly ApplicationStatus[] = ['submitted', 'underReview']

/** Published refusal reasons (shown to the resident with the reviewer's text). */
export const REFUSAL_REASONS = [
  'notEligible',
  'incompleteAfterCorrection',
  'duplicate',
  'falseInformation',
  'other',
] as const
export type RefusalReason = (typeof REFUSAL_REASONS)[number]
export const REFUSAL_REASON_LABELS: Record<RefusalReason, string> = {
  notEligible: '不符合条件',
  incompleteAfterCorrection: '材料不全且逾期未补正',
  duplicate: '重复申请',
  falseInformation: '信息不实',
  other: '其他',
}

export const QUEUE_VIEWS = ['unassigned', 'mine', 'dueSoon', 'overdue', 'done'] as const
export type QueueView = (typeof QUEUE_VIEWS)[number]
export const QUEUE_VIEW_LABELS: Record<QueueView, string> = {
  unassigned: '待受理',
  mine: '我的案件',
  dueSoon: '即将到期',
  overdue: '已超期',
  done: '已办结',
}
