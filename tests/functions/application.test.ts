/**
 * 业务经办 through the real SDK and the emulator: drafts with prefill, one draft per kind, idempotent submit,
 * the state machine as a client sees it, the stopped clock during 补正, escalation on the emulator clock, the
 * claimed effect on 政策找人, on-behalf with and without consent, and other residents / departments refused
 * with nothing written. The file pins its clock (seed and emulator at a mid-November Wednesday).
 */
import { startEmulator } from '../helpers/emulator'
import { solidPng } from '../helpers/png'
import { phonePhoto } from '../helpers/jpeg'
import { createVisitTask } from '../../cloudfunctions/_core/visitTasks'
import { findUnmaskedPii } from '../../shared/mask'

type Emu = Awaited<ReturnType<typeof startEmulator>>
let emu: Emu

const NOW = '2026-11-18T10:00:00+08:00'
const RES = 'o_demo_resident'
const RES2 = 'o_demo_resident2'
const H = 'o_demo_handler'
const H2 = 'o_demo_handler2'
const GRID = 'o_demo_grid'
const GRID2 = 'o_demo_grid2'
const POLICY = 'vocational-training-subsidy'
const KIND = `policy:${POLICY}`
let seq = 0
const rid = () => `req-${Date.now().toString(36)}-${++seq}`
const call = (openid: string | null, action: string, data: Record<string, unknown> = {}) =>
  emu.call(openid, 'application', { action, ...data })
const db = () => emu.sdk().database()
const count = async (collection: string, where: Record<string, unknown> = {}) =>
  Number((await db().collection(collection).where(where).count()).total)

async function aPhoto(openid: string): Promise<string> {
  const res = await emu
    .sdk(openid)
    .uploadFile({ cloudPath: `applications/${openid}/${++seq}.png`, fileContent: solidPng(8, 8, [200, 120, 40]) })
  return (res as { fileID: string }).fileID
}

/** Values of the typed (not free-text) questions, in their shape. */
const TYPED_VALUES: Record<string, string> = {
  bankAccount: '6222020000000000000',
  certificateNo: 'ZS2026001',
  creditCode: '000000000000000000',
  name: '张三',
  hiredNames: '张三、李四',
}

/** A complete draft of the vocational training subsidy for the demo resident (every missing answer and material). */
async function aFilledDraft(openid = RES, kind = KIND) {
  const d = await call(openid, 'draft', { kind, requestId: rid() })
  expect(d).toMatchObject({ ok: true })
  const photo = await aPhoto(openid)
  const answers: Record<string, unknown> = {}
  const attachments: Record<string, string[]> = {}
  for (const m of d.data.missing) {
    if (m.type === 'attachment') {
      if (m.required) attachments[m.key] = [photo]
    } else if (m.type === 'choice') answers[m.key] = m.options[0].value
    else if (m.type === 'number') answers[m.key] = 1
    else if (m.type === 'date') answers[m.key] = '2026-10-19'
    else if (m.type === 'multi') answers[m.key] = []
    else answers[m.key] = TYPED_VALUES[m.key] ?? '测试填写'
  }
  const s = await call(openid, 'save', { applicationId: d.data.applicationId, answers, attachments })
  expect(s).toMatchObject({ ok: true })
  return { id: d.data.applicationId as string, draft: d.data, photo, answers }
}

async function aSubmitted(openid = RES, kind = KIND) {
  const { id } = await aFilledDraft(openid, kind)
  const r = await call(openid, 'submit', { applicationId: id, requestId: rid(), declaration: true })
  expect(r).toMatchObject({ ok: true, data: { status: 'submitted' } })
  return { id, receipt: r.data }
}

async function cleanup() {
  const _ = db().command
  for (const c of ['service_applications', 'service_application_events', 'kept_materials'])
    await db()
      .collection(c)
      .where({ _id: _.exists(true) })
      .remove()
}

beforeAll(async () => {
  emu = await startEmulator({ seed: { now: new Date(NOW) } })
  await emu.setClock(NOW)
}, 120_000)
afterAll(async () => {
  await emu?.stop()
})
beforeEach(async () => {
  await emu.setClock(NOW)
  await cleanup()
})

describe('kinds and drafts', () => {
  test('the catalogue lists the registrations and the policies with materials and whether the caller may apply', async () => {
    const r = await call(RES, 'kinds')
    expect(r.ok).toBe(true)
    const byKind = new Map(r.data.items.map((i: { kind: string }) => [i.kind, i]))
    expect(r.data.items.filter((i: { policyId?: string }) => i.policyId).length).toBeGreaterThanOrEqual(10)
    expect(byKind.get(KIND)).toMatchObject({ canApply: true, title: '职业培训补贴' })
    expect(byKind.get('unemploymentRegistration')).toMatchObject({ canApply: false, whyNot: '您已办理失业登记' })
    expect(byKind.get('policy:startup-once-subsidy')).toMatchObject({ canApply: false, whyNot: expect.any(String) })
    const fresh = await call('o_app_unbound', 'kinds')
    expect(fresh.data.items.every((i: { canApply: boolean }) => !i.canApply)).toBe(true)
  })

  test('a draft is prefilled from the register with its source on each line, and asks only what is missing', async () => {
    const r = await call(RES, 'draft', { kind: KIND, requestId: rid() })
    expect(r).toMatchObject({ ok: true, data: { status: 'draft' } })
    const prefillKeys = r.data.prefill.map((p: { key: string }) => p.key)
    expect(prefillKeys).toEqual(expect.arrayContaining(['idNumber', 'birthDate', 'keyGroups', 'trainingCompletedAt']))
    expect(r.data.prefill.every((p: { sourceLabel: string }) => p.sourceLabel.length > 0)).toBe(true)
    const missing = r.data.missing.map((m: { key: string }) => m.key)
    expect(missing).toEqual(expect.arrayContaining(['courseName', 'certificateNo', 'bankAccount', 'm1']))
    expect(missing).not.toContain('birthDate')
    expect(findUnmaskedPii(r.data)).toEqual([])
    expect(r.data.eligibility).toMatchObject({ status: 'eligible' })
  })

  test('one open draft per person and kind: asking again (another requestId) resumes it; the same requestId gives the same answer', async () => {
    const req = rid()
    const a = await call(RES, 'draft', { kind: KIND, requestId: req })
    const b = await call(RES, 'draft', { kind: KIND, requestId: rid() })
    const again = await call(RES, 'draft', { kind: KIND, requestId: req })
    expect(b.data.applicationId).toBe(a.data.applicationId)
    expect(again).toMatchObject({ ok: true, data: { applicationId: a.data.applicationId, prefill: a.data.prefill } })
    const [c, d] = await Promise.all([
      call(RES, 'draft', { kind: 'employmentRegistration', requestId: rid() }),
      call(RES, 'draft', { kind: 'employmentRegistration', requestId: rid() }),
    ])
    expect(c.data.applicationId).toBe(d.data.applicationId)
    expect(await count('service_applications', { personId: 'p_demo_resident' })).toBe(2)
  })

  test('an unbound user cannot start one, and nothing is written', async () => {
    const r = await call('o_app_unbound2', 'draft', { kind: KIND, requestId: rid() })
    expect(r).toMatchObject({ ok: false, error: { code: 'NOT_ELIGIBLE' } })
    expect(await count('service_applications')).toBe(0)
  })

  test('save refuses keys the kind does not have and changes nothing', async () => {
    const d = await call(RES, 'draft', { kind: KIND, requestId: rid() })
    const r = await call(RES, 'save', { applicationId: d.data.applicationId, answers: { notAQuestion: 'x' } })
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } })
    const doc = (await db().collection('service_applications').doc(d.data.applicationId).get()).data[0]
    expect(doc.answers).toEqual({})
  })
})

describe('submit', () => {
  test('submit gives a receipt with a tracking number and a due date in working days; the same requestId the same receipt, one case', async () => {
    const { id } = await aFilledDraft()
    const req = rid()
    const [a, b] = await Promise.all([
      call(RES, 'submit', { applicationId: id, requestId: req }),
      call(RES, 'submit', { applicationId: id, requestId: req }),
    ])
    expect(a).toEqual(b)
    expect(a).toMatchObject({
      ok: true,
      data: {
        applicationId: id,
        status: 'submitted',
        trackingNo: expect.stringMatching(/^BS20261118/),
        dueAt: '2026-12-16T23:59:59.999+08:00',
      },
    })
    const other = await call(RES, 'submit', { applicationId: id, requestId: rid() })
    expect(other.data.trackingNo).toBe(a.data.trackingNo)
    expect(await count('service_application_events', { applicationId: id, step: 'submit' })).toBe(1)
    const mine = await call(RES, 'mine')
    expect(mine.data.items.map((i: { applicationId: string }) => i.applicationId)).toEqual([id])
  })

  test('an incomplete draft is not submitted (the missing items named)', async () => {
    const d = await call(RES, 'draft', { kind: KIND, requestId: rid() })
    const r = await call(RES, 'submit', { applicationId: d.data.applicationId, requestId: rid() })
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', message: expect.stringContaining('培训项目') },
    })
    expect((await db().collection('service_applications').doc(d.data.applicationId).get()).data[0].status).toBe('draft')
  })

  test('submitted materials are kept (我的材料) for another application', async () => {
    await aSubmitted()
    const kept = await call(RES, 'kept')
    expect(kept.data.items.length).toBeGreaterThan(0)
  })
})

describe('review and the state machine', () => {
  test('handler of the region: take → requestCorrection (clock stops) → respond (same reviewer, clock resumes) → approve', async () => {
    const { id } = await aSubmitted()
    const q = await call(H, 'queue', { view: 'unassigned' })
    expect(q.data.items.map((i: { applicationId: string }) => i.applicationId)).toEqual([id])
    expect(await call(H, 'take', { applicationId: id })).toMatchObject({
      ok: true,
      data: { status: 'underReview', reviewerOpenid: H },
    })
    const rc = await call(H, 'requestCorrection', {
      applicationId: id,
      items: ['m1'],
      note: '证书照片不清晰，请重新拍摄',
    })
    expect(rc).toMatchObject({ ok: true, data: { status: 'correctionRequested' } })
    // 30 days later the stopped clock is not overdue
    await emu.setClock('2026-12-28T10:00:00+08:00')
    expect((await call(H, 'queue', { view: 'overdue' })).data.items).toEqual([])
    const photo = await aPhoto(RES)
    const resp = await call(RES, 'respond', { applicationId: id, attachments: { m1: [photo] }, note: '已重新拍摄' })
    expect(resp).toMatchObject({ ok: true, data: { status: 'underReview', reviewerOpenid: H } })
    // stopped on Wed 11-18 with 19 working days left; resumed Mon 12-28 → 19 working days later
    expect(Date.parse(resp.data.dueAt)).toBeGreaterThan(Date.parse('2027-01-15T00:00:00+08:00'))
    expect(
      (await call(H, 'queue', { view: 'mine' })).data.items.map((i: { applicationId: string }) => i.applicationId),
    ).toEqual([id])
    const ap = await call(H, 'approve', { applicationId: id, amount: 1000, note: '符合条件' })
    expect(ap).toMatchObject({
      ok: true,
      data: { status: 'approved', decision: { outcome: 'approved', amount: 1000, onTime: true } },
    })
    const g = await call(RES, 'get', { applicationId: id })
    expect(g.data.timeline.map((t: { step: string }) => t.step)).toEqual([
      'submit',
      'take',
      'requestCorrection',
      'respond',
      'approve',
    ])
    expect(g.data.decision).toMatchObject({ outcome: 'approved' })
  })

  test('refused transitions answer CONFLICT and change nothing', async () => {
    const { id } = await aSubmitted()
    expect(await call(H, 'approve', { applicationId: id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect(await call(H, 'requestCorrection', { applicationId: id, items: ['m1'], note: '请补正材料' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    })
    expect(await call(RES, 'respond', { applicationId: id, note: '补正' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    })
    expect(await call(H, 'reopen', { applicationId: id, note: '重新审核' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    })
    await call(H, 'take', { applicationId: id })
    await call(H, 'refuse', { applicationId: id, reasonCode: 'notEligible', note: '培训证书不在补贴目录内' })
    expect(await call(RES, 'withdraw', { applicationId: id, reason: '不想办了' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    })
    expect(await call(H, 'approve', { applicationId: id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    const doc = (await db().collection('service_applications').doc(id).get()).data[0]
    expect(doc.status).toBe('refused')
    expect(doc.decision).toMatchObject({ outcome: 'refused', reasonCode: 'notEligible' })
    const g = await call(RES, 'get', { applicationId: id })
    expect(g.data.decision).toMatchObject({ reasonLabel: '不符合条件', note: '培训证书不在补贴目录内' })
    expect(await call(H, 'reopen', { applicationId: id, note: '申请人提交了新证明' })).toMatchObject({
      ok: true,
      data: { status: 'underReview' },
    })
  })

  test('withdraw from draft, submitted, under review and correction requested', async () => {
    for (const stage of ['draft', 'submitted', 'underReview', 'correctionRequested']) {
      await cleanup()
      const { id } = await aFilledDraft()
      if (stage !== 'draft') await call(RES, 'submit', { applicationId: id, requestId: rid() })
      if (stage === 'underReview' || stage === 'correctionRequested') await call(H, 'take', { applicationId: id })
      if (stage === 'correctionRequested')
        await call(H, 'requestCorrection', { applicationId: id, items: ['m1'], note: '请补正材料' })
      expect(await call(RES, 'withdraw', { applicationId: id, reason: '已在窗口办理' })).toMatchObject({
        ok: true,
        data: { status: 'withdrawn' },
      })
    }
  })

  test('a refusal needs a published reason code', async () => {
    const { id } = await aSubmitted()
    await call(H, 'take', { applicationId: id })
    expect(await call(H, 'refuse', { applicationId: id, reasonCode: 'because', note: '不行' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    })
  })

  test("free text others read is content-checked: a risky withdrawal reason or refusal note is refused and the case doesn't move", async () => {
    const { id } = await aSubmitted()
    const before = await count('service_application_events', { applicationId: id })
    expect(await call(RES, 'withdraw', { applicationId: id, reason: '违规测试的理由' })).toMatchObject({
      ok: false,
      error: { code: 'CONTENT_REJECTED' },
    })
    await call(H, 'take', { applicationId: id })
    const taken = await count('service_application_events', { applicationId: id })
    const refused = await call(H, 'refuse', { applicationId: id, reasonCode: 'notEligible', note: '违规测试 说明' })
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONTENT_REJECTED' } })
    expect((await call(RES, 'get', { applicationId: id })).data.status).toBe('underReview')
    expect(await count('service_application_events', { applicationId: id })).toBe(taken)
    expect(taken).toBeGreaterThan(before)
  })

  test('another resident and another department are refused, and nothing is written', async () => {
    const { id } = await aSubmitted()
    const before = await count('service_application_events', { applicationId: id })
    expect(await call(RES2, 'get', { applicationId: id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await call(RES2, 'withdraw', { applicationId: id, reason: '捣乱一下' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
    expect(await call(H2, 'take', { applicationId: id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await call(H2, 'approve', { applicationId: id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect((await call(H2, 'queue', { view: 'unassigned' })).data.items).toEqual([])
    expect(await call(RES, 'queue', { view: 'unassigned' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await count('service_application_events', { applicationId: id })).toBe(before)
    expect((await db().collection('service_applications').doc(id).get()).data[0]).toMatchObject({
      status: 'submitted',
      reviewerOpenid: null,
    })
  })

  test('bulk decide answers per case; export writes a CSV of the queue', async () => {
    const a = await aSubmitted()
    const b = await aSubmitted(RES, 'policy:skill-assessment-subsidy')
    await call(H, 'take', { applicationId: a.id })
    const r = await call(H, 'bulkDecide', {
      applicationIds: [a.id, b.id],
      decision: 'refuse',
      reasonCode: 'falseInformation',
      note: '与登记信息不符',
    })
    expect(r.data).toMatchObject({ done: 1, failed: 1 })
    const ex = await call(H, 'export', { view: 'done' })
    expect(ex).toMatchObject({ ok: true, data: { rows: 1, fileID: expect.any(String) } })
    const stats = await call(H, 'stats', {})
    expect(stats.data.totals).toMatchObject({ decided: 1, approved: 0, onTime: 1, onTimeRate: 1, approvalRate: 0 })
  })
})

describe('deadlines', () => {
  test('a case near its deadline reminds its reviewer once; past it, it is escalated once, on the emulator clock', async () => {
    const { id } = await aSubmitted()
    await call(H, 'take', { applicationId: id })
    await emu.setClock('2026-12-15T10:00:00+08:00')
    expect((await emu.trigger('application', 'deadlines')).data ?? (await Promise.resolve(null))).toBeDefined()
    expect(await count('service_application_events', { applicationId: id, step: 'remind' })).toBe(1)
    await emu.trigger('application', 'deadlines')
    expect(await count('service_application_events', { applicationId: id, step: 'remind' })).toBe(1)
    await emu.setClock('2026-12-17T10:00:00+08:00')
    await emu.trigger('application', 'deadlines')
    await emu.trigger('application', 'deadlines')
    expect(await count('service_application_events', { applicationId: id, step: 'escalate' })).toBe(1)
    expect(
      (await call(H, 'queue', { view: 'overdue' })).data.items.map((i: { applicationId: string }) => i.applicationId),
    ).toEqual([id])
  })
})

describe('the 政策找人 loop', () => {
  test('an approved policy application marks the match claimed and drops the outreach reason; a refused one keeps it', async () => {
    const at = new Date(Date.parse(NOW) - 3 * 86400_000)
    for (const [personId, policyId] of [
      ['p_demo_resident', POLICY],
      ['p_demo_resident', 'skill-assessment-subsidy'],
    ]) {
      await db()
        .collection('policy_matches')
        .add({
          _id: `${policyId}@1:${personId}`,
          personId,
          policyId,
          version: 1,
          title: policyId,
          status: 'eligible',
          channel: 'visit',
          openid: RES,
          cityCode: '370100',
          gridCode: '370102001-01',
          runId: 'test',
          matchedAt: at.toISOString(),
          matchedAtMs: at.getTime(),
          lapsedAt: null,
        })
      await createVisitTask(
        {
          key: `test:${policyId}:${seq++}`,
          personId,
          reason: { code: 'policyUnclaimed', text: `符合${policyId}条件但尚未申领` },
          source: { module: 'policy', refId: `${policyId}@1` },
          priority: 60,
        },
        at,
      )
    }
    const approved = await aSubmitted()
    await call(H, 'take', { applicationId: approved.id })
    await call(H, 'approve', { applicationId: approved.id })
    const refused = await aSubmitted(RES, 'policy:skill-assessment-subsidy')
    await call(H, 'take', { applicationId: refused.id })
    await call(H, 'refuse', { applicationId: refused.id, reasonCode: 'notEligible', note: '证书等级不符' })
    const matches = await emu.call(RES, 'policy', { action: 'myMatches', pageSize: 100 })
    const byPolicy = new Map(matches.data.items.map((m: { policyId: string }) => [m.policyId, m]))
    expect(byPolicy.get(POLICY)).toMatchObject({ claimed: true })
    expect(byPolicy.get('skill-assessment-subsidy')).toMatchObject({ claimed: false })
    const list = await emu.call(GRID, 'outreach', { action: 'myList', pageSize: 100 })
    const me = list.data.items.find((i: { personId: string }) => i.personId === 'p_demo_resident')
    const refIds = me.reasons
      .filter((r: { code: string }) => r.code === 'policyUnclaimed')
      .map((r: { source?: { refId: string } }) => r.source?.refId)
    expect(refIds).toContain('skill-assessment-subsidy@1')
    expect(refIds).not.toContain(`${POLICY}@1`)
  })

  test('an approved employment registration updates the register before it answers', async () => {
    const d = await call(RES, 'draft', { kind: 'employmentRegistration', requestId: rid() })
    const photo = await aPhoto(RES)
    await call(RES, 'save', {
      applicationId: d.data.applicationId,
      answers: {
        employmentType: 'employed',
        employedSince: '2026-11-10',
        jobTitle: '电工',
        employerName: '济南某公司',
      },
      attachments: { idCard: [photo], contract: [photo] },
    })
    await call(RES, 'submit', { applicationId: d.data.applicationId, requestId: rid() })
    await call(H, 'take', { applicationId: d.data.applicationId })
    expect(await call(H, 'approve', { applicationId: d.data.applicationId })).toMatchObject({
      ok: true,
      data: { status: 'approved' },
    })
    const p = (await db().collection('persons').doc('p_demo_resident').get()).data[0]
    expect(p).toMatchObject({
      employmentStatus: 'employed',
      employmentStatusSince: '2026-11-10',
      registeredUnemployed: false,
    })
    expect(p.keyGroups).not.toContain('registeredUnemployed')
  })
})

describe('on behalf of a resident', () => {
  const consent = { given: true, method: 'verbal' }
  test("a grid worker of the resident's grid starts and submits with recorded consent, audited as on-behalf", async () => {
    const d = await call(GRID, 'draft', {
      kind: KIND,
      requestId: rid(),
      onBehalf: { personId: 'p_demo_resident', consent },
    })
    expect(d).toMatchObject({ ok: true, data: { onBehalf: true } })
    const doc = (await db().collection('service_applications').doc(d.data.applicationId).get()).data[0]
    expect(doc).toMatchObject({ openid: RES, onBehalf: { by: GRID, consent: { method: 'verbal' } } })
    expect(await count('audit_logs', { event: 'application.draft.onBehalf', targetId: d.data.applicationId })).toBe(1)
    const mine = await call(RES, 'mine')
    expect(mine.data.items.map((i: { applicationId: string }) => i.applicationId)).toEqual([d.data.applicationId])
  })

  test('without consent, or for a resident of another grid, nothing is written', async () => {
    expect(
      await call(GRID, 'draft', { kind: KIND, requestId: rid(), onBehalf: { personId: 'p_demo_resident' } }),
    ).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } })
    expect(
      await call(GRID2, 'draft', { kind: KIND, requestId: rid(), onBehalf: { personId: 'p_demo_resident', consent } }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(
      await call(RES2, 'draft', { kind: KIND, requestId: rid(), onBehalf: { personId: 'p_demo_resident', consent } }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await count('service_applications')).toBe(0)
  })
})

describe("material photos over img_sec_check's limits (an old client that did not compress)", () => {
  beforeAll(async () => {
    await emu.admin('/_emulator/wechat/config', { mediaCheckDelayMs: null })
  })
  afterAll(async () => {
    await emu.admin('/_emulator/wechat/config', { mediaCheckDelayMs: 1000 })
  })
  async function aLargePhoto(openid: string, text?: string): Promise<string> {
    const res = await emu
      .sdk(openid)
      .uploadFile({ cloudPath: `applications/${openid}/${++seq}.jpg`, fileContent: phonePhoto(text) })
    return (res as { fileID: string }).fileID
  }
  const deliver = () => emu.admin<{ delivered: number }>('/_emulator/wechat/media-checks/deliver', {})
  const savedFiles = async (id: string) =>
    Object.values(
      (
        (await db().collection('service_applications').doc(id).get()).data[0] as {
          attachments: Record<string, string[]>
        }
      ).attachments,
    ).flat()

  test("given a 4 MB phone photo, when it is saved, then it waits for the asynchronous check (not refused as harmful) and is accepted once WeChat's verdict arrives", async () => {
    const { id, draft, answers } = await aFilledDraft()
    const key = (draft.missing as { key: string; type: string; required: boolean }[]).find(
      (m) => m.type === 'attachment' && m.required,
    )!.key
    const big = await aLargePhoto(RES)
    const first = await call(RES, 'save', { applicationId: id, answers, attachments: { [key]: [big] } })
    expect(first).toMatchObject({
      ok: false,
      error: { code: 'UPSTREAM_UNAVAILABLE', message: expect.stringContaining('正在进行安全检测') },
    })
    expect(await savedFiles(id)).not.toContain(big)

    expect((await deliver()).delivered).toBeGreaterThanOrEqual(1)
    expect(await call(RES, 'save', { applicationId: id, answers, attachments: { [key]: [big] } })).toMatchObject({
      ok: true,
    })
    expect(await savedFiles(id)).toContain(big)
    expect(await call(RES, 'submit', { applicationId: id, requestId: rid(), declaration: true })).toMatchObject({
      ok: true,
      data: { status: 'submitted' },
    })
  })

  test('given a large photo WeChat finds risky, when its verdict arrives, then the save is CONTENT_REJECTED and nothing is kept', async () => {
    const { id, draft, answers } = await aFilledDraft()
    const key = (draft.missing as { key: string; type: string; required: boolean }[]).find(
      (m) => m.type === 'attachment' && m.required,
    )!.key
    const bad = await aLargePhoto(RES, '违规测试')
    expect(await call(RES, 'save', { applicationId: id, answers, attachments: { [key]: [bad] } })).toMatchObject({
      ok: false,
      error: { code: 'UPSTREAM_UNAVAILABLE' },
    })
    await deliver()
    expect(await call(RES, 'save', { applicationId: id, answers, attachments: { [key]: [bad] } })).toMatchObject({
      ok: false,
      error: { code: 'CONTENT_REJECTED' },
    })
    expect(await savedFiles(id)).not.toContain(bad)
  })
})

describe('form answers: free text passes the one content check, personal values never go to WeChat', () => {
  type TextCheck = { content: string; openid: string | null }
  const textChecks = async () => (await emu.admin<{ items: TextCheck[] }>('/_emulator/wechat/text-checks')).items
  const ACCOUNT = '6222 0200 0000 0000 123'
  const sentToWechat = async (value: string, since: number) =>
    (await textChecks())
      .slice(since)
      .some((c) => c.content.replace(/\D/g, '').includes(value.replace(/\D/g, '')) || c.content.includes(value))
  const stored = async (id: string) => (await db().collection('service_applications').doc(id).get()).data[0]

  test('given a harmful free-text answer, when the draft is saved, then CONTENT_REJECTED names the question and nothing is written', async () => {
    const d = await call(RES, 'draft', { kind: KIND, requestId: rid() })
    const before = await stored(d.data.applicationId)
    const r = await call(RES, 'save', {
      applicationId: d.data.applicationId,
      answers: { courseName: '违规测试的工种', bankAccount: ACCOUNT },
    })
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'CONTENT_REJECTED', details: { fields: [{ path: 'answers.courseName' }] } },
    })
    expect(r.error.message).toContain('「培训项目（工种）」')
    expect(await stored(d.data.applicationId)).toEqual(before)
  })

  test('given a bank account and a certificate number, when the draft is saved, then they are stored and WeChat received only the free text', async () => {
    const d = await call(RES, 'draft', { kind: KIND, requestId: rid() })
    const since = (await textChecks()).length
    const r = await call(RES, 'save', {
      applicationId: d.data.applicationId,
      answers: {
        courseName: '电工（初级）',
        bankName: '中国工商银行济南历下支行',
        bankAccount: ACCOUNT,
        certificateNo: 'ZS2026001',
      },
    })
    expect(r).toMatchObject({ ok: true, data: { answers: { bankAccount: ACCOUNT, certificateNo: 'ZS2026001' } } })
    const sent = (await textChecks()).slice(since)
    expect(sent.map((c) => c.content).join('\n')).toContain('电工（初级）')
    expect(sent.every((c) => c.openid === RES)).toBe(true)
    expect(await sentToWechat(ACCOUNT, since)).toBe(false)
    expect(await sentToWechat('ZS2026001', since)).toBe(false)
    // saved again unchanged (the form sends every answer each time): nothing is asked twice
    const after = (await textChecks()).length
    expect(await call(RES, 'save', { applicationId: d.data.applicationId, answers: r.data.answers })).toMatchObject({
      ok: true,
    })
    expect((await textChecks()).length).toBe(after)
  })

  test('given prose typed into the bank account, when it is saved, then VALIDATION_FAILED (its shape), nothing written and nothing sent', async () => {
    const d = await call(RES, 'draft', { kind: KIND, requestId: rid() })
    const before = await stored(d.data.applicationId)
    const since = (await textChecks()).length
    const r = await call(RES, 'save', {
      applicationId: d.data.applicationId,
      answers: { bankAccount: '违规测试 请联系我' },
    })
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', details: { fields: [{ path: 'answers.bankAccount' }] } },
    })
    expect(r.error.message).toContain('银行账号')
    expect(await stored(d.data.applicationId)).toEqual(before)
    expect(await sentToWechat('违规测试 请联系我', since)).toBe(false)
  })

  test('given a draft holding a harmful answer saved before the rule, when it is submitted, then CONTENT_REJECTED and no receipt; corrected, the same requestId submits', async () => {
    const { id } = await aFilledDraft()
    await db().collection('service_applications').doc(id).update({ 'answers.courseName': '违规测试 旧草稿' })
    const before = await stored(id)
    const req = rid()
    const r = await call(RES, 'submit', { applicationId: id, requestId: req, declaration: true })
    expect(r).toMatchObject({ ok: false, error: { code: 'CONTENT_REJECTED' } })
    expect(r.error.message).toContain('「培训项目（工种）」')
    expect(await stored(id)).toEqual(before)
    expect(await count('service_application_events', { applicationId: id })).toBe(0)
    expect(await call(RES, 'save', { applicationId: id, answers: { courseName: '电工（初级）' } })).toMatchObject({
      ok: true,
    })
    expect(await call(RES, 'submit', { applicationId: id, requestId: req, declaration: true })).toMatchObject({
      ok: true,
      data: { status: 'submitted' },
    })
  })

  test('given a correction asked for a free-text answer, when the resident answers it with harmful text, then CONTENT_REJECTED and the case still waits for the correction', async () => {
    const { id } = await aSubmitted()
    await call(H, 'take', { applicationId: id })
    await call(H, 'requestCorrection', { applicationId: id, items: ['courseName'], note: '请写明培训的工种' })
    const events = await count('service_application_events', { applicationId: id })
    const r = await call(RES, 'respond', { applicationId: id, answers: { courseName: '违规测试' }, note: '已改' })
    expect(r).toMatchObject({ ok: false, error: { code: 'CONTENT_REJECTED' } })
    expect(r.error.message).toContain('「培训项目（工种）」')
    expect((await stored(id)).status).toBe('correctionRequested')
    expect((await stored(id)).answers.courseName).toBe('测试填写')
    expect(await count('service_application_events', { applicationId: id })).toBe(events)
  })

  test('staff read free-text answers with the phone and ID numbers in them masked, and the account as given', async () => {
    const { id } = await aFilledDraft()
    await call(RES, 'save', { applicationId: id, answers: { courseName: '电工 联系 139 1234 5678' } })
    await call(RES, 'submit', { applicationId: id, requestId: rid(), declaration: true })
    const g = await call(H, 'get', { applicationId: id })
    expect(g).toMatchObject({ ok: true, data: { viewer: 'staff' } })
    expect(g.data.answers.courseName).toBe('电工 联系 139****5678')
    expect(g.data.answers.bankAccount).toBe('6222020000000000000')
    expect(findUnmaskedPii(g.data)).toEqual([])
  })
})
