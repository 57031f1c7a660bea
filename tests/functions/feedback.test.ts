/**
 * Feedback (投诉/反馈) through the real SDK and the local emulator: submit → accept → reply → rate, the
 * timeline, permissions, anonymity, content checks (pass / reject / unavailable → held → re-checked),
 * idempotency, the rate limit, reopen, transfer, extension and validation.
 */
import { startEmulator, type TestEmulator } from '../helpers/emulator'

let emu: TestEmulator
const RESIDENT = 'o_demo_resident'
const RESIDENT2 = 'o_demo_resident2'
const HANDLER = 'o_demo_handler' // dept_370102 (历下区)
const HANDLER2 = 'o_demo_handler2' // dept_370202
const ADMIN = 'o_demo_admin'
// A Monday of plain working days (no holiday within three weeks).
const MONDAY = '2026-03-09T10:00:00+08:00'

let seq = 0
const rid = () => `fb-${process.pid}-${++seq}-${Date.now().toString(36)}`
const aSubmission = (over: Record<string, unknown> = {}) => ({
  action: 'submit',
  category: 'complaint',
  content: '历下区就业服务大厅窗口排队时间过长，希望增加周末办理时段。',
  regionCode: '370102',
  serviceName: '失业登记',
  requestId: rid(),
  ...over,
})

async function submitted(openid = RESIDENT, over: Record<string, unknown> = {}): Promise<string> {
  const r = await emu.call(openid, 'feedback', aSubmission(over))
  expect(r).toMatchObject({ ok: true })
  return r.data.trackingNo
}
const call = (openid: string | null, action: string, data: Record<string, unknown> = {}) =>
  emu.call(openid, 'feedback', { action, ...data })
const clearFaults = () => fetch(`${emu.url}/_emulator/faults`, { method: 'DELETE' })
const db = () => emu.sdk().database()
const feedbackOf = async (openid: string) =>
  (await db().collection('feedback').where({ openid }).limit(1000).get()).data as Record<string, unknown>[]

beforeAll(async () => {
  emu = await startEmulator({ now: MONDAY })
}, 120_000)
afterAll(async () => {
  await emu?.stop()
})

describe('the loop: submit, accept, reply, rate', () => {
  test('given a complaint from 历下区, it is routed to 历下区, due in 13 working days, and the resident sees the timeline to the end', async () => {
    const sub = await call(RESIDENT, 'submit', aSubmission())
    expect(sub).toMatchObject({
      ok: true,
      data: { status: 'submitted', departmentName: expect.stringContaining('历下') },
    })
    const { trackingNo, dueAt, acceptDueAt } = sub.data
    expect(trackingNo).toMatch(/^F260309[0-9A-Z]{6}$/)
    expect(acceptDueAt).toBe('2026-03-10T23:59:59.999+08:00')
    expect(dueAt).toBe('2026-03-26T23:59:59.999+08:00') // 13 working days after Monday 03-09

    const inbox = await call(HANDLER, 'inbox')
    expect(inbox.data.items.map((i: { trackingNo: string }) => i.trackingNo)).toContain(trackingNo)

    expect(await call(HANDLER, 'accept', { trackingNo })).toMatchObject({ ok: true, data: { status: 'accepted' } })
    expect(
      await call(HANDLER, 'reply', { trackingNo, content: '已增加周六上午办理时段，感谢您的建议。' }),
    ).toMatchObject({ ok: true, data: { status: 'replied', onTime: true } })
    const rated = await call(RESIDENT, 'rate', { trackingNo, score: 5, comment: '很及时' })
    expect(rated).toMatchObject({ ok: true, data: { status: 'closed', rating: { score: 5 } } })

    const got = await call(RESIDENT, 'get', { trackingNo })
    expect(got.ok).toBe(true)
    expect(got.data).toMatchObject({
      status: 'closed',
      overdue: false,
      escalatedAt: null,
      reply: { content: '已增加周六上午办理时段，感谢您的建议。' },
    })
    expect(got.data.timeline.map((s: { type: string }) => s.type)).toEqual(['submit', 'accept', 'reply', 'rate'])
    const byAccept = got.data.timeline[1].by
    expect(byAccept).toContain('历下')
    const json = JSON.stringify(got.data.timeline)
    expect(json).not.toContain(HANDLER)
    expect(json).not.toContain('经办人') // the handler's nickname: never a personal name

    const mine = await call(RESIDENT, 'mine')
    expect(mine).toMatchObject({ ok: true, data: { nextCursor: null } })
    expect(mine.data.items.find((i: { trackingNo: string }) => i.trackingNo === trackingNo)).toMatchObject({
      status: 'closed',
      rated: true,
    })
  })

  test('the resident is notified at acceptance and reply (template feedbackUpdate), once each', async () => {
    const trackingNo = await submitted()
    await call(HANDLER, 'accept', { trackingNo })
    await call(HANDLER, 'reply', { trackingNo, templateId: 'received' })
    const out = (
      await db().collection('outbox').where({ openid: RESIDENT, template: 'feedbackUpdate' }).limit(1000).get()
    ).data as { title: string; data: { trackingNo: string } }[]
    const mineOut = out.filter((o) => o.data.trackingNo === trackingNo)
    expect(mineOut.map((o) => o.title).sort()).toEqual(['您的反馈已受理', '您的反馈已答复'])
  })
})

describe('who may see and do what', () => {
  test('another resident gets NOT_FOUND; a handler of another department FORBIDDEN; an admin sees it', async () => {
    const trackingNo = await submitted()
    expect(await call(RESIDENT2, 'get', { trackingNo })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await call(HANDLER2, 'get', { trackingNo })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await call(HANDLER2, 'accept', { trackingNo })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await call(ADMIN, 'get', { trackingNo })).toMatchObject({
      ok: true,
      data: { trackingNo, status: 'submitted' },
    })
    const inbox2 = await call(HANDLER2, 'inbox')
    expect(inbox2.data.items.map((i: { trackingNo: string }) => i.trackingNo)).not.toContain(trackingNo)
  })

  test('a resident cannot use the staff actions, and an anonymous caller cannot submit (role check before input)', async () => {
    expect(await call(RESIDENT, 'inbox')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await call(RESIDENT, 'accept', { trackingNo: 'nonsense' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    expect(await call(null, 'submit', aSubmission())).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
    expect(await call(HANDLER, 'extend', { trackingNo: 'F260309AAAAAA', decision: 'approve' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
  })

  test('steps out of order are refused with CONFLICT and change nothing', async () => {
    const trackingNo = await submitted()
    expect(await call(HANDLER, 'reply', { trackingNo, content: '答复' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    })
    expect(await call(RESIDENT, 'rate', { trackingNo, score: 3 })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    })
    expect(await call(HANDLER, 'resolve', { trackingNo })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    await call(HANDLER, 'accept', { trackingNo })
    expect(await call(HANDLER, 'accept', { trackingNo })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('已受理') },
    })
    expect(await call(RESIDENT, 'reopen', { trackingNo })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    const got = await call(RESIDENT, 'get', { trackingNo })
    expect(got.data.status).toBe('accepted')
    expect(got.data.timeline).toHaveLength(2)
  })

  test('every staff step is in the audit log', async () => {
    const trackingNo = await submitted()
    await call(HANDLER, 'accept', { trackingNo })
    await call(HANDLER, 'reply', { trackingNo, content: '已处理' })
    await call(HANDLER, 'resolve', { trackingNo })
    const logs = (
      await db().collection('audit_logs').where({ actor: HANDLER, targetType: 'feedback' }).limit(1000).get()
    ).data as { event: string; detail: { trackingNo: string } }[]
    expect(
      logs
        .filter((l) => l.detail?.trackingNo === trackingNo)
        .map((l) => l.event)
        .sort(),
    ).toEqual(['feedback.accept', 'feedback.reply', 'feedback.resolve'])
  })
})

describe('anonymity and contact', () => {
  test('given an anonymous complaint, staff never see the openid or the name of the submitter', async () => {
    const person = (await db().collection('persons').doc('p_demo_resident').get()).data[0] as { name: string }
    const trackingNo = await submitted(RESIDENT, { anonymous: true, contactConsent: true, contactPhone: '13812345678' })
    const answers = [
      await call(HANDLER, 'inbox'),
      await call(HANDLER, 'get', { trackingNo }),
      await call(HANDLER, 'accept', { trackingNo }),
      await call(HANDLER, 'get', { trackingNo }),
      await call(ADMIN, 'get', { trackingNo }),
      await call(ADMIN, 'inbox'),
    ]
    for (const a of answers) {
      expect(a.ok).toBe(true)
      const json = JSON.stringify(a)
      expect(json).not.toContain(RESIDENT)
      expect(json).not.toContain(person.name)
      expect(json).not.toContain(Array.from(person.name)[0] + '*')
      expect(json).not.toContain('5678')
    }
    expect(answers[1].data.submitter).toEqual({ anonymous: true, name: null, contactConsent: false, phone: null })
    expect(await call(HANDLER, 'revealContact', { trackingNo })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    // the resident still sees their own item
    expect(await call(RESIDENT, 'get', { trackingNo })).toMatchObject({ ok: true, data: { anonymous: true } })
  })

  test('a named submitter who consented: staff see a masked name and phone; the reveal is unmasked and audited', async () => {
    const trackingNo = await submitted(RESIDENT, { contactConsent: true, contactPhone: '13812345678' })
    const got = await call(HANDLER, 'get', { trackingNo })
    expect(got.data.submitter).toEqual({ anonymous: false, name: '李*明', contactConsent: true, phone: '138****5678' })
    expect(JSON.stringify(got)).not.toContain(RESIDENT)
    const shown = await call(HANDLER, 'revealContact', { trackingNo })
    expect(shown).toMatchObject({ ok: true, data: { name: '李晓明', phone: '13812345678' } })
    const logs = (
      await db()
        .collection('audit_logs')
        .where({ event: 'feedback.revealContact', actor: HANDLER, outcome: 'ok' })
        .limit(100)
        .get()
    ).data as { detail: { trackingNo: string } }[]
    expect(logs.some((l) => l.detail.trackingNo === trackingNo)).toBe(true)
    expect(await call(HANDLER2, 'revealContact', { trackingNo })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
  })

  test('without consent there is nothing to reveal', async () => {
    const trackingNo = await submitted(RESIDENT, { contactPhone: '13812345678' })
    expect(await call(HANDLER, 'revealContact', { trackingNo })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: '提交人未同意被联系' },
    })
  })
})

describe('content checks', () => {
  test('risky text is refused with a clear message and nothing is stored', async () => {
    const who = 'o_fb_risky'
    const r = await call(who, 'submit', aSubmission({ content: '这是一段违规测试文字' }))
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'CONTENT_REJECTED', message: expect.stringContaining('修改后重新提交') },
    })
    expect(await feedbackOf(who)).toHaveLength(0)
  })

  test('when the check is unavailable the item is held, never shown to staff, and published when the timer re-checks it', async () => {
    const who = 'o_fb_held'
    await call(who, 'mine') // the user exists
    await emu.admin('/_emulator/faults', { service: 'wechat', mode: 'fail', count: 30 })
    const r = await call(
      who,
      'submit',
      aSubmission({ content: '窗口工作人员态度很好，值得表扬。', category: 'praise' }),
    )
    await clearFaults()
    expect(r).toMatchObject({ ok: true, data: { status: 'pendingReview' } })
    const { trackingNo } = r.data
    expect(await call(HANDLER, 'get', { trackingNo })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await call(HANDLER, 'accept', { trackingNo })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    const all = await call(ADMIN, 'inbox', { view: 'all', pageSize: 100 })
    expect(all.data.items.map((i: { trackingNo: string }) => i.trackingNo)).not.toContain(trackingNo)
    expect(await call(who, 'get', { trackingNo })).toMatchObject({ ok: true, data: { status: 'pendingReview' } })

    await emu.advance(6 * 60_000)
    const rc = await emu.trigger('feedback', 'recheck')
    expect(JSON.stringify(rc)).toContain('"passed":1')
    expect(await call(HANDLER, 'get', { trackingNo })).toMatchObject({ ok: true, data: { status: 'submitted' } })
    await emu.setClock(MONDAY)
  })

  test('a held item whose re-check finds it risky is rejected, never published, and the resident is told', async () => {
    const who = 'o_fb_held_risky'
    await call(who, 'mine')
    await emu.admin('/_emulator/faults', { service: 'wechat', mode: 'fail', count: 30 })
    const r = await call(who, 'submit', aSubmission({ content: '含有违规测试的内容' }))
    await clearFaults()
    expect(r).toMatchObject({ ok: true, data: { status: 'pendingReview' } })
    await emu.advance(6 * 60_000)
    await emu.trigger('feedback', 'recheck')
    expect(await call(who, 'get', { trackingNo: r.data.trackingNo })).toMatchObject({
      ok: true,
      data: { status: 'rejected' },
    })
    expect(await call(ADMIN, 'get', { trackingNo: r.data.trackingNo })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
    const msgs = (await db().collection('messages').where({ openid: who }).get()).data as { title: string }[]
    expect(msgs.map((m) => m.title)).toContain('您的反馈未通过审核')
    await emu.setClock(MONDAY)
  })
})

describe('idempotency, rate limit and validation', () => {
  test('the same requestId twice gives the same answer and one item', async () => {
    const who = 'o_fb_twice'
    const requestId = rid()
    const a = await call(who, 'submit', aSubmission({ requestId }))
    const b = await call(who, 'submit', aSubmission({ requestId }))
    expect(b).toEqual(a)
    expect(await feedbackOf(who)).toHaveLength(1)
  })

  test('the 21st submission within an hour is RATE_LIMITED', async () => {
    const who = 'o_fb_many'
    for (let i = 0; i < 20; i++) expect((await call(who, 'submit', aSubmission())).ok).toBe(true)
    expect(await call(who, 'submit', aSubmission())).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } })
    expect(await feedbackOf(who)).toHaveLength(20)
  })

  test.each([
    ['an unknown category', { category: 'rumour' }],
    ['text over 2,500 characters', { content: '长'.repeat(2501) }],
    ['seven photos', { images: Array.from({ length: 7 }, (_v, i) => `cloud://local.b/feedback/${i}.jpg`) }],
    ['a photo that is not a cloud file', { images: ['http://example.com/a.jpg'] }],
    ['a bad region code', { regionCode: '3701' }],
    ['content of the wrong type', { content: { $gt: '' } }],
    ['no requestId', { requestId: undefined }],
  ])('%s → VALIDATION_FAILED, nothing written', async (_name, over) => {
    const who = `o_fb_bad_${seq++}`
    const r = await call(who, 'submit', aSubmission(over))
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } })
    expect(await feedbackOf(who)).toHaveLength(0)
  })

  test('a photo id that storage does not hold is VALIDATION_FAILED', async () => {
    const r = await call(
      'o_fb_nofile',
      'submit',
      aSubmission({ images: ['cloud://local.local-1300000000/feedback/none.jpg'] }),
    )
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } })
  })

  test('bad scores, tracking numbers and page sizes are VALIDATION_FAILED', async () => {
    expect(await call(RESIDENT, 'rate', { trackingNo: 'F260309AAAAAA', score: 6 })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    })
    expect(await call(RESIDENT, 'get', { trackingNo: '../x' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    })
    expect(await call(RESIDENT, 'mine', { pageSize: 101 })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    })
    expect(await call(HANDLER, 'inbox', { cursor: 'garbage' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    })
  })
})

describe('routing', () => {
  test('without a region, a bound resident’s item goes to the department of their residence district', async () => {
    const r = await call(RESIDENT, 'submit', aSubmission({ regionCode: undefined }))
    expect(r).toMatchObject({ ok: true, data: { departmentName: expect.stringContaining('历下') } })
  })
  test('an unbound resident without a region is unrouted: only admins see it, and they can assign it', async () => {
    const r = await call('o_fb_unbound', 'submit', aSubmission({ regionCode: undefined }))
    expect(r).toMatchObject({ ok: true, data: { departmentName: null } })
    const { trackingNo } = r.data
    expect(await call(HANDLER, 'get', { trackingNo })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await call(ADMIN, 'assign', { trackingNo, departmentId: 'dept_370102' })).toMatchObject({
      ok: true,
      data: { status: 'assigned' },
    })
    expect(await call(HANDLER, 'accept', { trackingNo })).toMatchObject({ ok: true, data: { status: 'accepted' } })
  })
})

test('a tracking number that was never issued is NOT_FOUND, in any case of letters', async () => {
  expect(await call(RESIDENT, 'get', { trackingNo: 'F000000AAAAAA' })).toMatchObject({
    ok: false,
    error: { code: 'NOT_FOUND', message: '未找到该反馈，请核对受理编号' },
  })
  expect(await call(HANDLER, 'accept', { trackingNo: 'nope' })).toMatchObject({
    ok: false,
    error: { code: 'NOT_FOUND' },
  })
  const trackingNo = await submitted()
  expect(await call(RESIDENT, 'get', { trackingNo: trackingNo.toLowerCase() })).toMatchObject({
    ok: true,
    data: { trackingNo },
  })
})
