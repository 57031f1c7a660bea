/**
 * 智能客服 (assistant) through the real SDK and the emulator: answers cite the policy library, the guides or
 * the staff's FAQ; low confidence hands over with no citation; the bound resident sees "you may qualify: why";
 * the log keeps only the openid's hash and a masked question; rate → gaps (grouped) → 「加入知识库」.
 */
import { startEmulator, type TestEmulator } from '../helpers/emulator'

let emu: TestEmulator
const NOW = '2026-11-16T10:00:00+08:00'
const RESIDENT = 'o_demo_resident' // bound: a recent graduate, registered unemployed, 370102
const HANDLER = 'o_demo_handler'
const ADMIN = 'o_demo_admin'
let seq = 0
const aNewcomer = () => `o_asker_${process.pid}_${++seq}`
const ask = (openid: string | null, question: string, extra: Record<string, unknown> = {}) =>
  emu.call(openid, 'assistant', { action: 'ask', question, ...extra })
const call = (openid: string | null, action: string, data: Record<string, unknown> = {}) =>
  emu.call(openid, 'assistant', { action, ...data })
const asks = async () =>
  (await emu.sdk().database().collection('assistant_asks').orderBy('atMs', 'asc').limit(1000).get()).data as Record<
    string,
    unknown
  >[]
type Cite = { kind: string; id: string; title: string; docNumber?: string; note?: string }
const citesOf = (r: { data: { answers: { citations: Cite[] }[] } }) => r.data.answers.flatMap((a) => a.citations)

beforeAll(async () => {
  emu = await startEmulator({ seed: { now: new Date(NOW) } })
  await emu.setClock(NOW)
}, 120_000)
afterAll(async () => {
  await emu?.stop()
})

describe('answers with citations', () => {
  test('「我失业了能领多少钱」 cites 失业保险金 with its 文号, with the amounts, confidence in 0–1', async () => {
    const r = await ask(aNewcomer(), '我失业了能领多少钱')
    expect(r).toMatchObject({ ok: true, data: { handoff: false, askId: expect.any(String) } })
    expect(r.data.confidence).toBeGreaterThan(0.4)
    expect(r.data.confidence).toBeLessThanOrEqual(1)
    expect(r.data.answers[0].citations[0]).toEqual({
      kind: 'policy',
      id: 'unemployment-insurance-benefit',
      title: '失业保险金',
      docNumber: '国务院令第258号',
    })
    expect(r.data.answers[0].text).toContain('最长领取12个月')
  })

  test('a policy whose 文号 is not confirmed is cited without a number and the answer says 文号待核实', async () => {
    const r = await ask(aNewcomer(), '开了个小店能领创业补贴吗')
    const cite = citesOf(r).find((c) => c.id === 'startup-once-subsidy')
    expect(cite).toEqual({ kind: 'policy', id: 'startup-once-subsidy', title: '一次性创业补贴', note: '文号待核实' })
    expect(
      r.data.answers.find((a: { citations: Cite[] }) => a.citations.includes(cite!)) ?? r.data.answers[0],
    ).toBeTruthy()
    expect(r.data.answers.map((a: { text: string }) => a.text).join('')).toContain('文号待核实')
  })

  test('a question about the app cites its service guide', async () => {
    const r = await ask(aNewcomer(), '看中的岗位怎么投简历')
    expect(citesOf(r).map((c) => `${c.kind}:${c.id}`)).toContain('guide:guide-job-search')
  })

  test('an FAQ staff seeded answers and cites the FAQ beside the policy it explains', async () => {
    const r = await ask(aNewcomer(), '领失业金期间医保怎么办')
    expect(citesOf(r)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'faq', id: 'faq-benefit-medical' }),
        expect.objectContaining({ kind: 'policy', id: 'unemployment-insurance-benefit' }),
      ]),
    )
  })

  test('the bound resident sees whether they may qualify and why, from their record', async () => {
    const r = await ask(RESIDENT, '毕业两年内没找到工作，自己交社保能补贴吗')
    expect(r.ok).toBe(true)
    const withPolicy = r.data.answers.find(
      (a: { citations: Cite[]; eligibility?: unknown }) =>
        a.citations.some((c) => c.kind === 'policy') && a.eligibility,
    )
    expect(withPolicy.eligibility.text).toMatch(/^按你的登记信息/)
    expect(['eligible', 'ineligible', 'undetermined']).toContain(withPolicy.eligibility.status)
    const stranger = await ask(aNewcomer(), '毕业两年内没找到工作，自己交社保能补贴吗')
    expect(stranger.data.answers.every((a: { eligibility?: unknown }) => a.eligibility === undefined)).toBe(true)
  })
})

describe('handoff', () => {
  test('a question the library cannot answer hands over, with no citation at all', async () => {
    const r = await ask(aNewcomer(), '护照在哪里办')
    expect(r).toMatchObject({ ok: true, data: { handoff: true } })
    expect(r.data.confidence).toBeLessThan(0.4)
    expect(citesOf(r)).toEqual([])
    expect(r.data.answers[0].text).toContain('转人工')
  })
})

describe('the question log', () => {
  test('keeps the openid only as a hash and masks an ID number in the question', async () => {
    const who = aNewcomer()
    const r = await ask(who, '我身份证370102199001011234，能领失业金吗')
    const doc = (await asks()).find((a) => a._id === r.data.askId)!
    expect(JSON.stringify(doc)).not.toContain(who)
    expect(doc.openidHash).toMatch(/^[0-9a-f]{64}$/)
    expect(doc.question).not.toContain('370102199001011234')
  })

  test('a question failing the content check is refused and not logged', async () => {
    const before = (await asks()).length
    expect(await ask(aNewcomer(), '违规测试 失业金怎么领')).toMatchObject({
      ok: false,
      error: { code: 'CONTENT_REJECTED' },
    })
    expect((await asks()).length).toBe(before)
  })

  test('the same requestId gives the first answer again and logs once', async () => {
    const who = aNewcomer()
    const a = await ask(who, '培训补贴怎么申请', { requestId: 'ask-req-0001' })
    const b = await ask(who, '培训补贴怎么申请', { requestId: 'ask-req-0001' })
    expect(b.data.askId).toBe(a.data.askId)
    expect((await asks()).filter((d) => d._id === a.data.askId)).toHaveLength(1)
  })

  test('bad input changes nothing', async () => {
    const before = (await asks()).length
    for (const bad of [{ question: '' }, { question: 'x'.repeat(201) }, { question: 12 }, {}]) {
      expect(await call(aNewcomer(), 'ask', bad)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } })
    }
    expect((await asks()).length).toBe(before)
  })

  test('sixty questions in an hour are all answered (a real conversation is never cut off)', async () => {
    const who = aNewcomer()
    const results = []
    for (let i = 0; i < 60; i++) results.push(await ask(who, i % 2 ? '失业登记在哪里办' : '创业贷最多能贷多少'))
    expect(results.every((r) => r.ok)).toBe(true)
  })
})

describe('rate, gaps and 「加入知识库」', () => {
  test('an unhelpful answer and handed-off questions show up grouped for staff; residents may not look', async () => {
    const a = aNewcomer()
    const b = aNewcomer()
    await ask(a, '公积金怎么提取')
    await ask(b, '公积金怎么提取？')
    const helped = await ask(a, '失业金能领几个月')
    expect(await call(a, 'rate', { askId: helped.data.askId, helpful: false })).toMatchObject({
      ok: true,
      data: { helpful: false },
    })
    // someone else's question reads as not found
    expect(await call(b, 'rate', { askId: helped.data.askId, helpful: true })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })

    const gaps = await call(HANDLER, 'gaps', { pageSize: 100 })
    expect(gaps.ok).toBe(true)
    const group = gaps.data.items.find((g: { key: string }) => g.key.includes('公积金'))
    expect(group).toMatchObject({ count: 2, handoff: 2, unhelpful: 0 })
    const unhelpful = await call(HANDLER, 'gaps', { reason: 'unhelpful' })
    expect(unhelpful.data.items.map((g: { question: string }) => g.question)).toContain('失业金能领几个月')
    expect(await call(RESIDENT, 'gaps')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await call(null, 'gaps')).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
  })

  test('「加入知识库」 answers the group: it leaves the gaps, the next asker gets the FAQ, and the change is audited', async () => {
    const gaps = await call(HANDLER, 'gaps', { pageSize: 100 })
    const group = gaps.data.items.find((g: { key: string }) => g.key.includes('公积金'))
    const saved = await call(HANDLER, 'upsertFaq', {
      question: '公积金怎么提取？',
      answer: '住房公积金不由人社部门办理，请咨询当地住房公积金管理中心。',
      keywords: ['公积金', '提取'],
      fromGap: group.key,
    })
    expect(saved).toMatchObject({ ok: true, data: { created: true, resolvedGaps: 2, active: true } })
    const after = await call(HANDLER, 'gaps', { pageSize: 100 })
    expect(after.data.items.find((g: { key: string }) => g.key === group.key)).toBeUndefined()

    const r = await ask(aNewcomer(), '公积金怎么提取')
    expect(r.data.handoff).toBe(false)
    expect(citesOf(r)[0]).toMatchObject({ kind: 'faq', id: saved.data.id })

    const audit = (
      await emu
        .sdk()
        .database()
        .collection('audit_logs')
        .where({ event: 'assistant.createFaq' })
        .orderBy('atMs', 'asc')
        .get()
    ).data
    expect(audit).toEqual([expect.objectContaining({ actor: HANDLER, targetId: saved.data.id, outcome: 'ok' })])
  })

  test('an FAQ can be edited and retired; its link must exist; a resident cannot write one', async () => {
    const first = await call(ADMIN, 'faqs', { pageSize: 20 })
    expect(first).toMatchObject({ ok: true, data: { nextCursor: expect.any(String) } })
    const second = await call(ADMIN, 'faqs', { pageSize: 20, cursor: first.data.nextCursor })
    expect(first.data.items.length + second.data.items.length).toBeGreaterThanOrEqual(30)
    const faq = [...first.data.items, ...second.data.items].find((f: { id: string }) => f.id === 'faq-register-fee')
    expect(
      await call(ADMIN, 'upsertFaq', { id: faq.id, question: faq.question, answer: faq.answer, active: false }),
    ).toMatchObject({ ok: true, data: { created: false, active: false } })
    const list = await call(ADMIN, 'faqs', { pageSize: 100 })
    expect(list.data.items.map((f: { id: string }) => f.id)).not.toContain('faq-register-fee')
    expect(
      await call(ADMIN, 'upsertFaq', {
        question: '测试问题一',
        answer: '测试回答一',
        ref: { kind: 'policy', id: 'no-such-policy' },
      }),
    ).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } })
    expect(
      await call(ADMIN, 'upsertFaq', { id: 'faq-nope', question: '测试问题二', answer: '测试回答二' }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await call(RESIDENT, 'upsertFaq', { question: '测试问题三', answer: '测试回答三' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
  })
})
