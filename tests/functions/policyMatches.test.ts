/**
 * 我的匹配 over claimed matches: `policy.myMatches` with `excludeClaimed` pages over the matches still to claim on
 * the server, so a first page of claimed ones no longer looks like "all claimed" while more pages exist. Matches
 * are written by a factory for the demo resident's person record; the file pins its clock (seed and emulator).
 */
import { startEmulator } from '../helpers/emulator'

type Emu = Awaited<ReturnType<typeof startEmulator>>
let emu: Emu

const NOW = '2026-11-18T10:00:00+08:00'
const RES = 'o_demo_resident'
const PERSON = 'p_demo_resident'
const db = () => emu.sdk().database()

/** A match of the demo resident, `minutesAgo` before NOW, claimed or not. */
function aMatch(n: number, o: { minutesAgo: number; claimed?: boolean }) {
  const ms = Date.parse(NOW) - o.minutesAgo * 60_000
  return {
    _id: `test-policy-${n}@1:${PERSON}`,
    personId: PERSON,
    policyId: `test-policy-${n}`,
    version: 1,
    title: `测试政策${n}`,
    status: 'eligible',
    channel: 'none',
    openid: RES,
    cityCode: null,
    gridCode: null,
    runId: 'test-run',
    matchedAt: new Date(ms).toISOString(),
    matchedAtMs: ms,
    ...(o.claimed ? { claimed: true } : {}),
  }
}

const myMatches = (data: Record<string, unknown>) => emu.call(RES, 'policy', { action: 'myMatches', ...data })
const ids = (r: { data: { items: { policyId: string }[] } }) => r.data.items.map((i) => i.policyId)

beforeAll(async () => {
  emu = await startEmulator({ seed: { now: new Date(NOW) } })
  await emu.setClock(NOW)
  const _ = db().command
  await db()
    .collection('policy_matches')
    .where({ personId: PERSON, _id: _.exists(true) })
    .remove()
  // the three newest are claimed (applications approved); three older ones are still to claim
  const docs = [
    aMatch(1, { minutesAgo: 1, claimed: true }),
    aMatch(2, { minutesAgo: 2, claimed: true }),
    aMatch(3, { minutesAgo: 3, claimed: true }),
    aMatch(4, { minutesAgo: 4 }),
    aMatch(5, { minutesAgo: 5, claimed: false }),
    aMatch(6, { minutesAgo: 6 }),
  ]
  for (const d of docs) await db().collection('policy_matches').add(d)
}, 120_000)
afterAll(async () => {
  await emu?.stop()
})

test('given a first page of claimed matches, when 我的匹配 asks with excludeClaimed, then it pages over the unclaimed ones and counts the claimed', async () => {
  // without the option a page of two holds only claimed matches (what the client used to filter to nothing)
  const plain = await myMatches({ pageSize: 2 })
  expect(plain).toMatchObject({ ok: true, data: { claimedCount: null } })
  expect(ids(plain)).toEqual(['test-policy-1', 'test-policy-2'])

  const first = await myMatches({ pageSize: 2, excludeClaimed: true })
  expect(first).toMatchObject({ ok: true, data: { bound: true, claimedCount: 3 } })
  expect(ids(first)).toEqual(['test-policy-4', 'test-policy-5'])
  expect(first.data.items.every((i: { claimed: boolean }) => !i.claimed)).toBe(true)
  expect(first.data.nextCursor).toEqual(expect.any(String))

  const second = await myMatches({ pageSize: 2, excludeClaimed: true, cursor: first.data.nextCursor })
  expect(second).toMatchObject({ ok: true, data: { nextCursor: null, claimedCount: null } })
  expect(ids(second)).toEqual(['test-policy-6'])
})

test('given every match claimed, when 我的匹配 asks with excludeClaimed, then no items, no next page, and the claimed count', async () => {
  const _ = db().command
  await db()
    .collection('policy_matches')
    .where({ personId: PERSON, claimed: _.neq(true) })
    .update({ claimed: true })
  const all = await myMatches({ pageSize: 2, excludeClaimed: true })
  expect(all).toMatchObject({ ok: true, data: { items: [], nextCursor: null, claimedCount: 6 } })
})
