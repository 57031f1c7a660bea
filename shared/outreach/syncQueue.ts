/**
 * The mini-program's offline visit queue (pure; the storage is an adapter: Taro storage on the phone, a Map in
 * tests). Visits recorded offline get a client-made id and wait here; `sync` sends them in small batches, saves
 * the queue after every batch, and so resumes where it stopped: a synced visit is never sent again, and one
 * sent but unanswered (cut off) is sent again and answered `duplicate` by the server, which counts as synced.
 */
import type { Envelope, ErrorBody } from '../errors'
import { ERROR_MESSAGES, isErrorCode } from '../errors'
import { type VisitInput, visitInput, MAX_VISITS_PER_BATCH } from '../actions/outreach'
import type { VisitResult } from './types'
import { VISIT_QUEUE_KEY } from './queueSummary'

export type QueueItemState = 'pending' | 'synced' | 'failed'

export interface QueuedVisit {
  clientId: string
  visit: VisitInput
  state: QueueItemState
  attempts: number
  createdAtMs: number
  lastTriedAtMs?: number
  syncedAtMs?: number
  serverStatus?: 'saved' | 'duplicate'
  /** Why it failed (failed items), or why the last attempt did not go through (pending items). */
  error?: { code: string; message: string }
}

export interface QueueStorage {
  getItem(key: string): string | null | Promise<string | null>
  setItem(key: string, value: string): void | Promise<void>
}

export type SendBatch = (visits: VisitInput[]) => Promise<Envelope<{ results: VisitResult[] }>>

export interface SyncReport {
  sent: number
  synced: number
  failed: number
  pending: number
  batches: number
  /** Why the run stopped before the queue was empty (offline, rate limited, …), or null. */
  stoppedBy: { code: string; message: string } | null
}

export interface QueueSummary {
  pending: number
  synced: number
  failed: number
  total: number
}

export const DEFAULT_BATCH_SIZE = 10
export const OFFLINE_ERROR = { code: 'OFFLINE', message: '网络不可用，恢复后将自动同步' }

/** A client-made id accepted by the contract's requestId rule (8–64 of [\w.:-]). */
export function makeClientId(nowMs: number, random: () => number = Math.random): string {
  const r = Math.floor(random() * 36 ** 8)
    .toString(36)
    .padStart(8, '0')
  return `v${nowMs.toString(36)}-${r}`
}

const messageOf = (code: string | undefined, message?: string): string =>
  message || (code && isErrorCode(code) ? ERROR_MESSAGES[code] : '提交失败')

/** Index of the visit a validation error points at (`visits.3.notes` → 3), or null. */
function failingIndexes(error: ErrorBody): Map<number, string> {
  const out = new Map<number, string>()
  const fields = (error.details as { fields?: { path?: string; message?: string }[] } | undefined)?.fields
  for (const f of Array.isArray(fields) ? fields : []) {
    const m = /^visits\.(\d+)(?:\.|$)/.exec(String(f.path ?? ''))
    if (m && !out.has(Number(m[1]))) out.set(Number(m[1]), String(f.message ?? error.message))
  }
  return out
}

export class VisitQueue {
  private list: QueuedVisit[] = []
  private loaded = false
  private running: Promise<SyncReport> | null = null
  private readonly key: string
  private readonly batchSize: number
  private readonly now: () => number

  constructor(
    private readonly storage: QueueStorage,
    opts: { key?: string; batchSize?: number; now?: () => number } = {},
  ) {
    this.key = opts.key ?? VISIT_QUEUE_KEY
    this.batchSize = Math.max(1, Math.min(MAX_VISITS_PER_BATCH, opts.batchSize ?? DEFAULT_BATCH_SIZE))
    this.now = opts.now ?? (() => Date.now())
  }

  async load(): Promise<void> {
    const raw = await this.storage.getItem(this.key)
    let parsed: unknown = null
    try {
      parsed = raw ? JSON.parse(raw) : []
    } catch {
      parsed = []
    }
    this.list = Array.isArray(parsed)
      ? (parsed as QueuedVisit[]).filter((x) => x && typeof x.clientId === 'string')
      : []
    this.loaded = true
  }

  private async ensureLoaded(): Promise<void> {
    if (!this.loaded) await this.load()
  }

  private async save(): Promise<void> {
    await this.storage.setItem(this.key, JSON.stringify(this.list))
  }

  items(): readonly QueuedVisit[] {
    return this.list
  }

  summary(): QueueSummary {
    const s = { pending: 0, synced: 0, failed: 0, total: this.list.length }
    for (const i of this.list) s[i.state]++
    return s
  }

  /** Queue a visit recorded on the phone. It is validated with the shared schema first. */
  async enqueue(
    visit: Omit<VisitInput, 'clientId'> & { clientId?: string },
  ): Promise<{ ok: true; item: QueuedVisit } | { ok: false; error: ErrorBody }> {
    await this.ensureLoaded()
    const withId = { ...visit, clientId: visit.clientId ?? makeClientId(this.now()) }
    const parsed = visitInput.safeParse(withId)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      return {
        ok: false,
        error: {
          code: 'VALIDATION_FAILED',
          message: issue?.message ?? ERROR_MESSAGES.VALIDATION_FAILED,
          details: { fields: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) },
        },
      }
    }
    const existing = this.list.find((i) => i.clientId === parsed.data.clientId)
    if (existing) return { ok: true, item: existing }
    const item: QueuedVisit = {
      clientId: parsed.data.clientId,
      visit: parsed.data,
      state: 'pending',
      attempts: 0,
      createdAtMs: this.now(),
    }
    this.list.push(item)
    await this.save()
    return { ok: true, item }
  }

  /** A failed visit goes back to pending (e.g. after the worker corrected it). */
  async retry(clientId: string, corrected?: Partial<Omit<VisitInput, 'clientId'>>): Promise<boolean> {
    await this.ensureLoaded()
    const item = this.list.find((i) => i.clientId === clientId)
    if (!item || item.state === 'synced') return false
    if (corrected) {
      const parsed = visitInput.safeParse({ ...item.visit, ...corrected, clientId })
      if (!parsed.success) return false
      item.visit = parsed.data
    }
    item.state = 'pending'
    delete item.error
    await this.save()
    return true
  }

  /** Drop a visit that is not synced (the worker gave up on it). */
  async discard(clientId: string): Promise<boolean> {
    await this.ensureLoaded()
    const before = this.list.length
    this.list = this.list.filter((i) => !(i.clientId === clientId && i.state !== 'synced'))
    if (this.list.length === before) return false
    await this.save()
    return true
  }

  /** Forget synced visits older than keepMs (they are on the server). */
  async pruneSynced(keepMs: number): Promise<number> {
    await this.ensureLoaded()
    const cutoff = this.now() - keepMs
    const before = this.list.length
    this.list = this.list.filter((i) => !(i.state === 'synced' && (i.syncedAtMs ?? 0) < cutoff))
    if (this.list.length !== before) await this.save()
    return before - this.list.length
  }

  /** Send pending visits in batches until none is left or the network/server says stop. One run at a time. */
  sync(send: SendBatch): Promise<SyncReport> {
    if (!this.running) {
      this.running = this.run(send).finally(() => {
        this.running = null
      })
    }
    return this.running
  }

  private async run(send: SendBatch): Promise<SyncReport> {
    await this.ensureLoaded()
    const report: SyncReport = { sent: 0, synced: 0, failed: 0, pending: 0, batches: 0, stoppedBy: null }
    let size = this.batchSize
    // Each pending item is sent at most once per run (an answer without its result leaves it for the next run).
    const tried = new Set<string>()
    for (;;) {
      const batch = this.list.filter((i) => i.state === 'pending' && !tried.has(i.clientId)).slice(0, size)
      if (batch.length === 0) break
      const at = this.now()
      for (const i of batch) {
        i.attempts++
        i.lastTriedAtMs = at
      }
      report.batches++
      report.sent += batch.length
      let answer: Envelope<{ results: VisitResult[] }>
      try {
        answer = await send(batch.map((i) => i.visit))
      } catch {
        for (const i of batch) i.error = OFFLINE_ERROR
        report.stoppedBy = OFFLINE_ERROR
        await this.save()
        break
      }
      if (answer.ok) {
        const byId = new Map((answer.data?.results ?? []).map((r) => [r.clientId, r]))
        for (const i of batch) {
          tried.add(i.clientId)
          const r = byId.get(i.clientId)
          if (!r) continue
          if (r.status === 'saved' || r.status === 'duplicate') {
            i.state = 'synced'
            i.serverStatus = r.status
            i.syncedAtMs = this.now()
            delete i.error
            report.synced++
          } else {
            i.state = 'failed'
            i.error = { code: r.code ?? 'REJECTED', message: messageOf(r.code, r.message) }
            report.failed++
          }
        }
        await this.save()
        continue
      }
      const err = answer.error
      if (err.code === 'VALIDATION_FAILED') {
        // The server refused the batch's shape: fail the visits it points at, keep the others pending.
        const bad = failingIndexes(err)
        if (bad.size > 0 || batch.length === 1) {
          batch.forEach((i, idx) => {
            if (bad.has(idx) || batch.length === 1) {
              i.state = 'failed'
              i.error = { code: err.code, message: bad.get(idx) ?? err.message }
              tried.add(i.clientId)
              report.failed++
            }
          })
        } else {
          size = 1 // cannot tell which one: isolate it by sending one at a time
        }
        await this.save()
        continue
      }
      // Any other whole-call error (RATE_LIMITED, UPSTREAM_UNAVAILABLE, INTERNAL, a lost role, …): the batch stays
      // pending with the reason shown, and the run stops; the next run starts from this batch.
      const reason = { code: err.code, message: messageOf(err.code, err.message) }
      for (const i of batch) i.error = reason
      report.stoppedBy = reason
      await this.save()
      break
    }
    report.pending = this.list.filter((i) => i.state === 'pending').length
    return report
  }
}
