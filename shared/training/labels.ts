/** Chinese labels of the training module, one place for the mini-program and the functions. */
export const TRAINING_LEVEL_LABELS = { junior: '初级', intermediate: '中级', senior: '高级' } as const
export const TRAINING_MODE_LABELS = { offline: '线下', online: '线上' } as const
export const CERTIFICATE_TYPE_LABELS = {
  skillLevel: '职业技能等级证书',
  specialAbility: '专项职业能力证书',
  trainingCertificate: '培训合格证书',
} as const
export const SIGNUP_STATUS_LABELS = {
  pending: '处理中',
  confirmed: '已报名',
  waitlisted: '候补中',
  cancelled: '已取消',
  attended: '已签到',
  completed: '已结业',
} as const
