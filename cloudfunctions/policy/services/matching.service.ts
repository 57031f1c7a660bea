/**
 * One page of the matching batch: evaluate the persons against the run's policies (compiled path), record
 * matches, find the newly eligible and give each one a channel (a subscription message through the notify
 * pipeline when the person is bound to a user, with a visit task as its fallback; otherwise a visit task).
 * Every write is idempotent, so a page redone after a crash changes nothing twice.
 */
import { deepLinks } from '../../../shared/deepLinks'
import { enqueueNotification } from '../../_core/notifications'
import { createVisitTask } from '../../_core/visitTasks'
import { encodeFacts } from '../../../shared/rules/columns'
import { factsOf } from '../../../shared/rules/facts'
import type { CompiledRules } from '../../../shared/rules/compile'
import { evaluatePolicy } from '../../../shared/policies/evaluatePolicy'
import type { Facts } from '../../../shared/rules/types'
import type { PersonFactsDoc } from '../repositories/person.repository'
import { insertMatches, markLapsed, matchesOf, matchId, type MatchDoc } from '../repositories/match.repository'
import { zeroCounters, type Counters, type RunPolicy } from '../repositories/batch.repository'
import { toIsoCst } from '../../../shared/calendar/chinaTime'

export const notificationKey = (policyId: string, version: number, personId: string) =>
  `policy:${policyId}:${version}:${personId}`

/** The engine's own explanation, short enough for a visit task or a message. */
export function explainForOutreach(p: RunPolicy, facts: Facts, asOf: string): string {
  const r = evaluatePolicy(p, facts, asOf)
  const passed = r.reasons.filter((x) => x.passed).map((x) => x.text.replace(/（.*?）$/, ''))
  return `符合“${p.title}”条件（${passed.join('；')}），尚未申领，请上门告知并协助申请`.slice(0, 200)
}

export interface PageInput {
  persons: PersonFactsDoc[]
  policies: RunPolicy[]
  compiled: CompiledRules
  asOf: string
  runId: string
  notify: boolean
  now: Date
}

export async function processPage(input: PageInput): Promise<Counters> {
  const { persons, policies, compiled, asOf, runId, notify, now } = input
  const c = zeroCounters()
  c.processed = persons.length
  if (!persons.length) return c
  const facts = persons.map((p) => factsOf(p as Record<string, unknown>))
  const out = compiled.run(encodeFacts(facts))
  const existing = await matchesOf(
    persons.map((p) => p._id),
    policies.map((p) => p.id),
  )
  const byPair = new Map<string, MatchDoc[]>()
  for (const m of existing) {
    const k = `${m.policyId}|${m.personId}`
    const list = byPair.get(k)
    if (list) list.push(m)
    else byPair.set(k, [m])
  }
  const at = toIsoCst(now)
  const toInsert: MatchDoc[] = []
  const lapsed: string[] = []
  for (let p = 0; p < policies.length; p++) {
    const pol = policies[p]
    const status = out[p]
    for (let i = 0; i < persons.length; i++) {
      const person = persons[i]
      const prior = byPair.get(`${pol.id}|${person._id}`) ?? []
      if (status[i] === 0) {
        // known not to qualify any more: earlier matches of this or older versions lapse
        for (const m of prior) if (m.status === 'eligible' && m.version <= pol.version) lapsed.push(m._id)
        continue
      }
      if (status[i] !== 2) continue
      c.eligible++
      const same = prior.find((m) => m.version === pol.version)
      if (same) {
        // recorded (and told) already. Within a run a shard sees a person once, except when a crashed page is
        // redone: then the effects are there but their counts were lost with the checkpoint, so count them.
        if (same.runId === runId && runId !== 'changes' && same.channel !== 'none') {
          c.newlyEligible++
          if (same.channel === 'push') c.pushes++
          else c.visitTasks++
        }
        continue
      }
      const newly = prior.length === 0
      let channel: MatchDoc['channel'] = 'none'
      if (newly) {
        c.newlyEligible++
        if (notify) {
          const reasonText = explainForOutreach(pol, facts[i], asOf)
          const key = notificationKey(pol.id, pol.version, person._id)
          const refId = `${pol.id}@${pol.version}`
          if (person.boundOpenid) {
            await enqueueNotification(
              {
                key,
                openid: person.boundOpenid,
                personId: person._id,
                template: 'policyMatch',
                data: { policyName: pol.title, result: '可申请', tip: '点击查看申请条件和办理方式', at },
                page: deepLinks.policy(pol.id),
                title: `政策匹配提醒：${pol.title}`,
                body: `根据您的情况，您可能符合“${pol.title}”的申请条件。${pol.summary}`.slice(0, 300),
                fallback: { kind: 'visitTask', reason: reasonText },
                source: { module: 'policy', refId },
              },
              now,
            )
            channel = 'push'
            c.pushes++
          } else {
            await createVisitTask(
              {
                key,
                personId: person._id,
                reason: { code: 'policyUnclaimed', text: reasonText },
                source: { module: 'policy', refId },
                priority: 60,
              },
              now,
            )
            channel = 'visit'
            c.visitTasks++
          }
        }
      }
      toInsert.push({
        _id: matchId(pol.id, pol.version, person._id),
        personId: person._id,
        policyId: pol.id,
        version: pol.version,
        title: pol.title,
        status: 'eligible',
        channel,
        openid: person.boundOpenid ?? null,
        cityCode: person.cityCode ?? null,
        gridCode: person.gridCode ?? null,
        runId,
        matchedAt: at,
        matchedAtMs: now.getTime(),
        lapsedAt: null,
      })
    }
  }
  await insertMatches(toInsert)
  await markLapsed(lapsed, at)
  c.lapsed = lapsed.length
  return c
}
