/**
 * The training burst: N distinct residents sign up at once for a course with S seats, through the real SDK;
 * then C confirmed trainees cancel. Used by the burst test (assertions) and `npm run bench:training` (figures).
 */
import { toIsoCst } from '../../shared/calendar/chinaTime'
type Envelope = { ok: boolean; data?: any; error?: { code: string; message: string } }
export interface BurstEmulator {
  call(openid: string | null, fn: string, data: Record<string, unknown>): Promise<Envelope>
}

const DAY = 86400_000
const iso = (ms: number) => toIsoCst(ms)

export interface BurstResult {
  courseId: string
  confirmed: string[]
  waitlisted: { openid: string; position: number }[]
  failed: Envelope[]
  duplicates: number
  latenciesMs: number[]
  totalMs: number
  cancelled: string[]
  /** Openids confirmed after the cancellations who were waitlisted before. */
  promoted: string[]
  /** The waitlist, in order, after the cancellations. */
  waitlistAfter: string[]
}

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? 0
}
export const p = percentile

export interface BurstOptions {
  signups: number
  seats: number
  cancels: number
  prefix?: string
  /** Runs right after the last signup answered, before the checks (e.g. to read the emulator's request counts). */
  afterBurst?: () => Promise<void>
  /** The emulator's clock (ms) the course dates are built from; default: the real clock. */
  nowMs?: number
}

export async function runBurst(emu: BurstEmulator, opts: BurstOptions): Promise<BurstResult> {
  const now = opts.nowMs ?? Date.now()
  const created = await emu.call('o_demo_admin', 'training', {
    action: 'create',
    title: '养老护理员（初级）培训班',
    occupationCode: 'L-TR-003',
    regionCode: '370102',
    capacity: opts.seats,
    startAt: iso(now + 10 * DAY),
    signupDeadline: iso(now + 9 * DAY),
  })
  if (!created.ok) throw new Error('course not created: ' + JSON.stringify(created))
  const courseId = created.data.id as string
  const prefix = opts.prefix ?? 'o_burst'
  const people = Array.from({ length: opts.signups }, (_v, i) => `${prefix}_${String(i).padStart(5, '0')}`)

  const latenciesMs: number[] = []
  const t0 = performance.now()
  const answers = await Promise.all(
    people.map(async (openid, i) => {
      const t = performance.now()
      const r = await emu.call(openid, 'training', { action: 'signup', courseId, requestId: `burst-${courseId}-${i}` })
      latenciesMs.push(performance.now() - t)
      return { openid, r }
    }),
  )
  const totalMs = performance.now() - t0
  await opts.afterBurst?.()

  const confirmed = answers.filter((a) => a.r.ok && a.r.data.status === 'confirmed').map((a) => a.openid)
  const failed = answers.filter((a) => !a.r.ok).map((a) => a.r)

  // read the waitlist as each person sees it now (stable order: positions 1..n, each once)
  // reads after the burst go 50 at a time (they are checks, not the load under test)
  const inChunks = async <T, R>(xs: T[], f: (x: T) => Promise<R>): Promise<R[]> => {
    const out: R[] = []
    for (let i = 0; i < xs.length; i += 50) out.push(...(await Promise.all(xs.slice(i, i + 50).map(f))))
    return out
  }
  const positions = await inChunks(
    answers.filter((a) => a.r.ok && a.r.data.status === 'waitlisted'),
    async (a) => {
      const d = await emu.call(a.openid, 'training', { action: 'get', id: courseId })
      if (!d.ok) throw new Error(`training.get failed for ${a.openid}: ${JSON.stringify(d.error)}`)
      return { openid: a.openid, position: d.data.mySignup.waitlistPosition as number }
    },
  )
  const waitlisted = positions.sort((x, y) => x.position - y.position)
  const ids = [...confirmed, ...waitlisted.map((w) => w.openid)]
  const duplicates = ids.length - new Set(ids).size

  const cancelled = confirmed.slice(0, opts.cancels)
  for (const openid of cancelled) await emu.call(openid, 'training', { action: 'cancel', courseId })
  const after = await inChunks(waitlisted, async (w) => {
    const d = await emu.call(w.openid, 'training', { action: 'get', id: courseId })
    if (!d.ok) throw new Error(`training.get failed for ${w.openid}: ${JSON.stringify(d.error)}`)
    return {
      openid: w.openid,
      status: d.data.mySignup?.status as string,
      position: d.data.mySignup?.waitlistPosition as number | null,
    }
  })
  const promoted = after.filter((x) => x.status === 'confirmed').map((x) => x.openid)
  const waitlistAfter = after
    .filter((x) => x.status === 'waitlisted')
    .sort((a, b) => (a.position ?? 0) - (b.position ?? 0))
    .map((x) => x.openid)
  return {
    courseId,
    confirmed,
    waitlisted,
    failed,
    duplicates,
    latenciesMs,
    totalMs,
    cancelled,
    promoted,
    waitlistAfter,
  }
}
