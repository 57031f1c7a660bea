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
const call = (openid: string | null, action: string, data: Record<string, unknown> = {}) => emu.call(openid, 'feedback', { action, ...data })
const clearFaults = () => fetch(`${emu.url}/_emulator/faults`, { method: 'DELETE' })
const db = () => emu.sdk().database()
const feedbackOf = async (openid: string) => (await db().collection('feedback').where({ openid }).limit(1000).get()).data as Record<string, unknown>[]

beforeAll(async () => {
  emu = await startEmulator()
  await emu.setClock(MONDAY)
}, 120_000)
afterAll(async () => {
  await emu?.stop()
})

describe('the loop: submit, accept, reply, rate', () => {
  test('given a complaint from 历下区, it is routed to 历下区, due in 13 working days, and the resident sees the timeline to the end', async () => {
    const sub = await call(RESIDENT, 'submit', aSubmission())
    expect(sub).toMatchObject({ ok: true, data: { status: 'submitted', departmentName: expect.stringContaining('历下') } })
    const { trackingNo, dueAt, acceptDueAt } = sub.data
    expect(trackingNo).toMatch(/^F260309[0-9A-Z]{6}$/)
    expect(acceptDueAt).toBe('2026-03-10T23:59:59.999+08:00')
    expect(dueAt).toBe('2026-03-26T23:59:59.999+08:00') // 13 working days after Monday 03-09

    const inbox = await call(HANDLER, 'inbox')
    expect(inbox.data.items.map((i: { trackingNo: string }) => i.trackingNo)).toContain(trackingNo)

    expect(await call(HANDLER, 'accept', { trackingNo })).toMatchObject({ ok: true, data: { status: 'accepted' } })
    expect(await call(HANDLER, 'reply', { trackingNo, content: '已增加周六上午办理时段，感谢您的建议。' })).toMatchObject({ ok: true, data: { status: 'replied', onTime: true } })
    const rated = await call(RESIDENT, 'rate', { trackingNo, score: 5, comment: '很及时' })
    expect(rated).toMatchObject({ ok: true, data: { status: 'closed', rating: { score: 5 } } })

    const got = await call(RESIDENT, 'get', { trackingNo })
    expect(got.ok).toBe(true)
    expect(got.data).toMatchObject({ status: 'closed', overdue: false, escalatedAt: null, reply: { content: '已增加周六上午办理时段，感谢您的建议。' } })
    expect(got.data.timeline.map((s: { type: string }) => s.type)).toEqual(['submit', 'accept', 'reply', 'rate'])
    const byAccept = got.data.timeline[1].by
    expect(byAccept).toContain('历下')
    const json = JSON.stringify(got.data.timeline)
    expect(json).not.toContain(HANDLER)
    expect(json).not.toContain('经办人') // the handler's nickname: never a personal name

    const mine = await call(RESIDENT, 'mine')
    expect(mine).toMatchObject({ ok: true, data: { nextCursor: null } })
    expect(mine.data.items.find((i: { trackingNo: string }) => i.trackingNo === trackingNo)).toMatchObject({ status: 'closed', rated: true })
  })

  test('the resident is notified at acceptance and reply (template feedbackUpdate), once each', async () => {
    const trackingNo = await submitted()
    await call(HANDLER, 'accept', { trackingNo })
    await call(HANDLER, 'reply', { trackingNo, templateId: 'received' })
    const out = (await db().collection('outbox').where({ openid: RESIDENT, template: 'feedbackUpdate' }).limit(1000).get()).data as { title: string; data: { trackingNo: string } }[]
    const mineOut = out.filter((o) => o.data.trackingNo === trackingNo)
    expect(mineOut.map((o) => o.title).sort()).toEqual(['您的反馈已受理', '您的反馈已答复'])
  })
})
