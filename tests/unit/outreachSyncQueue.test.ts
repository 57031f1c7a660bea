import { VisitQueue, type QueueStorage, type SendBatch, makeClientId } from '../../shared/outreach/syncQueue'
import { summarizeStoredQueue, VISIT_QUEUE_KEY } from '../../shared/outreach/queueSummary'
import type { VisitInput } from '../../shared/actions/outreach'
import type { VisitResult } from '../../shared/outreach/types'
import type { Envelope } from '../../shared/errors'

/** Storage like Taro's: string values under keys. */
function aStorage(): QueueStorage & { data: Map<string, string> } {
  const data = new Map<string, string>()
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) }
}

function aVisit(n: number, v: Partial<VisitInput> = {}): Omit<VisitInput, 'clientId'> & { clientId: string } {
  return {
    clientId: `client-${String(n).padStart(4, '0')}`,
    personId: `p${n}`,
    outcome: 'reached',
    visitedAt: '2026-11-20T10:00:00+08:00',
    ...v,
  }
}

/** A server double: remembers clientIds like the unique index; can reject some persons, fail, or drop answers. */
function aServer(opts: { forbidden?: string[] } = {}) {
  const saved = new Set<string>()
  const calls: string[][] = []
  let failNext: 'network' | 'cutOff' | Envelope<never> | null = null
  const send: SendBatch = async (visits) => {
    calls.push(visits.map((v) => v.clientId))
    const mode = failNext
    failNext = null
    if (mode === 'network') throw new Error('request:fail')
    if (mode && typeof mode === 'object') return mode
    const results: VisitResult[] = visits.map((v) => {
      if (opts.forbidden?.includes(v.personId))
        return { clientId: v.clientId, status: 'rejected', code: 'FORBIDDEN', message: '该居民不在您负责的网格' }
      if (saved.has(v.clientId)) return { clientId: v.clientId, status: 'duplicate' }
      saved.add(v.clientId)
      return { clientId: v.clientId, status: 'saved' }
    })
    if (mode === 'cutOff') throw new Error('timeout') // the server saved them, the answer was lost
    return { ok: true, data: { results } }
  }
  return { send, saved, calls, failNextWith: (m: typeof failNext) => void (failNext = m) }
}

async function queueWith(n: number, storage = aStorage(), batchSize = 3) {
  const q = new VisitQueue(storage, { batchSize, now: () => 1_700_000_000_000 })
  for (let i = 1; i <= n; i++) expect((await q.enqueue(aVisit(i))).ok).toBe(true)
  return { q, storage }
}

describe('offline visit queue', () => {
  it('given visits recorded offline, when synced, then sent in small batches and all shown as synced', async () => {
    const { q } = await queueWith(7)
    const server = aServer()
    const report = await q.sync(server.send)
    expect(server.calls.map((c) => c.length)).toEqual([3, 3, 1])
    expect(report).toMatchObject({ synced: 7, failed: 0, pending: 0, stoppedBy: null })
    expect(q.summary()).toEqual({ pending: 0, synced: 7, failed: 0, total: 7 })
    expect(server.saved.size).toBe(7)
  })

  it('given the network drops after the first batch, when synced again, then it resumes at the second batch, never from zero', async () => {
    const { q } = await queueWith(6)
    const server = aServer()
    const send: SendBatch = async (v) => {
      if (server.calls.length === 1) server.failNextWith('network')
      return server.send(v)
    }
    const first = await q.sync(send)
    expect(first.stoppedBy?.code).toBe('OFFLINE')
    expect(q.summary()).toMatchObject({ synced: 3, pending: 3 })
    expect(
      q
        .items()
        .filter((i) => i.state === 'pending')
        .every((i) => i.error?.message.includes('网络不可用')),
    ).toBe(true)

    const again = aServer()
    await q.sync(again.send)
    expect(again.calls).toEqual([['client-0004', 'client-0005', 'client-0006']])
    expect(q.summary()).toMatchObject({ synced: 6, pending: 0 })
  })

  it('given a batch saved by the server whose answer was cut off, when synced again, then the server answers duplicate and nothing is saved twice', async () => {
    const { q } = await queueWith(3)
    const server = aServer()
    server.failNextWith('cutOff')
    await q.sync(server.send)
    expect(q.summary().pending).toBe(3)
    expect(server.saved.size).toBe(3)
    await q.sync(server.send)
    expect(q.summary().synced).toBe(3)
    expect(q.items().map((i) => i.serverStatus)).toEqual(['duplicate', 'duplicate', 'duplicate'])
    expect(server.saved.size).toBe(3)
  })

  it('given the app was closed mid-sync, when it reopens, then the saved queue continues where it stopped', async () => {
    const storage = aStorage()
    const { q } = await queueWith(5, storage)
    const server = aServer()
    const send: SendBatch = async (v) => {
      if (server.calls.length === 1) throw new Error('app killed')
      return server.send(v)
    }
    await q.sync(send)
    const reopened = new VisitQueue(storage, { batchSize: 3 })
    await reopened.load()
    expect(reopened.summary()).toMatchObject({ synced: 3, pending: 2 })
    const later = aServer()
    await reopened.sync(later.send)
    expect(later.calls.flat()).toEqual(['client-0004', 'client-0005'])
  })

  it('given one visit for a person of another grid, then only that visit fails, with the reason, and the rest sync', async () => {
    const { q } = await queueWith(4)
    const server = aServer({ forbidden: ['p2'] })
    await q.sync(server.send)
    expect(q.summary()).toMatchObject({ synced: 3, failed: 1 })
    const failed = q.items().find((i) => i.state === 'failed')!
    expect(failed.clientId).toBe('client-0002')
    expect(failed.error).toEqual({ code: 'FORBIDDEN', message: '该居民不在您负责的网格' })
    // a later sync does not resend it
    const again = aServer()
    await q.sync(again.send)
    expect(again.calls).toEqual([])
  })

  it('given the server refuses a batch pointing at one visit, then that visit fails and the others still sync', async () => {
    const { q } = await queueWith(3)
    const server = aServer()
    server.failNextWith({
      ok: false,
      error: {
        code: 'VALIDATION_FAILED',
        message: 'visits.1.notes：不能超过500个字',
        details: { fields: [{ path: 'visits.1.notes', message: '不能超过500个字' }] },
      },
    })
    await q.sync(server.send)
    expect(q.items().map((i) => i.state)).toEqual(['synced', 'failed', 'synced'])
    expect(q.items()[1].error?.message).toBe('不能超过500个字')
  })

  it('given rate limiting, then the run stops, visits stay pending with the reason, and are sent later', async () => {
    const { q } = await queueWith(2)
    const server = aServer()
    server.failNextWith({ ok: false, error: { code: 'RATE_LIMITED', message: '操作太频繁，请稍后再试' } })
    const r = await q.sync(server.send)
    expect(r.stoppedBy?.code).toBe('RATE_LIMITED')
    expect(q.summary().pending).toBe(2)
    await q.sync(server.send)
    expect(q.summary().synced).toBe(2)
  })

  it('given an invalid visit, when queued, then refused with a Chinese message and nothing queued', async () => {
    const q = new VisitQueue(aStorage())
    const r = await q.enqueue({ ...aVisit(1), referrals: [{ kind: 'trainingSignup' }] })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error.message).toBe('代居民办理需先记录居民同意')
    expect(q.summary().total).toBe(0)
  })

  it('given a failed visit corrected by the worker, when retried, then it syncs', async () => {
    const { q } = await queueWith(1)
    const server = aServer({ forbidden: ['p1'] })
    await q.sync(server.send)
    expect(await q.retry('client-0001', { personId: 'p9' })).toBe(true)
    await q.sync(server.send)
    expect(q.summary().synced).toBe(1)
  })

  it('given two syncs started at once, then visits are sent once', async () => {
    const { q } = await queueWith(3)
    const server = aServer()
    await Promise.all([q.sync(server.send), q.sync(server.send)])
    expect(server.calls.flat()).toHaveLength(3)
  })

  it('given a partly synced queue, then the home page peek counts the same as the queue', async () => {
    const { q, storage } = await queueWith(4)
    const server = aServer({ forbidden: ['p4'] })
    server.failNextWith('network')
    await q.sync(server.send)
    await q.sync(server.send)
    expect(summarizeStoredQueue(storage.data.get(VISIT_QUEUE_KEY))).toEqual({ pending: 0, failed: 1, synced: 3 })
    expect(summarizeStoredQueue('garbage')).toEqual({ pending: 0, failed: 0, synced: 0 })
  })

  it('makes client ids the contract accepts and that differ', () => {
    const a = makeClientId(1_700_000_000_000),
      b = makeClientId(1_700_000_000_000)
    expect(a).toMatch(/^[\w.:-]{8,64}$/)
    expect(a).not.toBe(b)
  })
})
