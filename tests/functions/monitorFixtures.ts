/**
 * A small hand-made world for the monitor tests: two cities, three districts, four streets, and a handful of
 * persons, postings, feedback items, visit tasks, policy matches and courses whose counts are worked out by
 * hand in monitor.test.ts. Factories with defaults; every test states what it changes.
 */
import type { TestEmulator } from '../helpers/emulator'
import { notificationKey } from '../../cloudfunctions/policy/services/matching.service'

export const NOW = '2026-06-15T10:00:00+08:00'
export const NOW_MS = Date.parse(NOW)
const DAY = 86_400_000
export const ADMIN = 'o_mon_admin'
export const HANDLER = 'o_mon_handler' // department of 370102 (历下区)
export const GRID = 'o_mon_grid'
export const RESIDENT = 'o_mon_resident'
export const POLICY = 'job-seeking-subsidy'
export const POLICY2 = 'skill-assessment-subsidy'

export const REGIONS = [
  { _id: '370000', code: '370000', name: '山东省', level: 'province', parent: null },
  { _id: '370100', code: '370100', name: '济南市', level: 'city', parent: '370000', lat: 36.65, lng: 117.12 },
  { _id: '370200', code: '370200', name: '青岛市', level: 'city', parent: '370000', lat: 36.07, lng: 120.38 },
  { _id: '370102', code: '370102', name: '历下区', level: 'district', parent: '370100', lat: 36.67, lng: 117.08 },
  { _id: '370103', code: '370103', name: '市中区', level: 'district', parent: '370100', lat: 36.65, lng: 117.0 },
  { _id: '370202', code: '370202', name: '市南区', level: 'district', parent: '370200', lat: 36.07, lng: 120.41 },
  { _id: '370102001', code: '370102001', name: '解放路街道', level: 'street', parent: '370102' },
  { _id: '370102002', code: '370102002', name: '千佛山街道', level: 'street', parent: '370102' },
  { _id: '370103001', code: '370103001', name: '大观园街道', level: 'street', parent: '370103' },
  { _id: '370202001', code: '370202001', name: '八大峡街道', level: 'street', parent: '370202' },
]

let n = 0
const next = (p: string) => `${p}${String(++n).padStart(4, '0')}`

export function aPerson(o: {
  street: string
  registeredUnemployed?: boolean
  since?: string | null
  status?: string
  wants?: string[]
}) {
  const ru = o.registeredUnemployed ?? false
  return {
    _id: next('mp'),
    name: '测试',
    streetCode: o.street,
    residenceRegion: o.street.slice(0, 6),
    cityCode: `${o.street.slice(0, 4)}00`,
    gridCode: `${o.street}-01`,
    employmentStatus: o.status ?? (ru ? 'unemployed' : 'employed'),
    registeredUnemployed: ru,
    registeredUnemployedSince: ru ? (o.since ?? '2026-01-05') : null,
    desiredOccupations: o.wants ?? [],
    keyGroups: [],
  }
}

export function aJob(o: {
  district: string
  headcount: number
  occupationCode?: string
  status?: 'open' | 'closed'
  expiresAtMs?: number
}) {
  return {
    _id: next('mj'),
    title: '岗位',
    districtCode: o.district,
    cityCode: `${o.district.slice(0, 4)}00`,
    occupationCode: o.occupationCode ?? '6-18-02-04',
    headcount: o.headcount,
    status: o.status ?? 'open',
    postedAtMs: NOW_MS - 5 * DAY,
    expiresAtMs: o.expiresAtMs ?? NOW_MS + 30 * DAY,
  }
}

export function aFeedback(o: {
  regionCode: string
  month?: string
  status: string
  dueAtMs: number
  firstRepliedAtMs?: number | null
  score?: number | null
}) {
  return {
    _id: next('mf'),
    trackingNo: next('T'),
    regionCode: o.regionCode,
    month: o.month ?? '2026-06',
    status: o.status,
    dueAtMs: o.dueAtMs,
    firstRepliedAtMs: o.firstRepliedAtMs ?? null,
    rating: o.score ? { score: o.score } : null,
    createdAtMs: NOW_MS - 3 * DAY,
  }
}

export function aTask(o: {
  grid: string
  personId: string
  status: 'open' | 'done'
  dueAtMs?: number
  closedAtMs?: number
  byVisit?: boolean
  /** The producer's idempotency key (the task's _id): a policy match's key, or `notify:<outbox key>`. */
  key?: string
}) {
  const key = o.key ?? next('k')
  return {
    _id: o.key ?? next('mt'),
    key,
    personId: o.personId,
    gridCode: o.grid,
    streetCode: o.grid.slice(0, 9),
    status: o.status,
    dueAtMs: o.dueAtMs ?? NOW_MS + 3 * DAY,
    ...(o.status === 'done'
      ? { closedAtMs: o.closedAtMs ?? NOW_MS - DAY, closedByVisitId: o.byVisit === false ? null : next('v') }
      : {}),
  }
}

export function aMatch(o: {
  personId: string
  grid: string
  channel: 'push' | 'visit' | 'none'
  status?: 'eligible' | 'lapsed'
  policyId?: string
  version?: number
  matchedAt?: string
}) {
  const policyId = o.policyId ?? POLICY
  const version = o.version ?? 1
  return {
    _id: `${policyId}@${version}:${o.personId}`,
    personId: o.personId,
    policyId,
    version,
    status: o.status ?? 'eligible',
    channel: o.channel,
    gridCode: o.grid,
    matchedAtMs: o.matchedAt ? Date.parse(o.matchedAt) : NOW_MS - 2 * DAY,
  }
}

/** The outbox document of a match's 政策找人 message (keyed as the policy module keys it), in a dispatch state. */
export function anOutbox(
  m: { personId: string; policyId: string; version: number; matchedAtMs: number },
  o: { state: string; fallbackDone?: boolean },
) {
  const key = notificationKey(m.policyId, m.version, m.personId)
  return {
    _id: key,
    key,
    openid: `o_${m.personId}`,
    personId: m.personId,
    template: 'policyMatch',
    source: { module: 'policy', refId: `${m.policyId}@${m.version}` },
    state: o.state,
    attempts: 1,
    createdAtMs: m.matchedAtMs,
    fallbackDone: o.fallbackDone ?? false,
  }
}

/** A lifelong training record (written when a signup completes), with or without a certificate number. */
export function aRecord(o: { courseId: string; occupationCode: string; completedAt: string; certificateNo?: string }) {
  return {
    _id: next('mr'),
    openid: next('o_'),
    courseId: o.courseId,
    occupationCode: o.occupationCode,
    certificateType: 'skillLevel',
    certificateNo: o.certificateNo ?? null,
    completedAt: o.completedAt,
    completedAtMs: Date.parse(o.completedAt),
  }
}

export function aCourse(o: {
  regionCode: string
  capacity: number
  confirmedCount: number
  startAt: string
  endAt: string
  status?: 'open' | 'cancelled'
  occupationCode?: string
}) {
  return {
    _id: next('mc'),
    title: '课程',
    regionCode: o.regionCode,
    cityCode: `${o.regionCode.slice(0, 4)}00`,
    occupationCode: o.occupationCode ?? '6-18-02-04',
    capacity: o.capacity,
    confirmedCount: o.confirmedCount,
    startAt: o.startAt,
    startAtMs: Date.parse(o.startAt),
    endAt: o.endAt,
    status: o.status ?? 'open',
  }
}

export function aSignup(o: { courseId: string; status: string; completedAt?: string | null }) {
  return {
    _id: next('ms'),
    courseId: o.courseId,
    openid: next('o_'),
    status: o.status,
    completedAt: o.completedAt ?? null,
    updatedAtMs: NOW_MS,
  }
}

export function anApplication(o: { street: string; status: string; policyId?: string }) {
  return {
    _id: next('ma'),
    kind: `policy:${o.policyId ?? POLICY}`,
    policyId: o.policyId ?? POLICY,
    personId: next('mp'),
    regionCode: o.street.slice(0, 6),
    streetCode: o.street,
    status: o.status,
  }
}

export async function insert(emu: TestEmulator, collection: string, docs: object[]): Promise<void> {
  const db = emu.sdk().database()
  for (const d of docs) await db.collection(collection).add(d)
}

/** The world worked out by hand in monitor.test.ts. */
export async function seedWorld(emu: TestEmulator): Promise<void> {
  await insert(emu, 'regions', REGIONS)
  await insert(emu, 'departments', [{ _id: 'dept_370102', name: '历下区人社局', regionCodes: ['370102'] }])
  await insert(emu, 'users', [
    { _id: ADMIN, roles: ['resident', 'admin'], personId: null },
    { _id: HANDLER, roles: ['resident', 'handler'], personId: null, departmentId: 'dept_370102' },
    { _id: GRID, roles: ['resident', 'grid'], personId: null, gridCodes: ['370102001-01'] },
    { _id: RESIDENT, roles: ['resident'], personId: null },
  ])
  const p1 = aPerson({ street: '370102001', registeredUnemployed: true, since: '2026-06-03', wants: ['6-18-02-04'] })
  const p2 = aPerson({ street: '370102001', registeredUnemployed: true, since: '2026-05-20', wants: ['6-18-02-04'] })
  const p3 = aPerson({ street: '370102001', wants: ['6-18-02-04'] }) // employed: not a seeker
  const p4 = aPerson({ street: '370102002', status: 'unemployed', wants: ['4-10-01-06'] })
  const p5 = aPerson({ street: '370103001', registeredUnemployed: true, since: '2026-05-31' })
  const p6 = aPerson({ street: '370202001', registeredUnemployed: true, since: '2026-06-01', wants: ['6-18-02-04'] })
  await insert(emu, 'persons', [p1, p2, p3, p4, p5, p6])
  await insert(emu, 'jobs', [
    aJob({ district: '370102', headcount: 25 }),
    aJob({ district: '370102', headcount: 5, occupationCode: '4-10-01-06' }),
    aJob({ district: '370102', headcount: 100, status: 'closed' }),
    aJob({ district: '370103', headcount: 6, expiresAtMs: NOW_MS - DAY }),
    aJob({ district: '370202', headcount: 10 }),
  ])
  await insert(emu, 'feedback', [
    aFeedback({ regionCode: '370102', status: 'replied', dueAtMs: NOW_MS + 2 * DAY, firstRepliedAtMs: NOW_MS - DAY }),
    aFeedback({
      regionCode: '370102',
      status: 'closed',
      dueAtMs: NOW_MS - 4 * DAY,
      firstRepliedAtMs: NOW_MS - 3 * DAY,
      score: 5,
    }),
    aFeedback({ regionCode: '370102', status: 'accepted', dueAtMs: NOW_MS - DAY }),
    aFeedback({ regionCode: '370102', status: 'pendingReview', dueAtMs: NOW_MS - DAY }),
    aFeedback({ regionCode: '370102', month: '2026-05', status: 'submitted', dueAtMs: NOW_MS - 20 * DAY }),
    aFeedback({
      regionCode: '370202',
      status: 'resolved',
      dueAtMs: NOW_MS + DAY,
      firstRepliedAtMs: NOW_MS - DAY,
      score: 2,
    }),
    // names only a city: attributed to no district, so counted nowhere (children must sum to the parent)
    aFeedback({ regionCode: '370100', status: 'submitted', dueAtMs: NOW_MS - DAY }),
  ])
  await insert(emu, 'visit_tasks', [
    aTask({ grid: '370102001-01', personId: p1._id, status: 'open', dueAtMs: NOW_MS - DAY }),
    aTask({ grid: '370102001-01', personId: p1._id, status: 'open' }),
    aTask({ grid: '370102001-02', personId: p3._id, status: 'done', closedAtMs: NOW_MS - 2 * DAY }),
    aTask({
      grid: '370102002-01',
      personId: p4._id,
      status: 'done',
      closedAtMs: Date.parse('2026-05-30T10:00:00+08:00'),
    }),
    aTask({ grid: '370202001-01', personId: p6._id, status: 'open' }),
    // p6's policy match went to a visit, and the visit was made: told
    aTask({
      grid: '370202001-01',
      personId: p6._id,
      status: 'done',
      key: notificationKey(POLICY, 1, p6._id),
      closedAtMs: NOW_MS - DAY,
    }),
    // p5's push failed; the fallback visit is still open: not told
    aTask({
      grid: '370103001-01',
      personId: p5._id,
      status: 'open',
      key: `notify:${notificationKey(POLICY, 1, p5._id)}`,
    }),
  ])
  // 政策找人 messages (lapsed matches were told too, so they are not in the funnel but are in the deliveries)
  const m1 = aMatch({ personId: p1._id, grid: '370102001-01', channel: 'push' })
  const m3 = aMatch({ personId: p3._id, grid: '370102001-02', channel: 'push', status: 'lapsed' })
  const m4 = aMatch({
    personId: p4._id,
    grid: '370102002-01',
    channel: 'push',
    status: 'lapsed',
    policyId: POLICY2,
    version: 2,
    matchedAt: '2026-06-01T00:30:00+08:00', // still 31 May in UTC: June in China time
  })
  const m2may = aMatch({
    personId: p2._id,
    grid: '370102001-01',
    channel: 'push',
    status: 'lapsed',
    policyId: POLICY2,
    matchedAt: '2026-05-31T23:30:00+08:00', // May in China time
  })
  const m5 = aMatch({ personId: p5._id, grid: '370103001-01', channel: 'push', status: 'lapsed', policyId: POLICY2 })
  const m5failed = aMatch({ personId: p5._id, grid: '370103001-01', channel: 'push' }) // eligible, push failed
  const m6 = aMatch({ personId: p6._id, grid: '370202001-01', channel: 'push', status: 'lapsed', policyId: POLICY2 })
  await insert(emu, 'policy_matches', [
    m1,
    aMatch({ personId: p2._id, grid: '370102001-01', channel: 'none' }),
    aMatch({ personId: p6._id, grid: '370202001-01', channel: 'visit' }),
    m3,
    m4,
    m2may,
    m5,
    m5failed,
    m6,
  ])
  await insert(emu, 'outbox', [
    anOutbox(m1, { state: 'sent' }),
    anOutbox(m3, { state: 'skipped', fallbackDone: true }),
    anOutbox(m4, { state: 'uncertain' }),
    anOutbox(m2may, { state: 'sent' }),
    // m5: its message never reached the outbox (not counted as sent)
    anOutbox(m6, { state: 'dead', fallbackDone: true }),
    anOutbox(m5failed, { state: 'dead', fallbackDone: true }),
    // another template's message to p1: not a 政策找人 message
    { _id: `application:ma1:approved`, key: 'application:ma1:approved', personId: p1._id, state: 'sent' },
  ])
  const c1 = aCourse({
    regionCode: '370102',
    capacity: 30,
    confirmedCount: 12,
    startAt: '2026-06-20T09:00:00+08:00',
    endAt: '2026-06-30T17:00:00+08:00',
  })
  const c2 = aCourse({
    regionCode: '370102',
    capacity: 10,
    confirmedCount: 10,
    startAt: '2026-05-10T09:00:00+08:00',
    endAt: '2026-06-10T17:00:00+08:00',
  })
  const c3 = aCourse({
    regionCode: '370202',
    capacity: 20,
    confirmedCount: 5,
    startAt: '2026-06-21T09:00:00+08:00',
    endAt: '2026-06-28T17:00:00+08:00',
    status: 'cancelled',
  })
  const c4 = aCourse({
    regionCode: '370102',
    occupationCode: '4-10-01-06', // 家政服务员
    capacity: 10,
    confirmedCount: 3,
    startAt: '2026-05-20T09:00:00+08:00',
    endAt: '2026-06-12T17:00:00+08:00',
  })
  await insert(emu, 'courses', [c1, c2, c3, c4])
  await insert(emu, 'training_signups', [
    aSignup({ courseId: c2._id, status: 'completed', completedAt: '2026-06-10T17:30:00+08:00' }),
    aSignup({ courseId: c2._id, status: 'attended' }),
    aSignup({ courseId: c1._id, status: 'confirmed' }),
    aSignup({ courseId: c4._id, status: 'completed', completedAt: '2026-06-12T17:30:00+08:00' }),
    aSignup({ courseId: c4._id, status: 'completed', completedAt: '2026-06-12T17:40:00+08:00' }),
    aSignup({ courseId: c4._id, status: 'completed', completedAt: '2026-05-31T23:30:00+08:00' }),
  ])
  await insert(emu, 'training_records', [
    aRecord({
      courseId: c2._id,
      occupationCode: '6-18-02-04',
      completedAt: '2026-06-10T17:30:00+08:00',
      certificateNo: 'HG2026061001',
    }),
    aRecord({
      courseId: c4._id,
      occupationCode: '4-10-01-06',
      completedAt: '2026-06-12T17:30:00+08:00',
      certificateNo: 'JZ2026061201',
    }),
    aRecord({ courseId: c4._id, occupationCode: '4-10-01-06', completedAt: '2026-06-12T17:40:00+08:00' }), // no certificate
    aRecord({
      courseId: c4._id,
      occupationCode: '4-10-01-06',
      completedAt: '2026-05-31T23:30:00+08:00',
      certificateNo: 'JZ2026053101',
    }), // May
  ])
}
