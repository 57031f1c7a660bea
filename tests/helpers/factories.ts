/**
 * Factories for documents tests put straight into the emulator's database, typed by the production document types
 * so a field added or renamed there shows up here (instead of field-by-field copies in each test). Override any
 * field; times are given in ms and their ISO (China time) twins follow.
 */
import type { FeedbackDoc } from '../../cloudfunctions/feedback/repositories/feedback.repository'
import { toIsoCst } from '../../shared/calendar/chinaTime'
import { buildDepartments, departmentIdOf } from '../../mock/seed/base/departments'

let seq = 0
const DEPARTMENT_NAMES = new Map(buildDepartments().map((d) => [d._id, d.name]))

/**
 * A feedback item as `feedback.submit` stores it: passed the content check, awaiting acceptance by the
 * department of its region (default 历下区, the demo handler's), answer due `dueAtMs` (default 10 days on).
 */
export function aFeedbackDoc(
  o: { createdAtMs: number; dueAtMs?: number; regionCode?: string } & Partial<FeedbackDoc>,
): FeedbackDoc {
  seq += 1
  const { createdAtMs, regionCode = '370102', ...over } = o
  const dueAtMs = o.dueAtMs ?? createdAtMs + 10 * 86_400_000
  const departmentId = departmentIdOf(regionCode)
  const createdAt = toIsoCst(createdAtMs)
  return {
    _id: `fb_fixture_${seq}`,
    trackingNo: `F${createdAt.slice(2, 10).replace(/-/g, '')}FX${String(seq).padStart(3, '0')}`,
    openid: `o_fixture_fb_${seq}`,
    anonymous: false,
    contactConsent: false,
    contactPhone: null,
    contactPhoneEnc: null,
    category: 'suggestion',
    content: '希望社区多举办家门口的招聘会，把岗位信息贴到社区公告栏。',
    images: [],
    serviceName: null,
    place: null,
    regionCode,
    status: 'submitted',
    version: 1,
    round: 1,
    reopenCount: 0,
    departmentId,
    departmentName: DEPARTMENT_NAMES.get(departmentId) ?? null,
    createdAt,
    createdAtMs,
    month: createdAt.slice(0, 7),
    acceptDueAt: toIsoCst(dueAtMs),
    acceptDueAtMs: dueAtMs,
    dueAt: toIsoCst(dueAtMs),
    dueAtMs,
    firstAcceptedAtMs: null,
    firstRepliedAtMs: null,
    firstReplyDueAtMs: null,
    repliedAt: null,
    repliedAtMs: null,
    resolvedAtMs: null,
    closedAtMs: null,
    reply: null,
    rating: null,
    escalatedAt: null,
    escalatedAtMs: null,
    extension: null,
    review: { state: 'passed', attempts: 0, nextCheckAtMs: null },
    updatedAt: createdAt,
    ...over,
  }
}
