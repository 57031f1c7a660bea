/**
 * The notify dispatcher as its own process, for the crash test and the bench: it runs the real dispatcher
 * use case (`dispatchOutbox`) against the emulator named by the inherited environment (TCB_CONTEXT_CNFG,
 * WX_API_BASE_URL: set by the emulator in the parent) until the outbox has nothing left to do, printing one
 * JSON line per pass. Options by environment: NOTIFY_WORKER_CONCURRENCY (16), NOTIFY_WORKER_PIPELINE (2), NOTIFY_WORKER_BATCH (200),
 * NOTIFY_RATE_PER_SEC (0 = no limit), NOTIFY_CLAIM_TTL_MS (60000).
 *
 * Also exports `seedOutboxLoad`, which writes a load of notifications straight through the SDK.
 */
import { createLogger } from '../../cloudfunctions/_core/log'
import { dispatchOutbox } from '../../cloudfunctions/notify/helpers/dispatcher'
import { countByState } from '../../cloudfunctions/notify/repositories/outbox.repository'
import { TEMPLATES } from '../../shared/notify/templates'
import { outboxShardOf, type OutboxDoc } from '../../cloudfunctions/_core/notifications'

export interface LoadSpec {
  messages: number
  /** Messages per openid (each consented openid gets exactly this many one-time grants). */
  perOpenid: number
  /** Share of openids with consent (0..1). */
  consentShare: number
  prefix: string
  nowMs: number
}

export interface Load {
  keys: string[]
  consentedKeys: Set<string>
  consentedOpenids: string[]
  outbox: OutboxDoc[]
  grants: Record<string, unknown>[]
}

/** The outbox documents, our grants, and which keys have consent; page carries the key (`?k=`) for counting. */
export function buildLoad(spec: LoadSpec): Load {
  const tpl = TEMPLATES.policyMatch
  const outbox: OutboxDoc[] = []
  const grants: Record<string, unknown>[] = []
  const consentedKeys = new Set<string>()
  const consentedOpenids: string[] = []
  const openids = Math.ceil(spec.messages / spec.perOpenid)
  let n = 0
  for (let o = 0; o < openids && n < spec.messages; o++) {
    const openid = `o_${spec.prefix}_${String(o).padStart(6, '0')}`
    const consented = o % 100 < Math.round(spec.consentShare * 100)
    if (consented) consentedOpenids.push(openid)
    for (let j = 0; j < spec.perOpenid && n < spec.messages; j++, n++) {
      const key = `${spec.prefix}:${n}`
      if (consented) {
        consentedKeys.add(key)
        grants.push({
          _id: `g_${spec.prefix}_${n}`,
          openid,
          templateId: tpl.id,
          state: 'available',
          spentFor: null,
          grantedAtMs: spec.nowMs,
          spentAtMs: null,
        })
      }
      outbox.push({
        _id: key,
        key,
        openid,
        personId: `p_${spec.prefix}_${o}`,
        template: tpl.key,
        data: {
          policyName: '高校毕业生一次性求职创业补贴',
          result: '可申请',
          tip: '点击查看申领条件',
          at: '2026-11-23T10:00:00+08:00',
        },
        page: `packages/notify/pages/center/index?k=${encodeURIComponent(key)}`,
        title: '你可能符合一项就业政策',
        body: '高校毕业生一次性求职创业补贴',
        fallback: { kind: 'visitTask', reason: '订阅消息无法送达，请上门告知' },
        source: { module: 'bench', refId: key },
        state: 'pending',
        shard: outboxShardOf(key),
        attempts: 0,
        createdAt: new Date(spec.nowMs).toISOString(),
        createdAtMs: spec.nowMs,
        nextAttemptAtMs: spec.nowMs,
        stateChangedAtMs: spec.nowMs,
        claimToken: null,
        claimExpiresAtMs: null,
      })
    }
  }
  return { keys: outbox.map((d) => d._id), consentedKeys, consentedOpenids, outbox, grants }
}

interface SdkLike {
  database(): { collection(name: string): { add(docs: unknown): Promise<unknown> } }
}

/** Writes the load: outbox + our grants through the SDK, and the same grants in the WeChat double. */
export async function seedOutboxLoad(sdk: SdkLike, emulatorUrl: string, load: Load, perOpenid: number): Promise<void> {
  const db = sdk.database()
  for (let i = 0; i < load.outbox.length; i += 500) await db.collection('outbox').add(load.outbox.slice(i, i + 500))
  for (let i = 0; i < load.grants.length; i += 500)
    await db.collection('consent_grants').add(load.grants.slice(i, i + 500))
  const tplId = TEMPLATES.policyMatch.id
  for (let i = 0; i < load.consentedOpenids.length; i += 50) {
    await Promise.all(
      load.consentedOpenids.slice(i, i + 50).map((openid) =>
        fetch(`${emulatorUrl}/_emulator/wechat/consent`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ openid, templateId: tplId, count: perOpenid }),
        }),
      ),
    )
  }
}

async function main(): Promise<void> {
  const num = (name: string, d: number) => (process.env[name] ? Number(process.env[name]) : d)
  const log = createLogger({ fn: 'notify', trigger: 'worker' })
  for (let pass = 1; ; pass++) {
    const stats = await dispatchOutbox({
      // the emulator's clock (pinned by the test), not the real one: NOTIFY_WORKER_CLOCK_OFFSET_MS is its offset
      now: () => new Date(Date.now() + num('NOTIFY_WORKER_CLOCK_OFFSET_MS', 0)),
      log,
      concurrency: num('NOTIFY_WORKER_CONCURRENCY', 16),
      pipeline: num('NOTIFY_WORKER_PIPELINE', 2),
      batchSize: num('NOTIFY_WORKER_BATCH', 200),
      ratePerSec: num('NOTIFY_RATE_PER_SEC', 0),
      claimTtlMs: num('NOTIFY_CLAIM_TTL_MS', 60_000),
      timeBudgetMs: 10 * 60_000,
      retryBaseMs: 200,
    })
    process.stdout.write(JSON.stringify({ pass, ...stats }) + '\n')
    const open = (await Promise.all((['pending', 'claimed', 'sending'] as const).map((s) => countByState(s)))).reduce(
      (a, b) => a + b,
      0,
    )
    if (open === 0) break
    if (stats.claimed === 0) await new Promise((r) => setTimeout(r, 200))
  }
}

if (require.main === module) {
  main().then(
    () => process.exit(0),
    (e) => {
      console.error(e)
      process.exit(1)
    },
  )
}
