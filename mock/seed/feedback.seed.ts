/**
 * Feedback seed: a month of history (the calendar month before the seed's now) for three departments, built
 * from the declarative spec below so that the 三率 figures of that month are known in advance
 * (tests/functions/feedbackStats.test.ts checks them against FEEDBACK_HISTORY), plus two items of the demo
 * resident for the "my feedback" page. Each item has its timeline in feedback_events.
 */
import { workingDayDeadline } from '../../shared/calendar/workingDay'
import { DEFAULT_DEADLINE_RULES, type FeedbackCategory } from '../../shared/feedback/rules'
import { buildDepartments } from './base/departments'
import { DEMO_OPENIDS } from './base/demo'
import type { ModuleSeed } from './types'
import { cstDateOf, cstMidnightMs, toIsoCst } from '../../shared/calendar/chinaTime'

export interface DepartmentHistory {
  departmentId: string
  total: number
  /** Accepted by the acceptance deadline / after it (the rest never accepted). */
  acceptedOnTime: number
  acceptedLate: number
  /** First answer by the answer deadline / after it (the rest unanswered, past due). */
  answeredOnTime: number
  answeredLate: number
  /** Resolved or closed (includes the rated ones). */
  resolved: number
  rated: number
  /** Rated 4 or 5. */
  satisfied: number
}

export const FEEDBACK_HISTORY: readonly DepartmentHistory[] = [
  {
    departmentId: 'dept_370102',
    total: 24,
    acceptedOnTime: 21,
    acceptedLate: 2,
    answeredOnTime: 18,
    answeredLate: 3,
    resolved: 17,
    rated: 14,
    satisfied: 12,
  },
  {
    departmentId: 'dept_370202',
    total: 12,
    acceptedOnTime: 9,
    acceptedLate: 2,
    answeredOnTime: 7,
    answeredLate: 3,
    resolved: 8,
    rated: 6,
    satisfied: 4,
  },
  {
    departmentId: 'dept_370100',
    total: 8,
    acceptedOnTime: 8,
    acceptedLate: 0,
    answeredOnTime: 8,
    answeredLate: 0,
    resolved: 8,
    rated: 5,
    satisfied: 5,
  },
]

/** 'YYYY-MM' of the month before `now` (China time). */
export function historyMonth(now: Date): string {
  const [y, m] = cstDateOf(now).slice(0, 7).split('-').map(Number)
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`
}

const CONTENTS: Record<FeedbackCategory, string[]> = {
  consultation: [
    '请问失业保险金怎么申领？需要哪些材料？',
    '高校毕业生求职创业补贴什么时候发放？',
    '灵活就业人员社保补贴的申请条件是什么？',
  ],
  complaint: [
    '就业服务大厅排队时间太长，叫号系统经常出错。',
    '招聘会上有企业承诺的薪资与实际不符。',
    '网上办理失业登记一直提示系统错误。',
  ],
  suggestion: ['建议在社区增设就业服务站，方便老年人咨询。', '希望培训课程能增加周末班。'],
  praise: ['窗口工作人员耐心细致，帮我很快办好了手续。', '职业指导老师的建议很有帮助，已经找到工作。'],
}
const CATEGORIES: FeedbackCategory[] = ['consultation', 'complaint', 'suggestion', 'praise']
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'
const H = 3600_000

const seedFeedback: ModuleSeed = async (writer, options, context) => {
  const month = historyMonth(options.now)
  const monthStart = cstMidnightMs(`${month}-01`)
  const names = new Map(buildDepartments().map((d) => [d._id, d.name]))
  const rules = DEFAULT_DEADLINE_RULES
  const docs: Record<string, unknown>[] = []
  const events: Record<string, unknown>[] = []
  const rnd = context.random
  const code = () => Array.from({ length: 6 }, () => ALPHABET[Math.floor(rnd() * ALPHABET.length)]).join('')

  let n = 0
  for (const spec of FEEDBACK_HISTORY) {
    const departmentName = names.get(spec.departmentId) ?? spec.departmentId
    const accepted = spec.acceptedOnTime + spec.acceptedLate
    const answered = spec.answeredOnTime + spec.answeredLate
    for (let i = 0; i < spec.total; i++) {
      n++
      // Unanswered items on the 1st or 2nd day (so their deadlines lie inside the month); the rest spread over days 1–15.
      const day = i >= answered ? 1 + (i % 2) : 1 + ((i * 7) % 15)
      const createdAtMs = monthStart + (day - 1) * 24 * H + (9 + (i % 8)) * H
      const category = CATEGORIES[(i + n) % CATEGORIES.length]
      const acceptDueAtMs = workingDayDeadline(createdAtMs, rules.acceptWithinWorkingDays)
      const dueAtMs = workingDayDeadline(createdAtMs, rules.answerWithinWorkingDays[category])
      const acceptedAtMs = i < spec.acceptedOnTime ? createdAtMs + 2 * H : i < accepted ? acceptDueAtMs + 2 * H : null
      const repliedAtMs =
        acceptedAtMs === null
          ? null
          : i < spec.answeredOnTime
            ? Math.min(dueAtMs - H, acceptedAtMs + 20 * H)
            : i < answered
              ? dueAtMs + 30 * H
              : null
      const isRated = i < spec.rated
      const isResolved = i < spec.resolved
      const resolvedAtMs = isResolved && repliedAtMs !== null ? repliedAtMs + 4 * H : null
      const status = isRated
        ? 'closed'
        : isResolved
          ? 'resolved'
          : repliedAtMs !== null
            ? 'replied'
            : acceptedAtMs !== null
              ? 'accepted'
              : 'submitted'
      const score = isRated ? (i < spec.satisfied ? 5 - (i % 2) : 2 + (i % 2)) : null
      const openid =
        n === 1 ? DEMO_OPENIDS.resident : n === 2 ? DEMO_OPENIDS.resident2 : `o_seed_fb_${String(n).padStart(3, '0')}`
      const id = `fb_seed_${String(n).padStart(3, '0')}`
      const content = CONTENTS[category][i % CONTENTS[category].length]
      const replyText = '您好，您反映的情况已核实处理，如有疑问请拨打12333咨询。'
      const steps: [string, number | null, string, string | null][] = [
        ['submit', createdAtMs, 'submitted', null],
        ['accept', acceptedAtMs, 'accepted', null],
        ['reply', repliedAtMs, 'replied', replyText],
        ['resolve', isResolved && !isRated ? resolvedAtMs : null, 'resolved', null],
        [
          'rate',
          isRated && repliedAtMs !== null ? repliedAtMs + 6 * H : null,
          'closed',
          score !== null ? `评分 ${score} 分` : null,
        ],
      ]
      let version = 0
      let from: string | null = null
      for (const [type, atMs, to, note] of steps) {
        if (atMs === null) continue
        version++
        events.push({
          _id: `${id}:${version}`,
          feedbackId: id,
          seq: version,
          type,
          fromStatus: from,
          toStatus: to,
          actorRole: type === 'submit' || type === 'rate' ? 'resident' : 'handler',
          actorOpenid: null,
          departmentId: spec.departmentId,
          departmentName,
          note,
          public: true,
          at: toIsoCst(atMs),
          atMs,
        })
        from = to
      }
      const createdDate = cstDateOf(createdAtMs).replace(/-/g, '').slice(2)
      docs.push({
        _id: id,
        trackingNo: `F${createdDate}${code()}`,
        openid,
        anonymous: i % 5 === 4,
        contactConsent: false,
        contactPhone: null,
        category,
        content,
        images: [],
        serviceName: null,
        place: null,
        regionCode: spec.departmentId.slice(5),
        status,
        version,
        round: 1,
        reopenCount: 0,
        departmentId: spec.departmentId,
        departmentName,
        createdAt: toIsoCst(createdAtMs),
        createdAtMs,
        month,
        acceptDueAt: toIsoCst(acceptDueAtMs),
        acceptDueAtMs,
        dueAt: toIsoCst(dueAtMs),
        dueAtMs,
        firstAcceptedAtMs: acceptedAtMs,
        firstRepliedAtMs: repliedAtMs,
        firstReplyDueAtMs: repliedAtMs === null ? null : dueAtMs,
        repliedAt: repliedAtMs === null ? null : toIsoCst(repliedAtMs),
        repliedAtMs,
        resolvedAtMs,
        closedAtMs: isRated && repliedAtMs !== null ? repliedAtMs + 6 * H : null,
        reply: repliedAtMs === null ? null : { content: replyText, at: toIsoCst(repliedAtMs), departmentName },
        rating:
          score === null || repliedAtMs === null
            ? null
            : { score, comment: null, solved: score >= 4, at: toIsoCst(repliedAtMs + 6 * H) },
        escalatedAt: null,
        escalatedAtMs: null,
        extension: null,
        review: { state: 'passed', attempts: 0, nextCheckAtMs: null },
        updatedAt: toIsoCst(createdAtMs),
      })
    }
  }
  await writer.insertMany('feedback', docs)
  await writer.insertMany('feedback_events', events)
}

export default seedFeedback
