/**
 * The records the indicators are counted from, aggregated inside the database (SDK `aggregate` with `$match`
 * on an indexed region field, then `$group` by child region): no record is read into the function's memory.
 *
 * Every source is matched by a prefix range on its finest region field (a street code starts with its
 * district code, a grid code with its street code, a district code with its city's first four digits), so one
 * query shape serves every level: `[prefix, prefix + '~')`.
 * See shared/monitor/indicators.ts for what each component counts.
 */
import { db } from '../../_core/app'
import { SATISFIED_MIN_SCORE } from '../../../shared/feedback/rules'
import {
  COMPONENTS,
  type ComponentKey,
  type Counts,
  emptyCounts,
  monthBoundsMs,
  addMonths,
  type OccupationCounts,
  type PolicyCounts,
  type PolicyDeliveryCounts,
  type RegionLevel,
  REGION_LEVELS,
  type TrainingOccupationCounts,
  type DeliveryBucket,
  deliveryBucketOf,
  emptyDelivery,
} from '../../../shared/monitor/indicators'

/** Region prefix length by level: 37 / 3701 / 370102 / 370102001. */
const PREFIX_LEN: Record<RegionLevel, number> = { province: 2, city: 4, district: 6, street: 9 }
export const prefixOf = (code: string, level: RegionLevel): string => code.slice(0, PREFIX_LEN[level])

/** One child region's figures (key '' gathers records whose child is unknown: they count in the total only). */
export interface Row {
  counts: Counts
  occupations: OccupationCounts
  policies: PolicyCounts
  /** 政策找人 subscription messages by policy. */
  deliveries: PolicyDeliveryCounts
  /** Training by occupation (courses name a district). */
  training: TrainingOccupationCounts
}

export interface ScopeFigures {
  rows: Map<string, Row>
  /** Sources whose collection does not exist yet (their components are null). */
  missing: string[]
}

export interface Scope {
  code: string
  level: RegionLevel
  /** The level rows are grouped by (a child level), or the scope's own level for one row. */
  by: RegionLevel
  month: string
  /** The snapshot's instant: stock figures (active postings, overdue) are as of it. */
  asOfMs: number
}

/**
 * `[prefix, prefix + '~')` as one operator object: both bounds on the same key, so the index is read between
 * them (`_.gte().and(_.lt())` becomes two conditions, of which the local emulator seeks only the first).
 */
const range = (prefix: string) => ({ $gte: prefix, $lt: `${prefix}~` })

/**
 * The child key of a record: the first characters of its region field, as a full code (cities get their '00').
 * A source whose finest level is coarser than `by` groups by its finest level's ancestor at the scope (key '').
 */
function keyExpr(field: string, scope: Scope, finest: RegionLevel): unknown {
  const by = REGION_LEVELS.indexOf(scope.by) > REGION_LEVELS.indexOf(finest) ? null : scope.by
  if (by === null) return ''
  if (by === 'province') return `${scope.code.slice(0, 2)}0000`
  if (by === 'city') return { $concat: [{ $substrCP: [field, 0, 4] }, '00'] }
  return { $substrCP: [field, 0, PREFIX_LEN[by]] }
}

/**
 * The outbox key of a policy match's message, from the match: `policy:<policyId>:<version>:<personId>` (the
 * policy module's notificationKey) built from the match `_id` `<policyId>@<version>:<personId>` (ASCII ids:
 * byte offsets are character offsets).
 */
const VERSION_AT = { $add: [{ $strLenBytes: '$policyId' }, 1] }
const POLICY_OUTBOX_KEY = {
  $concat: [
    'policy:',
    '$policyId',
    ':',
    { $substrBytes: ['$_id', VERSION_AT, { $subtract: [{ $indexOfBytes: ['$_id', ':', VERSION_AT] }, VERSION_AT] }] },
    ':',
    '$personId',
  ],
}

/** A visit task (`$$t`) closed by a grid worker's visit. */
const VISITED = {
  $and: [{ $eq: ['$$t.status', 'done'] }, { $ne: [{ $ifNull: ['$$t.closedByVisitId', null] }, null] }],
}

const BUCKET_COMPONENT: Record<DeliveryBucket, ComponentKey> = {
  delivered: 'pushDelivered',
  refused: 'pushRefused',
  failed: 'pushFailed',
  pending: 'pushPending',
}

const isMissing = (e: unknown) => (e as { code?: string } | null)?.code === 'DATABASE_COLLECTION_NOT_EXIST'

async function aggregate(
  collection: string,
  stages: (a: ReturnType<ReturnType<ReturnType<typeof db>['collection']>['aggregate']>) => { end(): Promise<unknown> },
): Promise<Record<string, unknown>[] | null> {
  try {
    const res = (await stages(db().collection(collection).aggregate()).end()) as { data?: unknown; list?: unknown }
    return ((res.data ?? res.list) as Record<string, unknown>[] | undefined) ?? []
  } catch (e) {
    if (isMissing(e)) return null
    throw e
  }
}

const cond = (test: unknown) => ({ $sum: { $cond: [test, 1, 0] } })
const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0)
const gkey = (r: Record<string, unknown>, k = 'c'): string => {
  const id = r._id as Record<string, unknown> | string | null
  const v = id && typeof id === 'object' ? id[k] : id
  return typeof v === 'string' ? v : ''
}

/** Dates of a month as strings, for fields stored as YYYY-MM-DD or ISO-8601 +08:00 (both compare as strings). */
const monthStrings = (month: string) => ({ from: `${month}-01`, to: `${addMonths(month, 1)}-01` })

export async function aggregateScope(scope: Scope): Promise<ScopeFigures> {
  const rows = new Map<string, Row>()
  const missing: string[] = []
  const row = (key: string): Row => {
    let r = rows.get(key)
    if (!r) {
      r = { counts: emptyCounts(0), occupations: {}, policies: {}, deliveries: {}, training: {} }
      rows.set(key, r)
    }
    return r
  }
  const set = (key: string, k: ComponentKey, v: number) => {
    row(key).counts[k] = (row(key).counts[k] ?? 0) + v
  }
  const { from, to } = monthStrings(scope.month)
  const { startMs, endMs } = monthBoundsMs(scope.month)
  const prefix = (level: RegionLevel) => prefixOf(scope.code, level)

  // persons: registered unemployed, new registrations this month, job seekers; seekers by wanted occupation
  const seeking = { $or: [{ $eq: ['$employmentStatus', 'unemployed'] }, { $eq: ['$registeredUnemployed', true] }] }
  const _ = db().command
  const personKey = keyExpr('$streetCode', scope, COMPONENTS.jobSeekers.finest)
  const fbKey = keyExpr('$regionCode', scope, COMPONENTS.feedbackTotal.finest)
  const replied = { $ne: [{ $ifNull: ['$firstRepliedAtMs', null] }, null] }
  const courseKey = keyExpr('$regionCode', scope, COMPONENTS.trainingSeats.finest)
  const taskKey = keyExpr('$gridCode', scope, COMPONENTS.visitAssigned.finest)
  const street = scope.level === 'street'
  // every query at once (each answers from its own index); their rows are merged below
  const none = Promise.resolve([] as Record<string, unknown>[])
  const q = {
    persons: aggregate('persons', (a) =>
      a.match({ streetCode: range(prefix(scope.level)) }).group({
        _id: { c: personKey },
        ru: cond({ $eq: ['$registeredUnemployed', true] }),
        nr: cond({
          $and: [
            { $eq: ['$registeredUnemployed', true] },
            { $gte: ['$registeredUnemployedSince', from] },
            { $lt: ['$registeredUnemployedSince', to] },
          ],
        }),
        js: cond(seeking),
      }),
    ),
    seekersByOcc: aggregate('persons', (a) =>
      a
        .match(
          _.and([
            { streetCode: range(prefix(scope.level)) },
            _.or([{ employmentStatus: 'unemployed' }, { registeredUnemployed: true }]),
          ]),
        )
        .unwind('$desiredOccupations')
        .group({ _id: { c: personKey, o: '$desiredOccupations' }, n: { $sum: 1 } }),
    ),
    jobs:
      scope.level === 'street'
        ? none
        : aggregate('jobs', (a) =>
            a
              .match({ districtCode: range(prefix(scope.level)), status: 'open', expiresAtMs: _.gt(scope.asOfMs) })
              .group({
                _id: { c: keyExpr('$districtCode', scope, COMPONENTS.postings.finest), o: '$occupationCode' },
                h: { $sum: '$headcount' },
                n: { $sum: 1 },
              }),
          ),
    feedback:
      scope.level === 'street'
        ? none
        : aggregate('feedback', (a) =>
            a
              .match({
                regionCode: range(prefix(scope.level)),
                month: scope.month,
                status: _.nin(['pendingReview', 'rejected']),
              })
              .group({
                _id: { c: fbKey },
                total: { $sum: 1 },
                due: cond({ $or: [replied, { $lt: ['$dueAtMs', scope.asOfMs] }] }),
                onTime: cond({ $and: [replied, { $lte: ['$firstRepliedAtMs', '$dueAtMs'] }] }),
                resolved: cond({ $in: ['$status', ['resolved', 'closed']] }),
                rated: cond({ $gt: [{ $ifNull: ['$rating.score', 0] }, 0] }),
                satisfied: cond({ $gte: [{ $ifNull: ['$rating.score', 0] }, SATISFIED_MIN_SCORE] }),
              }),
          ),
    overdue:
      scope.level === 'street'
        ? none
        : aggregate('feedback', (a) =>
            a
              .match({
                regionCode: range(prefix(scope.level)),
                status: _.in(['submitted', 'accepted', 'assigned', 'reopened']),
                dueAtMs: _.lt(scope.asOfMs),
              })
              .group({ _id: { c: fbKey }, n: { $sum: 1 } }),
          ),
    tasks: aggregate('visit_tasks', (a) =>
      a
        .match(
          _.and([
            { gridCode: range(prefix(scope.level)) },
            _.or([{ status: 'open' }, { status: 'done', closedAtMs: _.gte(startMs).and(_.lt(endMs)) }]),
          ]),
        )
        .group({
          _id: { c: taskKey, p: '$personId' },
          visited: {
            $max: {
              $cond: [
                { $and: [{ $eq: ['$status', 'done'] }, { $ne: [{ $ifNull: ['$closedByVisitId', null] }, null] }] },
                1,
                0,
              ],
            },
          },
          overdue: cond({ $and: [{ $eq: ['$status', 'open'] }, { $lt: ['$dueAtMs', scope.asOfMs] }] }),
        })
        .group({
          _id: { c: '$_id.c' },
          assigned: { $sum: 1 },
          visited: { $sum: '$visited' },
          overdue: { $sum: '$overdue' },
        }),
    ),
    // eligible matches, told when their message was delivered or a grid worker's visit task for them was closed
    // by a visit (the match's own task when it went to a visit, the fallback `notify:<key>` when the push failed)
    matches: aggregate('policy_matches', (a) =>
      a
        .match({ gridCode: range(prefix(scope.level)), status: 'eligible' })
        .addFields({ k: POLICY_OUTBOX_KEY })
        .addFields({ fk: { $concat: ['notify:', '$k'] } })
        .lookup({ from: 'outbox', localField: 'k', foreignField: '_id', as: 'o' })
        .lookup({ from: 'visit_tasks', localField: 'k', foreignField: '_id', as: 'v' })
        .lookup({ from: 'visit_tasks', localField: 'fk', foreignField: '_id', as: 'fv' })
        .group({
          _id: { c: keyExpr('$gridCode', scope, COMPONENTS.policyEligible.finest), p: '$policyId' },
          eligible: { $sum: 1 },
          told: cond({
            $or: [
              { $and: [{ $eq: ['$channel', 'push'] }, { $in: ['sent', { $ifNull: ['$o.state', []] }] }] },
              { $gt: [{ $size: { $filter: { input: { $concatArrays: ['$v', '$fv'] }, as: 't', cond: VISITED } } }, 0] },
            ],
          }),
        }),
    ),
    // 政策找人 messages of this month's push matches, joined to their outbox document by its key
    pushes: aggregate('policy_matches', (a) =>
      a
        .match({ gridCode: range(prefix(scope.level)), channel: 'push', matchedAtMs: _.gte(startMs).and(_.lt(endMs)) })
        .addFields({ c: keyExpr('$gridCode', scope, COMPONENTS.pushQueued.finest), k: POLICY_OUTBOX_KEY })
        .lookup({ from: 'outbox', localField: 'k', foreignField: '_id', as: 'o' })
        .unwind('$o')
        .group({
          _id: { c: '$c', p: '$policyId', s: '$o.state' },
          n: { $sum: 1 },
          fb: cond({ $eq: ['$o.fallbackDone', true] }),
        }),
    ),
    apps: aggregate('service_applications', (a) =>
      a
        .match({
          regionCode: range(prefix(street ? 'district' : scope.level)),
          ...(street ? { streetCode: scope.code } : {}),
          kind: _.gte('policy:').and(_.lt('policy;')),
          status: _.nin(['draft', 'withdrawn']),
        })
        .group({
          _id: {
            c: scope.by === 'street' ? { $ifNull: ['$streetCode', ''] } : keyExpr('$regionCode', scope, 'district'),
            k: '$kind',
          },
          applied: { $sum: 1 },
          approved: cond({ $eq: ['$status', 'approved'] }),
        }),
    ),
    courses:
      scope.level === 'street'
        ? none
        : aggregate('courses', (a) =>
            a
              .match({
                regionCode: range(prefix(scope.level)),
                status: 'open',
                startAtMs: _.gte(startMs).and(_.lt(endMs)),
              })
              .group({
                _id: { c: courseKey, o: '$occupationCode' },
                seats: { $sum: '$capacity' },
                filled: { $sum: '$confirmedCount' },
              }),
          ),
    ending:
      scope.level === 'street'
        ? none
        : aggregate('courses', (a) =>
            a
              .match({ regionCode: range(prefix(scope.level)), endAt: _.gte(from) })
              .group({ _id: { c: courseKey }, courses: { $push: { i: '$_id', o: '$occupationCode' } } }),
          ),
  }
  const keys = Object.keys(q) as (keyof typeof q)[]
  const answers = await Promise.all(keys.map((k) => q[k]))
  const got = Object.fromEntries(keys.map((k, i) => [k, answers[i]])) as Record<
    keyof typeof q,
    Record<string, unknown>[] | null
  >
  const persons = got.persons
  for (const r of persons ?? []) {
    const k = gkey(r)
    set(k, 'registeredUnemployed', num(r.ru))
    set(k, 'newRegistrations', num(r.nr))
    set(k, 'jobSeekers', num(r.js))
  }
  const seekersByOcc = got.seekersByOcc
  for (const r of seekersByOcc ?? []) {
    const o = gkey(r, 'o')
    if (!o) continue
    const occ = (row(gkey(r)).occupations[o] ??= { postings: null, seekers: 0 })
    occ.seekers += num(r.n)
  }

  // jobs: open, unexpired postings (headcount and count), by occupation; a street's postings are not recorded
  if (scope.level !== 'street') {
    const jobs = got.jobs
    for (const r of jobs ?? []) {
      const k = gkey(r)
      set(k, 'postings', num(r.h))
      set(k, 'postingCount', num(r.n))
      const o = gkey(r, 'o')
      if (o) {
        const occ = (row(k).occupations[o] ??= { postings: null, seekers: 0 })
        occ.postings = (occ.postings ?? 0) + num(r.h)
      }
    }
  }

  // feedback submitted this month (published only), and overdue now
  if (scope.level !== 'street') {
    const feedback = got.feedback
    for (const r of feedback ?? []) {
      const k = gkey(r)
      set(k, 'feedbackTotal', num(r.total))
      set(k, 'feedbackDue', num(r.due))
      set(k, 'feedbackOnTime', num(r.onTime))
      set(k, 'feedbackResolved', num(r.resolved))
      set(k, 'feedbackRated', num(r.rated))
      set(k, 'feedbackSatisfied', num(r.satisfied))
    }
    const overdue = got.overdue
    for (const r of overdue ?? []) set(gkey(r), 'feedbackOverdue', num(r.n))
  }

  // visit tasks: persons assigned this month (an open task, or a task closed this month), visited, overdue tasks
  const tasks = got.tasks
  for (const r of tasks ?? []) {
    const k = gkey(r)
    set(k, 'visitAssigned', num(r.assigned))
    set(k, 'visitVisited', num(r.visited))
    set(k, 'visitOverdue', num(r.overdue))
  }

  // policy matches: eligible and told, by policy
  const matches = got.matches
  for (const r of matches ?? []) {
    const k = gkey(r)
    set(k, 'policyEligible', num(r.eligible))
    set(k, 'policyTold', num(r.told))
    const p = gkey(r, 'p')
    if (p) {
      const pol = (row(k).policies[p] ??= { eligible: 0, told: 0, applied: null, approved: null })
      pol.eligible += num(r.eligible)
      pol.told += num(r.told)
    }
  }

  // service applications (the application module): policy claims applied and approved; null until it exists
  const apps = got.apps
  if (apps === null) {
    missing.push('service_applications')
  } else {
    for (const r of apps) {
      const k = gkey(r)
      set(k, 'policyApplied', num(r.applied))
      set(k, 'policyApproved', num(r.approved))
      const p = gkey(r, 'k').slice('policy:'.length)
      if (p) {
        const pol = (row(k).policies[p] ??= { eligible: 0, told: 0, applied: 0, approved: 0 })
        pol.applied = (pol.applied ?? 0) + num(r.applied)
        pol.approved = (pol.approved ?? 0) + num(r.approved)
      }
    }
  }

  // training: seats and filled seats of courses starting this month; completions and certificates this month
  // (of courses still running at the month's start), all by occupation
  if (scope.level !== 'street') {
    const training = (k: string, o: unknown) => {
      const code = typeof o === 'string' && o ? o : ''
      return code ? (row(k).training[code] ??= { seats: 0, filled: 0, completions: 0, certificates: 0 }) : null
    }
    for (const r of got.courses ?? []) {
      const k = gkey(r)
      set(k, 'trainingSeats', num(r.seats))
      set(k, 'trainingFilled', num(r.filled))
      const t = training(k, (r._id as Record<string, unknown>).o)
      if (t) {
        t.seats += num(r.seats)
        t.filled += num(r.filled)
      }
    }
    for (const r of got.ending ?? []) {
      const k = gkey(r)
      const courses = (r.courses as { i: string; o?: string }[] | undefined) ?? []
      const occ = new Map(courses.map((c) => [c.i, c.o ?? '']))
      const ids = courses.map((c) => c.i)
      for (let i = 0; i < ids.length; i += 100) {
        const chunk = ids.slice(i, i + 100)
        const [done, certs] = await Promise.all([
          aggregate('training_signups', (a) =>
            a
              .match({ courseId: _.in(chunk), status: 'completed', completedAt: _.gte(from).and(_.lt(to)) })
              .group({ _id: '$courseId', n: { $sum: 1 } }),
          ),
          aggregate('training_records', (a) =>
            a
              .match({
                courseId: _.in(chunk),
                completedAtMs: _.gte(startMs).and(_.lt(endMs)),
                certificateNo: _.neq(null),
              })
              .group({ _id: '$courseId', n: { $sum: 1 } }),
          ),
        ])
        for (const d of done ?? []) {
          set(k, 'trainingCompletions', num(d.n))
          const t = training(k, occ.get(String(d._id)))
          if (t) t.completions += num(d.n)
        }
        for (const d of certs ?? []) {
          set(k, 'trainingCertificates', num(d.n))
          const t = training(k, occ.get(String(d._id)))
          if (t) t.certificates += num(d.n)
        }
      }
    }
  }

  // 政策找人 deliveries: by policy, each outbox state in its bucket
  for (const r of got.pushes ?? []) {
    const k = gkey(r)
    const id = r._id as Record<string, unknown>
    const p = typeof id.p === 'string' ? id.p : ''
    if (!p) continue
    const d = (row(k).deliveries[p] ??= emptyDelivery())
    const n = num(r.n)
    const bucket = deliveryBucketOf(String(id.s ?? ''))
    d.queued += n
    d[bucket] += n
    d.fallbacks += num(r.fb)
    set(k, 'pushQueued', n)
    set(k, BUCKET_COMPONENT[bucket], n)
    set(k, 'pushFallbacks', num(r.fb))
  }

  for (const r of rows.values()) {
    if (apps === null) r.counts.policyApplied = r.counts.policyApproved = null
    for (const pol of Object.values(r.policies)) {
      pol.applied = apps === null ? null : (pol.applied ?? 0)
      pol.approved = apps === null ? null : (pol.approved ?? 0)
    }
  }

  // below a district, the components whose records name only a district are unknown (暂无数据)
  if (scope.by === 'street') {
    for (const [k, r] of rows) {
      if (k === '') continue
      for (const c of Object.keys(COMPONENTS) as ComponentKey[])
        if (COMPONENTS[c].finest !== 'street') r.counts[c] = null
      for (const o of Object.values(r.occupations)) o.postings = null
      r.training = {}
    }
  }
  if (scope.level === 'street') {
    for (const r of rows.values()) {
      for (const c of Object.keys(COMPONENTS) as ComponentKey[])
        if (COMPONENTS[c].finest !== 'street') r.counts[c] = null
      r.training = {}
    }
  }
  return { rows, missing }
}
