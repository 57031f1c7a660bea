/**
 * Deadlines with the emulator's clock: overdue and 督办 exactly once, extension (request before the deadline,
 * admin approval), the reopen window, transfer to another department, and photos through storage and the
 * image check.
 */
import { startEmulator, type TestEmulator } from '../helpers/emulator'
import { cameraJpeg, phonePhoto } from '../helpers/jpeg'

let emu: TestEmulator
const RESIDENT = 'o_demo_resident'
const HANDLER = 'o_demo_handler'
const HANDLER2 = 'o_demo_handler2'
const ADMIN = 'o_demo_admin'
// Thursday before Labour Day 2026 (05-01..05-05 off, 05-09 an adjusted working Saturday).
const THURSDAY = '2026-04-30T09:00:00+08:00'

let seq = 0
const rid = () => `fbd-${process.pid}-${++seq}-${Date.now().toString(36)}`
const call = (openid: string | null, action: string, data: Record<string, unknown> = {}) =>
  emu.call(openid, 'feedback', { action, ...data })
const aSubmission = (over: Record<string, unknown> = {}) => ({
  category: 'consultation',
  content: '请问灵活就业人员社保补贴怎么申请？需要带哪些材料？',
  regionCode: '370102',
  requestId: rid(),
  ...over,
})
async function submitted(over: Record<string, unknown> = {}, openid = RESIDENT) {
  const r = await call(openid, 'submit', aSubmission(over))
  expect(r).toMatchObject({ ok: true })
  return r.data as { trackingNo: string; dueAt: string }
}
const db = () => emu.sdk().database()

beforeAll(async () => {
  emu = await startEmulator({ now: THURSDAY })
}, 120_000)
afterAll(async () => {
  await emu?.stop()
})
beforeEach(async () => {
  await emu.setClock(THURSDAY)
})

describe('督办: overdue items are escalated exactly once', () => {
  test('given a consultation due in 3 working days across Labour Day, when the clock passes the due date and the timer fires twice, it is escalated once', async () => {
    const { trackingNo, dueAt } = await submitted()
    // 05-01..05-05 off; 05-06 W, 05-07 Th, 05-08 F
    expect(dueAt).toBe('2026-05-08T23:59:59.999+08:00')
    await call(HANDLER, 'accept', { trackingNo })

    await emu.setClock('2026-05-08T23:00:00+08:00')
    await emu.trigger('feedback', 'escalate')
    expect(await call(RESIDENT, 'get', { trackingNo })).toMatchObject({
      ok: true,
      data: { overdue: false, escalatedAt: null },
    })

    await emu.setClock('2026-05-09T08:00:00+08:00')
    const first = await emu.trigger('feedback', 'escalate')
    const second = await emu.trigger('feedback', 'escalate')
    expect(JSON.stringify(first)).toMatch(/"escalated":[1-9]/)
    expect(JSON.stringify(second)).toContain('"escalated":0')

    const got = await call(RESIDENT, 'get', { trackingNo })
    expect(got.data).toMatchObject({ overdue: true, escalatedAt: expect.stringMatching(/^2026-05-09T08:00/) })
    expect(got.data.timeline.filter((s: { type: string }) => s.type === 'escalate')).toHaveLength(1)

    const inbox = await call(HANDLER, 'inbox', { overdue: true })
    expect(inbox.data.items[0]).toMatchObject({ overdue: true })
    expect(inbox.data.items.map((i: { trackingNo: string }) => i.trackingNo)).toContain(trackingNo)

    const out = (await db().collection('outbox').where({ title: '反馈超期督办' }).limit(1000).get()).data as {
      openid: string
      body: string
    }[]
    const mine = out.filter((o) => o.body.includes(trackingNo))
    expect(mine.map((o) => o.openid)).toEqual(expect.arrayContaining([ADMIN, HANDLER]))
    expect(new Set(mine.map((o) => o.openid)).size).toBe(mine.length)
  })

  test('an item answered in time is never escalated', async () => {
    const { trackingNo } = await submitted()
    await call(HANDLER, 'accept', { trackingNo })
    await call(HANDLER, 'reply', { trackingNo, templateId: 'policyExplain' })
    await emu.setClock('2026-05-20T10:00:00+08:00')
    await emu.trigger('feedback', 'escalate')
    expect(await call(RESIDENT, 'get', { trackingNo })).toMatchObject({
      ok: true,
      data: { status: 'replied', overdue: false, escalatedAt: null },
    })
  })

  test('overdue items come first in the inbox', async () => {
    const late = await submitted()
    await emu.setClock('2026-05-11T09:00:00+08:00')
    const fresh = await submitted()
    const inbox = await call(HANDLER, 'inbox', { pageSize: 100 })
    const order = inbox.data.items.map((i: { trackingNo: string }) => i.trackingNo)
    expect(order.indexOf(late.trackingNo)).toBeLessThan(order.indexOf(fresh.trackingNo))
    const firstFresh = inbox.data.items.findIndex((i: { overdue: boolean }) => !i.overdue)
    const lastOverdue = inbox.data.items.map((i: { overdue: boolean }) => i.overdue).lastIndexOf(true)
    expect(lastOverdue).toBeLessThan(firstFresh === -1 ? Infinity : firstFresh)
  })
})

describe('extension (延期)', () => {
  test('a handler asks before the deadline with a reason; an admin approves; the deadline moves by working days', async () => {
    const { trackingNo } = await submitted()
    await call(HANDLER, 'accept', { trackingNo })
    expect(await call(HANDLER, 'extend', { trackingNo, workingDays: 2 })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    })
    expect(
      await call(HANDLER, 'extend', { trackingNo, workingDays: 2, reason: '需要与社保经办机构核实' }),
    ).toMatchObject({ ok: true, data: { extensionStatus: 'requested', dueAt: '2026-05-08T23:59:59.999+08:00' } })
    expect(await call(HANDLER, 'extend', { trackingNo, workingDays: 2, reason: '再次申请' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    })
    // 05-08 + 2 working days: 05-09 (adjusted Saturday), 05-11
    expect(await call(ADMIN, 'extend', { trackingNo, decision: 'approve' })).toMatchObject({
      ok: true,
      data: { extensionStatus: 'approved', dueAt: '2026-05-11T23:59:59.999+08:00' },
    })
    const residentView = await call(RESIDENT, 'get', { trackingNo })
    expect(residentView.data.dueAt).toBe('2026-05-11T23:59:59.999+08:00')
    expect(residentView.data.timeline.map((s: { type: string }) => s.type)).toEqual([
      'submit',
      'accept',
      'extendApprove',
    ])
    const staffView = await call(HANDLER, 'get', { trackingNo })
    expect(staffView.data.timeline.map((s: { type: string }) => s.type)).toEqual([
      'submit',
      'accept',
      'extendRequest',
      'extendApprove',
    ])
  })

  test('after the deadline no extension can be asked', async () => {
    const { trackingNo } = await submitted()
    await emu.setClock('2026-05-09T09:00:00+08:00')
    expect(await call(HANDLER, 'extend', { trackingNo, workingDays: 2, reason: '来不及' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('已超过答复期限') },
    })
  })
})

describe('reopen within the window', () => {
  async function replied() {
    const { trackingNo } = await submitted()
    await call(HANDLER, 'accept', { trackingNo })
    await call(HANDLER, 'reply', { trackingNo, content: '请携带身份证到窗口办理。' })
    return trackingNo
  }
  test('an unsatisfied resident reopens within 7 days; the item gets new deadlines and goes back to the department', async () => {
    const trackingNo = await replied()
    await call(RESIDENT, 'rate', { trackingNo, score: 1, comment: '没有解决问题' })
    await emu.setClock('2026-05-06T10:00:00+08:00')
    const r = await call(RESIDENT, 'reopen', { trackingNo, reason: '窗口说不能办理' })
    expect(r).toMatchObject({ ok: true, data: { status: 'reopened', dueAt: '2026-05-09T23:59:59.999+08:00' } }) // 05-07, 05-08, 05-09 (调休)
    expect(await call(HANDLER, 'accept', { trackingNo })).toMatchObject({ ok: true, data: { status: 'accepted' } })
  })
  test('after 7 days it is too late', async () => {
    const trackingNo = await replied()
    await emu.setClock('2026-05-08T10:00:00+08:00')
    expect(await call(RESIDENT, 'reopen', { trackingNo })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('7天内') },
    })
  })
})

describe('transfer (转办)', () => {
  test('a handler transfers to another department: it leaves their inbox and the other department accepts', async () => {
    const { trackingNo } = await submitted()
    expect(
      await call(HANDLER, 'assign', { trackingNo, departmentId: 'dept_370202', note: '属地在市南区' }),
    ).toMatchObject({ ok: true, data: { status: 'assigned', departmentId: 'dept_370202' } })
    expect(await call(HANDLER, 'get', { trackingNo })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    const inbox2 = await call(HANDLER2, 'inbox')
    expect(inbox2.data.items.map((i: { trackingNo: string }) => i.trackingNo)).toContain(trackingNo)
    expect(await call(HANDLER2, 'accept', { trackingNo })).toMatchObject({ ok: true, data: { status: 'accepted' } })
    const got = await call(RESIDENT, 'get', { trackingNo })
    expect(got.data.timeline[1]).toMatchObject({ type: 'assign', note: expect.stringContaining('转至') })
    expect(await call(HANDLER2, 'assign', { trackingNo, departmentId: 'dept_nowhere' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
  })
})

describe('photos', () => {
  const JPEG = (extra: string) =>
    Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from(extra, 'utf8'), Buffer.from([0xff, 0xd9])])
  async function upload(openid: string, name: string, bytes: Buffer): Promise<string> {
    const r = await emu.sdk(openid).uploadFile({ cloudPath: `feedback/${openid}/${name}`, fileContent: bytes })
    return (r as { fileID: string }).fileID
  }
  test('a clean photo is accepted and shown to the handler', async () => {
    const fileID = await upload(RESIDENT, `ok-${seq++}.jpg`, JPEG('window queue'))
    const { trackingNo } = await submitted({ images: [fileID], category: 'complaint' })
    expect(await call(HANDLER, 'get', { trackingNo })).toMatchObject({ ok: true, data: { images: [fileID] } })
  })
  test('a photo that fails the image check is CONTENT_REJECTED and nothing is stored', async () => {
    const who = 'o_fbd_badphoto'
    const fileID = await upload(who, `bad-${seq++}.jpg`, JPEG('违规测试'))
    const r = await call(who, 'submit', aSubmission({ images: [fileID] }))
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'CONTENT_REJECTED', message: expect.stringContaining('图片') },
    })
    expect((await db().collection('feedback').where({ openid: who }).get()).data).toHaveLength(0)
  })

  describe("a photo over img_sec_check's limits (1 MB, 750 × 1334 px): the asynchronous check", () => {
    // WeChat's push comes when the test delivers it (in production: within 30 minutes)
    beforeAll(async () => {
      await emu.admin('/_emulator/wechat/config', { mediaCheckDelayMs: null })
    })
    afterAll(async () => {
      await emu.admin('/_emulator/wechat/config', { mediaCheckDelayMs: 1000 })
    })
    const deliver = () => emu.admin<{ delivered: number }>('/_emulator/wechat/media-checks/deliver', {})

    test("given a normal 4 MB phone photo from an old client, when the resident submits, then it is held (not refused as harmful) and shown to the handler once WeChat's verdict arrives", async () => {
      const fileID = await upload(RESIDENT, `phone-${seq++}.jpg`, phonePhoto())
      const r = await call(RESIDENT, 'submit', aSubmission({ images: [fileID], category: 'complaint' }))
      expect(r).toMatchObject({ ok: true, data: { status: 'pendingReview' } })
      const { trackingNo } = r.data
      expect(await call(HANDLER, 'get', { trackingNo })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
      // WeChat was asked asynchronously with a URL it can download, not sent the 4 MB inline
      const checks = (
        await emu.admin<{ items: { media_url: string; media_type: number }[] }>('/_emulator/wechat/media-checks')
      ).items
      expect(checks.at(-1)).toMatchObject({
        media_type: 2,
        media_url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\//),
      })
      // the timer before the verdict keeps it held
      await emu.trigger('feedback', 'recheck')
      expect(await call(HANDLER, 'get', { trackingNo })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })

      expect((await deliver()).delivered).toBeGreaterThanOrEqual(1)
      await emu.trigger('feedback', 'recheck')
      expect(await call(HANDLER, 'get', { trackingNo })).toMatchObject({
        ok: true,
        data: { status: 'submitted', images: [fileID] },
      })
    })

    test('given a large photo WeChat finds risky, when its verdict arrives, then the item is rejected and never shown', async () => {
      const who = 'o_fbd_bigbad'
      await call(who, 'mine')
      const fileID = await upload(who, `big-bad-${seq++}.jpg`, cameraJpeg(1080, 1920, 600_000, '违规测试'))
      const r = await call(who, 'submit', aSubmission({ images: [fileID] }))
      expect(r).toMatchObject({ ok: true, data: { status: 'pendingReview' } })
      await deliver()
      await emu.trigger('feedback', 'recheck')
      expect(await call(who, 'get', { trackingNo: r.data.trackingNo })).toMatchObject({
        ok: true,
        data: { status: 'rejected' },
      })
      expect(await call(ADMIN, 'get', { trackingNo: r.data.trackingNo })).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' },
      })
    })

    test('a forged wxa_media_check push (a trace_id WeChat never gave us) records nothing and publishes nothing', async () => {
      const who = 'o_fbd_forger'
      await call(who, 'mine')
      const fileID = await upload(who, `forged-${seq++}.jpg`, cameraJpeg(1080, 1920, 600_000, '违规测试'))
      const r = await call(who, 'submit', aSubmission({ images: [fileID] }))
      expect(r).toMatchObject({ ok: true, data: { status: 'pendingReview' } })
      const before = (await db().collection('media_checks').where({ fileId: fileID }).get()).data
      const forged = {
        MsgType: 'event',
        Event: 'wxa_media_check',
        version: 2,
        errcode: 0,
        result: { suggest: 'pass', label: 100 },
      }
      for (const trace_id of ['0'.repeat(24), 'not-a-trace'])
        expect(await emu.call(who, 'feedback', { ...forged, trace_id })).toMatchObject({ ok: true })
      expect(await emu.call(null, 'feedback', { ...forged, trace_id: 'x' })).toMatchObject({ ok: true })
      expect((await db().collection('media_checks').where({ fileId: fileID }).get()).data).toEqual(before)
      await emu.trigger('feedback', 'recheck')
      expect(await call(ADMIN, 'get', { trackingNo: r.data.trackingNo })).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' },
      })
      await deliver() // leave no verdict for the next test
    })

    test('a photo within the limits still goes through the synchronous check at once', async () => {
      const fileID = await upload(RESIDENT, `small-${seq++}.jpg`, cameraJpeg(750, 1000, 400_000))
      const before = (await emu.admin<{ items: unknown[] }>('/_emulator/wechat/media-checks')).items.length
      const { trackingNo } = await submitted({ images: [fileID], category: 'complaint' })
      expect(await call(HANDLER, 'get', { trackingNo })).toMatchObject({ ok: true, data: { status: 'submitted' } })
      expect((await emu.admin<{ items: unknown[] }>('/_emulator/wechat/media-checks')).items).toHaveLength(before)
    })
  })
})

describe('closing', () => {
  test('a resolved item nobody rates or reopens is closed by the timer after 7 days, and the resident is told', async () => {
    const { trackingNo } = await submitted()
    await call(HANDLER, 'accept', { trackingNo })
    await call(HANDLER, 'reply', { trackingNo, content: '已按政策办理。' })
    await call(HANDLER, 'resolve', { trackingNo })
    await emu.setClock('2026-05-05T09:00:00+08:00')
    await emu.trigger('feedback', 'autoClose')
    expect(await call(RESIDENT, 'get', { trackingNo })).toMatchObject({
      ok: true,
      data: { status: 'resolved', canReopen: true },
    })
    await emu.setClock('2026-05-08T09:00:00+08:00')
    await emu.trigger('feedback', 'autoClose')
    const got = await call(RESIDENT, 'get', { trackingNo })
    expect(got.data).toMatchObject({ status: 'closed', canReopen: false })
    expect(got.data.timeline.map((s: { type: string; by: string }) => `${s.type}:${s.by}`).pop()).toBe('close:系统')
    const msgs = (
      await db().collection('messages').where({ openid: RESIDENT, title: '您的反馈已关闭' }).limit(100).get()
    ).data
    expect(msgs.length).toBeGreaterThanOrEqual(1)
  })
})
