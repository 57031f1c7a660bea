/**
 * npm run bench:requests — the production latency budget: how many SDK requests (database / storage round trips
 * to CloudBase) each user-facing action makes, called through the real SDK's `callFunction` on the seeded data,
 * counted from the emulator's per-action request stats (`/_emulator/stats`). The `functions.invokeFunction` of
 * the call itself is not counted: it is the client's one round trip, the same for every action.
 *
 * Warm, one call each: every function loaded, every caller's user record present, and every rate-limited write
 * called once before on another target (a rate-limit window's first call creates its counter).
 * Budgets (issue 19): a read ≤ 3, a write ≤ 5, training.signup ≤ 6, job.search ≤ 3 whatever the query.
 * Last line: {"bench":"requests","actions":…,"max_read":…,"max_write":…,"training_signup":…,"job_search":…,"over_budget":[…]}
 */
import { startEmulator, type TestEmulator } from '../helpers/emulator'

const RESIDENT = 'o_demo_resident'
const GRID = 'o_demo_grid'
const HANDLER = 'o_demo_handler'
const ADMIN = 'o_demo_admin'

type Kind = 'read' | 'write'
interface Case {
  label: string
  openid: string | null
  fn: string
  kind: Kind
  /** The payload (built after the ids are known); called twice for warm-up writes, with i = 0, 1. */
  data: (i: number) => Record<string, unknown>
  /** Call once before measuring (with i = 0), on another target: the measured call is i = 1. */
  warm?: boolean
  budget?: number
}

const budgetOf = (c: Case): number => c.budget ?? (c.kind === 'read' ? 3 : 5)
let seq = 0
const rid = (tag: string) => `bench-${tag}-${Date.now().toString(36)}-${(++seq).toString(36)}`

async function requestsOf(emu: TestEmulator): Promise<Record<string, number>> {
  const s = await emu.admin<{ requestTargets: Record<string, number> }>('/_emulator/stats')
  return s.requestTargets
}

async function ok<T = any>(
  emu: TestEmulator,
  openid: string | null,
  fn: string,
  data: Record<string, unknown>,
): Promise<T> {
  const r = await emu.call(openid, fn, data)
  if (!r?.ok) throw new Error(`${fn}.${String(data.action)} failed: ${JSON.stringify(r?.error ?? r)}`)
  return r.data as T
}

async function main(): Promise<void> {
  process.env.ZJ_LOG = process.env.ZJ_LOG ?? 'silent'
  const emu = await startEmulator()
  try {
    // ids from the seeded data, through the actions themselves
    const jobs = await ok<{ items: { id: string }[] }>(emu, RESIDENT, 'job', { action: 'search', pageSize: 10 })
    const courses = await ok<{ items: { id: string; remaining?: number; status?: string }[] }>(
      emu,
      RESIDENT,
      'training',
      { action: 'search', pageSize: 20 },
    )
    const policies = await ok<{ items: { id: string }[] }>(emu, null, 'policy', { action: 'list' })
    const jobId = (i: number) => jobs.items[i % jobs.items.length].id
    const courseId = (i: number) => courses.items[i % courses.items.length].id
    if (jobs.items.length < 4 || courses.items.length < 4 || !policies.items.length)
      throw new Error('seed too small for the bench')
    const submitted = await ok<{ trackingNo: string }>(emu, RESIDENT, 'feedback', {
      action: 'submit',
      category: 'suggestion',
      content: '建议在服务大厅增加叫号提示屏。',
      requestId: rid('fb'),
    })

    const cases: Case[] = [
      // ---- resident reads
      { label: 'user.login', openid: RESIDENT, fn: 'user', kind: 'read', data: () => ({ action: 'login' }) },
      { label: 'user.getProfile', openid: RESIDENT, fn: 'user', kind: 'read', data: () => ({ action: 'getProfile' }) },
      { label: 'job.search', openid: RESIDENT, fn: 'job', kind: 'read', data: () => ({ action: 'search' }) },
      {
        label: 'job.search keyword',
        openid: RESIDENT,
        fn: 'job',
        kind: 'read',
        data: () => ({ action: 'search', keyword: '焊工' }),
      },
      {
        label: 'job.search city+salary',
        openid: RESIDENT,
        fn: 'job',
        kind: 'read',
        data: () => ({ action: 'search', cityCode: '370100', salaryMin: 5000 }),
      },
      {
        label: 'job.search sort=salary',
        openid: RESIDENT,
        fn: 'job',
        kind: 'read',
        data: () => ({ action: 'search', sort: 'salary' }),
      },
      {
        label: 'job.search sort=newest',
        openid: RESIDENT,
        fn: 'job',
        kind: 'read',
        data: () => ({ action: 'search', sort: 'newest' }),
      },
      {
        label: 'job.search near sort=distance',
        openid: RESIDENT,
        fn: 'job',
        kind: 'read',
        data: () => ({ action: 'search', near: { lat: 36.65, lng: 117.12, radiusKm: 10 }, sort: 'distance' }),
      },
      {
        label: 'job.search anonymous',
        openid: null,
        fn: 'job',
        kind: 'read',
        data: () => ({ action: 'search', keyword: '电工' }),
      },
      { label: 'job.get', openid: RESIDENT, fn: 'job', kind: 'read', data: () => ({ action: 'get', id: jobId(0) }) },
      { label: 'job.recommend', openid: RESIDENT, fn: 'job', kind: 'read', data: () => ({ action: 'recommend' }) },
      {
        label: 'job.nearby',
        openid: RESIDENT,
        fn: 'job',
        kind: 'read',
        data: () => ({ action: 'nearby', lat: 36.65, lng: 117.12 }),
      },
      { label: 'job.myFavorites', openid: RESIDENT, fn: 'job', kind: 'read', data: () => ({ action: 'myFavorites' }) },
      {
        label: 'job.myApplications',
        openid: RESIDENT,
        fn: 'job',
        kind: 'read',
        data: () => ({ action: 'myApplications' }),
      },
      { label: 'policy.list', openid: RESIDENT, fn: 'policy', kind: 'read', data: () => ({ action: 'list' }) },
      {
        label: 'policy.get',
        openid: RESIDENT,
        fn: 'policy',
        kind: 'read',
        data: () => ({ action: 'get', id: policies.items[0].id }),
      },
      { label: 'policy.check', openid: RESIDENT, fn: 'policy', kind: 'read', data: () => ({ action: 'check' }) },
      {
        label: 'policy.myMatches',
        openid: RESIDENT,
        fn: 'policy',
        kind: 'read',
        data: () => ({ action: 'myMatches' }),
      },
      { label: 'training.search', openid: RESIDENT, fn: 'training', kind: 'read', data: () => ({ action: 'search' }) },
      {
        label: 'training.get',
        openid: RESIDENT,
        fn: 'training',
        kind: 'read',
        data: () => ({ action: 'get', id: courseId(0) }),
      },
      {
        label: 'training.mySignups',
        openid: RESIDENT,
        fn: 'training',
        kind: 'read',
        data: () => ({ action: 'mySignups' }),
      },
      {
        label: 'training.myRecords',
        openid: RESIDENT,
        fn: 'training',
        kind: 'read',
        data: () => ({ action: 'myRecords' }),
      },
      { label: 'feedback.mine', openid: RESIDENT, fn: 'feedback', kind: 'read', data: () => ({ action: 'mine' }) },
      {
        label: 'feedback.get',
        openid: RESIDENT,
        fn: 'feedback',
        kind: 'read',
        data: () => ({ action: 'get', trackingNo: submitted.trackingNo }),
      },
      { label: 'notify.messages', openid: RESIDENT, fn: 'notify', kind: 'read', data: () => ({ action: 'messages' }) },
      {
        label: 'notify.unreadCount',
        openid: RESIDENT,
        fn: 'notify',
        kind: 'read',
        data: () => ({ action: 'unreadCount' }),
      },
      {
        label: 'notify.myConsents',
        openid: RESIDENT,
        fn: 'notify',
        kind: 'read',
        data: () => ({ action: 'myConsents' }),
      },
      { label: 'privacy.status', openid: RESIDENT, fn: 'privacy', kind: 'read', data: () => ({ action: 'status' }) },
      // ---- resident writes
      {
        label: 'user.updateProfile',
        openid: RESIDENT,
        fn: 'user',
        kind: 'write',
        data: () => ({ action: 'updateProfile', nickname: '小李' }),
      },
      {
        label: 'job.favorite',
        openid: RESIDENT,
        fn: 'job',
        kind: 'write',
        data: (i) => ({ action: 'favorite', id: jobId(i + 1), on: true }),
      },
      {
        label: 'job.apply',
        openid: RESIDENT,
        fn: 'job',
        kind: 'write',
        warm: true,
        data: (i) => ({ action: 'apply', jobId: jobId(i + 2), requestId: rid('apply') }),
      },
      {
        label: 'training.signup',
        openid: RESIDENT,
        fn: 'training',
        kind: 'write',
        warm: true,
        budget: 6,
        data: (i) => ({ action: 'signup', courseId: courseId(i + 1), requestId: rid('signup') }),
      },
      {
        label: 'training.cancel',
        openid: RESIDENT,
        fn: 'training',
        kind: 'write',
        data: () => ({ action: 'cancel', courseId: courseId(2) }),
      },
      {
        label: 'feedback.submit',
        openid: RESIDENT,
        fn: 'feedback',
        kind: 'write',
        warm: true,
        data: () => ({
          action: 'submit',
          category: 'consultation',
          content: '请问灵活就业人员社保补贴怎么申请？',
          requestId: rid('fb'),
        }),
      },
      {
        label: 'notify.recordConsent',
        openid: RESIDENT,
        fn: 'notify',
        kind: 'write',
        warm: true,
        data: () => ({ action: 'recordConsent', accepted: [], rejected: [], requestId: rid('consent') }),
      },
      {
        label: 'notify.markRead',
        openid: RESIDENT,
        fn: 'notify',
        kind: 'write',
        data: () => ({ action: 'markRead', all: true }),
      },
      // ---- staff
      { label: 'outreach.myList', openid: GRID, fn: 'outreach', kind: 'read', data: () => ({ action: 'myList' }) },
      {
        label: 'outreach.gridStats',
        openid: GRID,
        fn: 'outreach',
        kind: 'read',
        data: () => ({ action: 'gridStats' }),
      },
      { label: 'feedback.inbox', openid: HANDLER, fn: 'feedback', kind: 'read', data: () => ({ action: 'inbox' }) },
      {
        label: 'feedback.templates',
        openid: HANDLER,
        fn: 'feedback',
        kind: 'read',
        data: () => ({ action: 'templates' }),
      },
      { label: 'job.myPostings', openid: HANDLER, fn: 'job', kind: 'read', data: () => ({ action: 'myPostings' }) },
      {
        label: 'notify.outboxStats',
        openid: ADMIN,
        fn: 'notify',
        kind: 'read',
        data: () => ({ action: 'outboxStats' }),
      },
      {
        label: 'assistant.ask',
        openid: RESIDENT,
        fn: 'assistant',
        kind: 'write',
        warm: true,
        data: () => ({ action: 'ask', question: '灵活就业社保补贴怎么申请', requestId: rid('ask') }),
      },
      {
        label: 'feedback.holidays',
        openid: HANDLER,
        fn: 'feedback',
        kind: 'read',
        warm: true,
        data: () => ({ action: 'holidays', year: 2027 }),
      },
    ]

    // warm: every function loaded, every caller's user record present
    for (const who of [RESIDENT, GRID, HANDLER, ADMIN])
      for (const fn of ['user', 'job', 'policy', 'training', 'feedback', 'notify', 'outreach', 'privacy'])
        await emu.call(who, fn, { action: '__warm__' })
    // reads once before too (a rate-limited read's first use creates its counter), writes on another target
    for (const c of cases) if (c.warm || c.kind === 'read') await ok(emu, c.openid, c.fn, c.data(0))

    const rows: { label: string; kind: Kind; requests: number; budget: number; detail: string }[] = []
    for (const c of cases) {
      await emu.admin('/_emulator/stats/reset', {})
      const r = await emu.call(c.openid, c.fn, c.data(1))
      const counts = await requestsOf(emu)
      if (!r?.ok) throw new Error(`${c.label} failed: ${JSON.stringify(r?.error ?? r)}`)
      const sdk = Object.entries(counts).filter(([k]) => !k.startsWith('functions.invokeFunction'))
      const requests = sdk.reduce((a, [, n]) => a + n, 0)
      rows.push({
        label: c.label,
        kind: c.kind,
        requests,
        budget: budgetOf(c),
        detail: sdk.map(([k, n]) => `${k.replace(/^database\./, '').replace(/Document /, ' ')}×${n}`).join(' '),
      })
    }

    const w = Math.max(...rows.map((r) => r.label.length))
    console.log(`${'action'.padEnd(w)}  kind   requests  budget  detail`)
    for (const r of rows)
      console.log(
        `${r.label.padEnd(w)}  ${r.kind.padEnd(5)}  ${String(r.requests).padStart(8)}  ${String(r.budget).padStart(6)}  ${r.requests > r.budget ? 'OVER ' : ''}${r.detail}`,
      )
    const reads = rows.filter((r) => r.kind === 'read')
    const writes = rows.filter((r) => r.kind === 'write')
    const over = rows.filter((r) => r.requests > r.budget).map((r) => r.label)
    const max = (xs: typeof rows) => Math.max(...xs.map((r) => r.requests))
    const search = max(rows.filter((r) => r.label.startsWith('job.search')))
    const signup = rows.find((r) => r.label === 'training.signup')!.requests
    console.log(
      `\n${rows.length} actions (${reads.length} reads, ${writes.length} writes); max read ${max(reads)}, max write ${max(writes)}, training.signup ${signup}, job.search (worst query) ${search}; over budget: ${over.length ? over.join(', ') : 'none'}`,
    )
    console.log(
      JSON.stringify({
        bench: 'requests',
        actions: rows.length,
        max_read: max(reads),
        max_write: max(writes),
        training_signup: signup,
        job_search: search,
        over_budget: over,
      }),
    )
  } finally {
    await emu.stop()
  }
}

main().catch((e) => {
  console.error(e)
  process.exitCode = 1
})
