/** The policy library: every policy's own example cases, and what every policy document must carry. */
import { POLICY_LIBRARY, evaluatePolicy } from '../../shared/policies'
import { dateKey } from '../../shared/rules/dates'

describe.each(POLICY_LIBRARY.map((p) => [p.title, p] as const))('%s', (_title, policy) => {
  it.each(policy.examples.map((e) => [e.name, e] as const))('example: %s', (_name, ex) => {
    const r = evaluatePolicy(policy, ex.facts, ex.asOf)
    expect(r.status).toBe(ex.expect)
    if (ex.eligibleFrom) {
      expect(r.eligibleFrom).toBe(ex.eligibleFrom)
      expect(evaluatePolicy(policy, ex.facts, ex.eligibleFrom).status).toBe('eligible')
    }
    if (ex.missing) expect(r.missing).toEqual(ex.missing)
    for (const reason of r.reasons) expect(reason.text).toMatch(/[\u4e00-\u9fa5]/)
  })

  it('has examples of every answer and a complete document', () => {
    expect(new Set(policy.examples.map((e) => e.expect))).toEqual(new Set(['eligible', 'ineligible', 'undetermined']))
    expect(policy.sources.length).toBeGreaterThan(0)
    for (const s of policy.sources) {
      expect(s.title.length).toBeGreaterThan(3)
      expect(s.issuer.length).toBeGreaterThan(1)
      // a document number is either given, or explicitly marked as still to be verified
      if (s.docNumber === null) expect(s.note).toMatch(/待核实/)
      else expect(s.docNumber).toMatch(/〔\d{4}〕\d+号|令第[\d一二三四五六七八九十百]+号/)
    }
    expect(policy.materials.length).toBeGreaterThan(0)
    expect(policy.howToApply.length).toBeGreaterThan(0)
    expect(policy.amounts.length).toBeGreaterThan(0)
    expect(dateKey(policy.effectiveFrom)).toBeGreaterThan(0)
    if (policy.effectiveTo) expect(policy.effectiveTo >= policy.effectiveFrom).toBe(true)
  })
})

describe('the library', () => {
  it('holds at least 20 policies with unique ids', () => {
    expect(POLICY_LIBRARY.length).toBeGreaterThanOrEqual(20)
    expect(new Set(POLICY_LIBRARY.map((p) => p.id)).size).toBe(POLICY_LIBRARY.length)
    for (const p of POLICY_LIBRARY) expect(p.id).toMatch(/^[a-z0-9-]+$/)
  })
  it('covers the core employment and start-up policies', () => {
    const titles = POLICY_LIBRARY.map((p) => p.title).join('|')
    for (const t of [
      '一次性创业补贴',
      '创业担保贷款',
      '求职创业补贴',
      '职业培训补贴',
      '社会保险补贴',
      '一次性吸纳就业补贴',
      '灵活就业社会保险补贴',
      '失业保险金',
      '技能提升补贴',
    ])
      expect(titles).toContain(t)
  })
})
