/** Factories and helpers shared by the policy function tests. */
import type { TestEmulator } from '../helpers/emulator'
import type { Condition, Facts } from '../../shared/rules/types'
import { factsOf } from '../../shared/rules/facts'

export const ADMIN = 'o_demo_admin'

/** A policy document as an administrator would publish it; override any field. */
export const aPolicy = (over: Record<string, unknown> = {}) => ({
  id: 'test-unemployed-allowance',
  title: '测试：登记失业人员生活补助',
  category: 'unemployment',
  level: 'provincial',
  summary: '测试用政策：在山东居住的登记失业人员可领取生活补助。',
  audience: '登记失业人员',
  effectiveFrom: '2020-01-01',
  effectiveTo: null,
  applicationWindow: null,
  amounts: [{ text: '每月500元（测试）', maxYuan: 500 }],
  materials: ['身份证'],
  howToApply: ['到街道便民服务中心申请'],
  handledBy: '街道便民服务中心',
  sources: [{ title: '测试政策文件', issuer: '测试发文机关', docNumber: null, note: '测试用，文号待核实' }],
  rule: {
    op: 'all',
    of: [
      { op: 'region', fact: 'residenceRegion', prefixes: ['37'], place: '山东省' },
      { op: 'is', fact: 'registeredUnemployed' },
    ],
  } as Condition,
  ...over,
})

export interface PersonRow extends Facts {
  _id: string
  boundOpenid?: string | null
  cityCode?: string
}

/** Every document of a collection matching `where`, read by `_id` pages through the real SDK. */
export async function readAll<T extends { _id: string }>(
  emu: TestEmulator,
  collection: string,
  where: Record<string, unknown> = {},
): Promise<T[]> {
  const db = emu.sdk().database()
  const _ = db.command
  const out: T[] = []
  let after = ''
  for (;;) {
    const res = await db
      .collection(collection)
      .where({ ...where, _id: _.gt(after) })
      .orderBy('_id', 'asc')
      .limit(1000)
      .get()
    const docs = res.data as T[]
    out.push(...docs)
    if (docs.length < 1000) return out
    after = docs[docs.length - 1]._id
  }
}

export const personFacts = (p: PersonRow): Facts => factsOf(p as unknown as Record<string, unknown>)

/** Run the rematch trigger until no run is left unfinished (with a safety bound). */
export async function rematchUntilDone(emu: TestEmulator, max = 50): Promise<unknown[]> {
  const results: unknown[] = []
  for (let i = 0; i < max; i++) {
    const r = await emu.trigger('policy', 'rematch')
    results.push(r)
    const data = (r as { results: { result: { ok: boolean; data?: { runs: { state: string }[] } } }[] }).results[0]
      .result
    if (data.ok && data.data && data.data.runs.every((x) => x.state === 'done')) return results
  }
  throw new Error('rematch did not finish')
}
