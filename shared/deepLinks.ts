/**
 * Deep links: the mini-program pages a subscription message or a message-centre entry opens. One place, so a
 * producer cannot name a page that does not exist (WeChat answers 41030 for an unknown page); a test checks
 * every link against app.config.ts. No leading slash, as subscribeMessage.send expects.
 */
const q = (v: string) => encodeURIComponent(v)

export const deepLinks = {
  messageCenter: () => 'packages/notify/index/index',
  policy: (policyId: string) => `packages/policy/index/index?id=${q(policyId)}`,
  myPolicyMatches: () => 'packages/policy/matches/index',
  myApplications: () => 'packages/job/applications/index',
  trainingCourse: (courseId: string) => `packages/training/detail/index?id=${q(courseId)}`,
  mySignups: () => 'packages/training/mine/index',
  feedback: (trackingNo: string) => `packages/feedback/detail/index?trackingNo=${q(trackingNo)}`,
  staffFeedback: (trackingNo: string) => `packages/staff/feedback/detail/index?trackingNo=${q(trackingNo)}`,
  myData: () => 'packages/me/data/index',
  outreachList: () => 'packages/outreach/index/index',
  application: (applicationId: string) => `packages/application/detail/index?id=${q(applicationId)}`,
  staffApplication: (applicationId: string) => `packages/application/review/index?id=${q(applicationId)}`,
  myServiceApplications: () => 'packages/application/index/index',
} as const

export type DeepLink = keyof typeof deepLinks

/** The page path of a link (without the query). */
export const pagePathOf = (link: string): string => link.split('?')[0]
