/**
 * The dispatcher (a helper, not a use case: `dispatchNow` and the `dispatch` timer, both in
 * usecases/outboxAdmin.usecase.ts, run it): sends subscription messages from the outbox (timer trigger `dispatch`, and `dispatchNow`).
 * docs/adr/0005-outbox-dispatcher.md explains the choices. One pass:
 *  1. stop at once while WeChat's daily quota is exhausted (45009 pauses until the next China-time day);
 *  2. recover claims whose dispatcher vanished: an expired `claimed` goes back to pending (marked
 *     mayHaveGrant); an expired `sending` becomes `uncertain` — WeChat has no API to ask whether a message was
 *     delivered, and resending could deliver it twice, so it is never resent automatically;
 *  3. claim a batch of due messages with an expiring claim token;
 *  4. check each (recipient, template, fitting), then work through the batch in waves of `concurrency`
 *     messages: spend one consent grant each (a spend record per message key, so a recovered message reuses
 *     its grant), record `sending` for the wave, send at most `concurrency` at once through the token
 *     bucket, record the outcomes (sent in one write per wave) and every attempt:
 *       ok → sent · 43101 → skipped (noConsent) + fallback · 47003/40037/41030/40003 → dead + fallback ·
 *       -1 / network / token → pending with backoff, dead + fallback after maxAttempts ·
 *       45009 → pending until the quota resets, and the pass stops · timeout after sending → uncertain;
 *     a grant is refunded whenever WeChat did not take the message.
 *  No consent (our ledger) → skipped + the producer's fallback (a grid visit task for `visitTask`).
 */
import { randomBytes } from 'node:crypto'
import os from 'node:os'
import { fitMessage, templateOf } from '../../../shared/notify/templates'
import type { DispatchStats } from '../../../shared/notify/types'
import type { Logger } from '../../_core/log'
import { createVisitTask } from '../../_core/visitTasks'
import {
  wechat,
  WechatClient,
  WechatError,
  WechatNoConsentError,
  WechatPermanentError,
  WechatQuotaError,
  WechatUncertainError,
  quotaResumeAt,
  type MiniprogramState,
} from '../../_core/wechat/client'
import { longTermOn, refund, reserveGrants, voidAll } from '../repositories/consent.repository'
import {
  openidOfPerson,
  personOfOpenid,
  pauseUntil,
  quotaPausedUntil,
  recordAttempts,
  type AttemptDoc,
} from '../repositories/dispatch.repository'
import {
  claim,
  findDue,
  findExpired,
  heldIn,
  transition,
  transitionMany,
  type OutboxDoc,
} from '../repositories/outbox.repository'
import { TokenBucket } from './tokenBucket'
import { toIsoCst } from '../../../shared/calendar/chinaTime'

export interface DispatchOptions {
  now: () => Date
  log: Logger
  dispatcherId?: string
  /** Stop after this many messages were taken (default: no limit). */
  maxMessages?: number
  /** Stop claiming new batches after this long (default 45 s; the function's timeout is 60 s). */
  timeBudgetMs?: number
  batchSize?: number
  /** Messages sent at once (one wave); also the most a crash can leave `uncertain` per pipelined wave. */
  concurrency?: number
  /** Waves in flight at once (default 2). */
  pipeline?: number
  /** Sends per second (default NOTIFY_RATE_PER_SEC or 20); 0 or less lifts the limit. */
  ratePerSec?: number
  /** How long a claim holds before another dispatcher may take the message over (default NOTIFY_CLAIM_TTL_MS or 60 s). */
  claimTtlMs?: number
  maxAttempts?: number
  /** First retry delay (doubled each attempt, capped at 1 hour). */
  retryBaseMs?: number
  client?: WechatClient
  miniprogramState?: MiniprogramState
}

const envNumber = (name: string, fallback: number): number => {
  const v = process.env[name]
  if (v === undefined || v === '') return fallback
  const n = Number(v)
  return Number.isFinite(n) ? n : fallback
}

export async function dispatchOutbox(opts: DispatchOptions): Promise<DispatchStats> {
  const started = performance.now()
  const dispatcher = opts.dispatcherId ?? `${os.hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`
  const batchSize = opts.batchSize ?? 100
  const concurrency = opts.concurrency ?? 8
  const pipeline = opts.pipeline ?? 2
  const claimTtlMs = opts.claimTtlMs ?? envNumber('NOTIFY_CLAIM_TTL_MS', 60_000)
  const maxAttempts = opts.maxAttempts ?? 5
  const retryBaseMs = opts.retryBaseMs ?? 60_000
  const budgetMs = opts.timeBudgetMs ?? 45_000
  const maxMessages = opts.maxMessages ?? Number.POSITIVE_INFINITY
  const client = opts.client ?? wechat()
  const state: MiniprogramState =
    opts.miniprogramState ?? ((process.env.WX_MINIPROGRAM_STATE as MiniprogramState | undefined) || 'formal')
  const bucket = new TokenBucket(opts.ratePerSec ?? envNumber('NOTIFY_RATE_PER_SEC', 20))
  const stats: DispatchStats = {
    dispatcher,
    claimed: 0,
    sent: 0,
    skipped: 0,
    dead: 0,
    retried: 0,
    uncertain: 0,
    recovered: 0,
    lostClaims: 0,
    fallbacks: 0,
    paused: false,
    durationMs: 0,
  }
  const attempts: AttemptDoc[] = []
  let stop = false
  let batchNo = 0

  const nowMs = () => opts.now().getTime()
  const at = () => toIsoCst(opts.now())

  // 1. paused for the daily quota?
  if ((await quotaPausedUntil()) > nowMs()) {
    stats.paused = true
    stats.durationMs = Math.round(performance.now() - started)
    return stats
  }

  // 2. recover vanished dispatchers' claims
  for (const doc of await findExpired('claimed', nowMs(), 1000)) {
    if (
      await transition(doc._id, doc.claimToken ?? '', 'claimed', {
        state: 'pending',
        claimToken: null,
        claimExpiresAtMs: null,
        mayHaveGrant: true,
        stateChangedAtMs: nowMs(),
      })
    )
      stats.recovered += 1
  }
  for (const doc of await findExpired('sending', nowMs(), 1000)) {
    const ok = await transition(doc._id, doc.claimToken ?? '', 'sending', {
      state: 'uncertain',
      reason: 'dispatcherLost: 发送途中调度器中断，微信无法查询是否已送达，为避免重复不自动重发',
      stateChangedAtMs: nowMs(),
    })
    if (ok) {
      stats.recovered += 1
      stats.uncertain += 1
    }
  }

  const record = (
    doc: OutboxDoc,
    attempt: number,
    outcome: AttemptDoc['outcome'],
    t0: number,
    err?: WechatError | Error | null,
  ) => {
    attempts.push({
      _id: `${doc._id}#${attempt}#${randomBytes(3).toString('hex')}`,
      key: doc._id,
      attempt,
      dispatcher,
      outcome,
      errcode: err instanceof WechatError ? err.errcode : null,
      message: err ? err.message.slice(0, 300) : null,
      durationMs: Math.round(performance.now() - t0),
      at: at(),
      atMs: nowMs(),
    })
  }

  async function runFallback(doc: OutboxDoc, openid: string | null): Promise<boolean> {
    if (!doc.fallback || doc.fallback.kind !== 'visitTask') return false
    const personId = doc.personId ?? (openid ? await personOfOpenid(openid) : null)
    if (!personId) return false
    await createVisitTask(
      {
        key: `notify:${doc._id}`,
        personId,
        reason: { code: 'pushUnreachable', text: doc.fallback.reason },
        source: doc.source,
      },
      opts.now(),
    )
    stats.fallbacks += 1
    return true
  }

  async function finish(
    doc: OutboxDoc,
    token: string,
    to: 'skipped' | 'dead',
    reason: string,
    openid: string | null,
    err: WechatError | null,
  ): Promise<void> {
    const fallbackDone = await runFallback(doc, openid)
    await transition(doc._id, token, null, {
      state: to,
      reason,
      fallbackDone,
      lastError: err ? { errcode: err.errcode, message: err.message.slice(0, 300), at: at() } : null,
      stateChangedAtMs: nowMs(),
      claimExpiresAtMs: null,
    })
    if (to === 'dead') stats.dead += 1
    else stats.skipped += 1
  }

  interface Ready {
    doc: OutboxDoc
    openid: string
    templateId: string
    kind: 'oneTime' | 'longTerm'
    data: Record<string, { value: string }>
    page: string
    attempt: number
    t0: number
  }

  /** Checks that need no WeChat call; a message that fails one is finished here. */
  async function prepare(doc: OutboxDoc, token: string): Promise<Ready | null> {
    const t0 = performance.now()
    const attempt = (doc.attempts ?? 0) + 1
    const openid = doc.openid ?? (doc.personId ? await openidOfPerson(doc.personId) : null)
    if (!openid) {
      await finish(doc, token, 'skipped', 'noRecipient: 该居民未绑定微信，无法推送', null, null)
      return null
    }
    const template = templateOf(doc.template)
    if (!template) {
      await finish(doc, token, 'dead', `unknownTemplate: ${doc.template}`, openid, null)
      record(doc, attempt, 'dead', t0)
      return null
    }
    const fitted = fitMessage(template, doc.data ?? {})
    if (!fitted.ok) {
      await finish(doc, token, 'dead', `templateMismatch: ${fitted.reason}`, openid, null)
      record(doc, attempt, 'dead', t0)
      return null
    }
    return {
      doc,
      openid,
      templateId: template.id,
      kind: template.kind,
      data: fitted.data,
      page: doc.page ?? template.defaultPage,
      attempt,
      t0,
    }
  }

  /** One send and its outcome (everything but 'sent', which the wave records at once). */
  async function sendOne(r: Ready, token: string, spent: boolean): Promise<boolean> {
    const { doc, openid, attempt, t0 } = r
    await bucket.take()
    try {
      await client.sendSubscribeMessage({
        touser: openid,
        templateId: r.templateId,
        data: r.data,
        page: r.page,
        miniprogramState: state,
      })
      record(doc, attempt, 'sent', t0)
      return true
    } catch (e) {
      if (!(e instanceof WechatError)) throw e
      const lastError = { errcode: e.errcode, message: e.message.slice(0, 300), at: at() }
      if (e instanceof WechatUncertainError) {
        await transition(doc._id, token, null, {
          state: 'uncertain',
          reason: `uncertain: ${e.message}`.slice(0, 300),
          lastError,
          stateChangedAtMs: nowMs(),
          claimExpiresAtMs: null,
        })
        stats.uncertain += 1
        record(doc, attempt, 'uncertain', t0, e)
        return false
      }
      if (e instanceof WechatNoConsentError) {
        await voidAll(openid, r.templateId, doc._id, nowMs())
        await finish(doc, token, 'skipped', 'noConsent: 微信返回用户未授权或授权已用完（43101）', openid, e)
        record(doc, attempt, 'noConsent', t0, e)
        return false
      }
      if (spent) await refund(doc._id)
      if (e instanceof WechatQuotaError) {
        // the invocation's clock decides the resume time, not the client's (a warm client may carry another clock)
        const resumeAtMs = quotaResumeAt(e.errcode, nowMs())
        await pauseUntil(resumeAtMs)
        stop = true
        stats.paused = true
        await transition(doc._id, token, null, {
          state: 'pending',
          nextAttemptAtMs: resumeAtMs,
          claimToken: null,
          claimExpiresAtMs: null,
          lastError,
          stateChangedAtMs: nowMs(),
        })
        stats.retried += 1
        record(doc, attempt, 'quota', t0, e)
        return false
      }
      if (e instanceof WechatPermanentError) {
        await finish(doc, token, 'dead', `rejected: ${e.message}`.slice(0, 300), openid, e)
        record(doc, attempt, 'dead', t0, e)
        return false
      }
      // auth / unavailable: retry later, or give up
      if (attempt >= maxAttempts) {
        await finish(doc, token, 'dead', `retriesExhausted: ${e.message}`.slice(0, 300), openid, e)
        record(doc, attempt, 'dead', t0, e)
        return false
      }
      const delay = Math.min(3_600_000, retryBaseMs * 2 ** (attempt - 1))
      await transition(doc._id, token, null, {
        state: 'pending',
        nextAttemptAtMs: nowMs() + delay,
        claimToken: null,
        claimExpiresAtMs: null,
        lastError,
        stateChangedAtMs: nowMs(),
      })
      stats.retried += 1
      record(doc, attempt, 'retry', t0, e)
      return false
    }
  }

  /** Runs `fn` over `items` with at most `limit` at once. */
  async function pool<T>(items: T[], limit: number, fn: (x: T) => Promise<void>): Promise<void> {
    let next = 0
    const worker = async () => {
      while (next < items.length) {
        const x = items[next++]
        try {
          await fn(x)
        } catch (e) {
          // an unexpected error (e.g. the database): the claim expires and the message is picked up again
          opts.log.error('dispatch failed for one message', { error: e as Error })
        }
      }
    }
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  }

  async function releaseAll(docs: OutboxDoc[], token: string): Promise<void> {
    await transitionMany(
      docs.map((d) => d._id),
      token,
      'claimed',
      { state: 'pending', claimToken: null, claimExpiresAtMs: null, stateChangedAtMs: nowMs() },
    )
  }

  async function processWave(wave: Ready[], token: string, waveToken: string): Promise<void> {
    const waveStart = performance.now()
    for (const r of wave) r.t0 = waveStart // a message's latency counts from its wave's start
    // consent: our ledger first
    const oneTime = wave.filter((r) => r.kind === 'oneTime')
    const { granted, contended } = await reserveGrants(
      oneTime.map((r) => ({
        key: r.doc._id,
        openid: r.openid,
        templateId: r.templateId,
        mayHaveGrant: !!r.doc.mayHaveGrant,
      })),
      waveToken,
      nowMs(),
    )
    const longTerm = wave.filter((r) => r.kind === 'longTerm')
    const on = new Set<string>()
    for (const tpl of new Set(longTerm.map((r) => r.templateId))) {
      for (const o of await longTermOn(
        longTerm.filter((r) => r.templateId === tpl).map((r) => r.openid),
        tpl,
      ))
        on.add(`${o}|${tpl}`)
    }
    const go: Ready[] = []
    const noConsent: Ready[] = []
    const later: Ready[] = []
    for (const r of wave) {
      if (r.kind === 'longTerm') (on.has(`${r.openid}|${r.templateId}`) ? go : noConsent).push(r)
      else if (granted.has(r.doc._id)) go.push(r)
      else if (contended.has(r.doc._id)) later.push(r)
      else noConsent.push(r)
    }
    await releaseAll(
      later.map((r) => r.doc),
      token,
    )
    await pool(noConsent, concurrency, async (r) => {
      await finish(
        r.doc,
        token,
        'skipped',
        r.kind === 'longTerm' ? 'noConsent: 未开启长期订阅' : 'noConsent: 没有剩余的订阅授权',
        r.openid,
        null,
      )
      record(r.doc, r.attempt, 'noConsent', r.t0)
    })
    if (!go.length) return

    // record 'sending' before the calls: from here on a crash leaves them uncertain, never resent blindly
    const ids = go.map((r) => r.doc._id)
    const moved = await transitionMany(
      ids,
      token,
      'claimed',
      { state: 'sending', claimExpiresAtMs: nowMs() + claimTtlMs, stateChangedAtMs: nowMs() },
      true,
    )
    let sendable = go
    if (moved < go.length) {
      const mine = await heldIn(ids, token, 'sending')
      const lost = go.filter((r) => !mine.has(r.doc._id))
      for (const r of lost) {
        if (r.kind === 'oneTime') await refund(r.doc._id)
        stats.lostClaims += 1
        record(r.doc, r.attempt, 'lostClaim', r.t0)
      }
      sendable = go.filter((r) => mine.has(r.doc._id))
    }
    const sent: string[] = []
    await pool(sendable, concurrency, async (r) => {
      if (await sendOne(r, token, r.kind === 'oneTime')) sent.push(r.doc._id)
    })
    if (sent.length) {
      await transitionMany(sent, token, null, {
        state: 'sent',
        sentAt: at(),
        reason: null,
        lastError: null,
        stateChangedAtMs: nowMs(),
        claimExpiresAtMs: null,
      })
      stats.sent += sent.length
    }
  }

  async function processBatch(mine: OutboxDoc[], token: string): Promise<void> {
    const ready: Ready[] = []
    await pool(mine, concurrency, async (doc) => {
      const r = await prepare(doc, token)
      if (r) ready.push(r)
    })
    const waves: Ready[][] = []
    for (let i = 0; i < ready.length; i += concurrency) waves.push(ready.slice(i, i + concurrency))
    let wave = 0
    // `pipeline` waves overlap (one reserving consent while another is sending); a wave stops being
    // started once the pass must stop, and its messages go back to pending
    await pool(waves, pipeline, async (w) => {
      if (stop) {
        await releaseAll(
          w.map((r) => r.doc),
          token,
        )
        return
      }
      await processWave(w, token, `${token}.${++wave}`)
    })
  }

  // 3 + 4. claim and send, batch by batch
  let emptyClaims = 0
  while (!stop && stats.claimed < maxMessages && performance.now() - started < budgetMs && emptyClaims < 5) {
    const want = Math.min(batchSize, maxMessages - stats.claimed)
    const due = await findDue(nowMs(), want)
    if (!due.length) break
    const token = `${dispatcher}#${++batchNo}`
    const mine = await claim(
      due.map((d) => d._id),
      token,
      nowMs(),
      claimTtlMs,
    )
    if (!mine.length) {
      emptyClaims += 1 // other dispatchers took them first
      continue
    }
    stats.claimed += mine.length
    await processBatch(mine, token)
    if (attempts.length >= 500) await recordAttempts(attempts.splice(0, attempts.length))
  }
  if (attempts.length) await recordAttempts(attempts.splice(0, attempts.length))
  stats.durationMs = Math.round(performance.now() - started)
  opts.log.info('dispatch pass', { ...stats })
  return stats
}
