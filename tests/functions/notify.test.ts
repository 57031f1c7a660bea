/**
 * notify through the real SDK against the emulator and its WeChat double: consent accounting, the message
 * centre, the dispatcher's outcomes for every WeChat error path, claim recovery, and the admin outbox.
 */
import { startEmulator, type TestEmulator } from '../helpers/emulator'
import { enqueueNotification, messageIdOf, type NotificationRequest } from '../../cloudfunctions/_core/notifications'
import { TEMPLATES } from '../../shared/notify/templates'

const RESIDENT = 'o_demo_resident'
const RESIDENT2 = 'o_demo_resident2'
const ADMIN = 'o_demo_admin'
const PERSON = 'p_demo_resident'
const POLICY_TPL = TEMPLATES.policyMatch.id
const FEEDBACK_TPL = TEMPLATES.feedbackUpdate.id

let emu: TestEmulator
/** Pinned with the seed (a Wednesday 10:00 China time, a working day): nothing here follows the real date or hour. */
const NOW = '2026-12-02T10:00:00+08:00'
let seq = 0
jest.setTimeout(30_000)

beforeAll(async () => {
  process.env.ZJ_LOG = 'silent'
  emu = await startEmulator({ now: NOW })
}, 60_000)
afterAll(async () => {
  await emu?.stop()
})

const db = () => emu.sdk().database()
const emulatorNow = () => emu.server.now()

/** A policy-match notification for the demo resident (factory). */
function aPolicyNotification(over: Partial<NotificationRequest> = {}): NotificationRequest {
  seq += 1
  return {
    key: `test:policy:${seq}:${Date.now()}`,
    openid: RESIDENT,
    personId: PERSON,
    template: 'policyMatch',
    data: {
      policyName: '高校毕业生一次性求职创业补贴',
      result: '可申请',
      tip: '点击查看申领条件和所需材料',
      at: emulatorNow().toISOString(),
    },
    page: 'packages/policy/pages/detail/index?id=p1',
    title: '你可能符合一项就业政策',
    body: '高校毕业生一次性求职创业补贴：你可能符合条件，点击查看。',
    fallback: { kind: 'visitTask', reason: '符合政策条件，订阅消息无法送达，请上门告知' },
    source: { module: 'policy', refId: 'p1' },
    ...over,
  }
}

async function outboxDoc(key: string): Promise<any> {
  const res = await db().collection('outbox').doc(key).get()
  return (res.data as any[])[0]
}
async function delivered(touser = RESIDENT): Promise<any[]> {
  return (await emu.admin<{ items: any[] }>(`/_emulator/wechat/messages?touser=${touser}`)).items
}
async function remaining(openid: string, templateId: string): Promise<number> {
  const r = await emu.call(openid, 'notify', { action: 'myConsents' })
  return r.data.items.find((i: any) => i.templateId === templateId).remaining
}
/** What a tap on 允许 does: WeChat records the grant, the app reports it. */
async function consent(openid: string, templateId: string): Promise<void> {
  await emu.admin('/_emulator/wechat/consent', { openid, templateId })
  const r = await emu.call(openid, 'notify', { action: 'recordConsent', accepted: [templateId], rejected: [] })
  expect(r.ok).toBe(true)
}
const dispatch = () => emu.trigger('notify', 'dispatch')

beforeEach(async () => {
  // no leftovers between tests: every previous message is settled
  await db()
    .collection('outbox')
    .where({ state: db().command.in(['pending', 'claimed', 'sending']) })
    .update({ state: 'dead', reason: 'test cleanup' })
  await db().collection('notify_state').doc('dispatcher').set({ quotaPausedUntilMs: 0 })
  await emu.admin('/_emulator/wechat/config', { dailyQuota: 1_000_000 }) // a failed quota test must not starve the next
})

describe('consent', () => {
  it('given a new resident, myConsents lists every template with 0 remaining', async () => {
    const r = await emu.call('o_new_resident_1', 'notify', { action: 'myConsents' })
    expect(r.ok).toBe(true)
    expect(r.data.items.map((i: any) => i.templateId).sort()).toEqual(
      Object.values(TEMPLATES)
        .map((t) => t.id)
        .sort(),
    )
    expect(r.data.items.every((i: any) => i.remaining === 0)).toBe(true)
    expect(r.data.items.find((i: any) => i.templateId === FEEDBACK_TPL).kind).toBe('longTerm')
    expect(r.data.items.find((i: any) => i.templateId === POLICY_TPL).kind).toBe('oneTime')
  })

  it('one-time grants accumulate; a repeated requestId counts once; long-term switches on and off', async () => {
    const me = 'o_consent_tester'
    await emu.call(me, 'notify', {
      action: 'recordConsent',
      accepted: [POLICY_TPL],
      rejected: [],
      requestId: 'consent-req-0001',
    })
    await emu.call(me, 'notify', {
      action: 'recordConsent',
      accepted: [POLICY_TPL],
      rejected: [],
      requestId: 'consent-req-0001',
    })
    expect(await remaining(me, POLICY_TPL)).toBe(1)
    await emu.call(me, 'notify', { action: 'recordConsent', accepted: [POLICY_TPL, FEEDBACK_TPL], rejected: [] })
    expect(await remaining(me, POLICY_TPL)).toBe(2)
    const on = await emu.call(me, 'notify', { action: 'myConsents' })
    expect(on.data.items.find((i: any) => i.templateId === FEEDBACK_TPL)).toMatchObject({
      longTermOn: true,
      remaining: 1,
    })
    const off = await emu.call(me, 'notify', { action: 'recordConsent', accepted: [], rejected: [FEEDBACK_TPL] })
    expect(off.data.items.find((i: any) => i.templateId === FEEDBACK_TPL)).toMatchObject({
      longTermOn: false,
      remaining: 0,
    })
  })

  it('bad input of any shape → VALIDATION_FAILED and nothing is recorded; anonymous → UNAUTHENTICATED', async () => {
    const me = 'o_consent_bad_input'
    for (const bad of [
      { accepted: ['NO_SUCH_TEMPLATE'] },
      { accepted: 'x' },
      { accepted: [1] },
      { rejected: [null] },
      { accepted: Array(11).fill(POLICY_TPL) },
      { requestId: 'short' },
    ]) {
      const r = await emu.call(me, 'notify', { action: 'recordConsent', ...bad })
      expect(r.error?.code).toBe('VALIDATION_FAILED')
    }
    expect(await remaining(me, POLICY_TPL)).toBe(0)
    expect((await emu.call(null, 'notify', { action: 'myConsents' })).error.code).toBe('UNAUTHENTICATED')
  })
})

describe('dispatch', () => {
  it('given consent, when a notification is dispatched, then WeChat receives exactly one fitted message and the message centre shows it unread', async () => {
    await consent(RESIDENT, POLICY_TPL)
    const before = (await delivered()).length
    const n = aPolicyNotification({
      data: {
        policyName: '济南市历下区2026年高校毕业生一次性求职创业补贴申领',
        result: '可申请',
        tip: '点击查看',
        at: '2026-11-23T10:00:00+08:00',
      },
    })
    await enqueueNotification(n, emulatorNow())
    expect((await enqueueNotification(n, emulatorNow())).duplicate).toBe(true)
    await dispatch()
    await dispatch()
    const msgs = await delivered()
    expect(msgs.length).toBe(before + 1)
    expect(msgs[msgs.length - 1]).toMatchObject({
      touser: RESIDENT,
      template_id: POLICY_TPL,
      page: 'packages/policy/pages/detail/index?id=p1',
      data: {
        thing1: { value: '济南市历下区2026年高校毕业生一次性…' },
        phrase2: { value: '可申请' },
        time4: { value: '2026年11月23日 10:00' },
      },
    })
    expect(await outboxDoc(n.key)).toMatchObject({ state: 'sent', attempts: 1 })
    expect(await remaining(RESIDENT, POLICY_TPL)).toBe(0)
    const centre = await emu.call(RESIDENT, 'notify', { action: 'messages' })
    expect(centre.data.items[0]).toMatchObject({ id: messageIdOf(n.key), title: '你可能符合一项就业政策', read: false })
    expect(centre.data.unread).toBeGreaterThan(0)
  })

  it('given no consent, when dispatched, then nothing is pushed, the fallback creates a visit task, and the message centre still has it', async () => {
    const n = aPolicyNotification({ openid: RESIDENT2, personId: 'p_demo_resident2' })
    await enqueueNotification(n, emulatorNow())
    await dispatch()
    expect(await delivered(RESIDENT2)).toHaveLength(0)
    expect(await outboxDoc(n.key)).toMatchObject({ state: 'skipped', fallbackDone: true })
    expect((await outboxDoc(n.key)).reason).toMatch(/^noConsent/)
    const task = (await db().collection('visit_tasks').doc(`notify:${n.key}`).get()).data[0]
    expect(task).toMatchObject({ personId: 'p_demo_resident2', status: 'open', reason: { code: 'pushUnreachable' } })
    const centre = await emu.call(RESIDENT2, 'notify', { action: 'messages' })
    expect(centre.data.items.map((m: any) => m.id)).toContain(messageIdOf(n.key))
  })

  it('given our ledger says yes but WeChat says 43101, then the message is skipped, our balance is voided and the fallback runs', async () => {
    const me = 'o_ledger_only_user'
    await emu.call(me, 'notify', { action: 'recordConsent', accepted: [POLICY_TPL, POLICY_TPL], rejected: [] })
    await emu.call(me, 'notify', { action: 'recordConsent', accepted: [POLICY_TPL], rejected: [] })
    expect(await remaining(me, POLICY_TPL)).toBe(2)
    const n = aPolicyNotification({ openid: me, personId: PERSON })
    await enqueueNotification(n, emulatorNow())
    await dispatch()
    expect(await outboxDoc(n.key)).toMatchObject({
      state: 'skipped',
      lastError: { errcode: 43101 },
      fallbackDone: true,
    })
    expect(await remaining(me, POLICY_TPL)).toBe(0)
  })

  it('a message that cannot fit its template is dead-lettered with the reason before any send, and the consent is kept', async () => {
    await consent(RESIDENT, POLICY_TPL)
    const before = await remaining(RESIDENT, POLICY_TPL)
    const n = aPolicyNotification({
      data: { policyName: '补贴', result: '符合全部申领条件', tip: '查看', at: '10:00' },
    })
    await enqueueNotification(n, emulatorNow())
    await dispatch()
    const doc = await outboxDoc(n.key)
    expect(doc.state).toBe('dead')
    expect(doc.reason).toMatch(/templateMismatch: phrase2/)
    expect(await remaining(RESIDENT, POLICY_TPL)).toBe(before)
  })

  it('WeChat rejecting the page (41030) → dead letter with the errcode, consent refunded, fallback task', async () => {
    await consent(RESIDENT, POLICY_TPL)
    const before = await remaining(RESIDENT, POLICY_TPL)
    const n = aPolicyNotification({ page: '/bad page' })
    await enqueueNotification(n, emulatorNow())
    await dispatch()
    expect(await outboxDoc(n.key)).toMatchObject({ state: 'dead', lastError: { errcode: 41030 }, fallbackDone: true })
    expect(await remaining(RESIDENT, POLICY_TPL)).toBe(before)
  })

  it('-1 on every try → back to pending with backoff and the attempt recorded; once WeChat recovers it is sent once', async () => {
    await consent(RESIDENT, POLICY_TPL)
    const n = aPolicyNotification()
    await enqueueNotification(n, emulatorNow())
    await emu.admin('/_emulator/faults', { service: 'wechat', mode: 'fail', count: 3 })
    await emu.call(RESIDENT, 'notify', { action: 'myConsents' }) // warm: the token is fetched before the faults hit the send
    const count = (await delivered()).length
    await dispatch()
    const doc = await outboxDoc(n.key)
    expect(doc).toMatchObject({ state: 'pending', attempts: 1, lastError: { errcode: -1 } })
    expect(doc.nextAttemptAtMs).toBeGreaterThan(emulatorNow().getTime() + 30_000)
    const attempts = (await db().collection('dispatch_attempts').where({ key: n.key }).get()).data
    expect(attempts).toEqual([expect.objectContaining({ outcome: 'retry', errcode: -1, attempt: 1 })])
    await dispatch() // not due yet
    expect((await delivered()).length).toBe(count)
    await emu.advance(61_000)
    await dispatch()
    expect(await outboxDoc(n.key)).toMatchObject({ state: 'sent', attempts: 2 })
    expect((await delivered()).length).toBe(count + 1)
  })

  it('45009 pauses the dispatcher until the next China-time day; then the message goes out', async () => {
    await consent(RESIDENT, POLICY_TPL)
    await emu.setClock('2026-11-23T15:00:00+08:00')
    const n = aPolicyNotification()
    await enqueueNotification(n, emulatorNow())
    await emu.admin('/_emulator/wechat/config', { dailyQuota: 0 })
    await dispatch()
    const doc = await outboxDoc(n.key)
    expect(doc).toMatchObject({ state: 'pending', lastError: { errcode: 45009 } })
    expect(doc.nextAttemptAtMs).toBe(Date.parse('2026-11-24T00:00:00+08:00'))
    await emu.admin('/_emulator/wechat/config', { dailyQuota: 1_000_000 })
    await dispatch() // still paused
    expect((await outboxDoc(n.key)).state).toBe('pending')
    await emu.setClock('2026-11-24T00:00:01+08:00')
    await dispatch()
    expect(await outboxDoc(n.key)).toMatchObject({ state: 'sent' })
  })

  it('a long-term template needs the long-term switch, and then sends without spending anything', async () => {
    const me = 'o_longterm_user'
    const fb = (i: number): NotificationRequest => ({
      key: `test:fb:${i}:${Date.now()}`,
      openid: me,
      template: 'feedbackUpdate',
      data: { trackingNo: `FK2026112300${i}`, status: '已受理', department: '历下区人社局', time: '2026-11-23 15:01' },
      page: 'packages/feedback/pages/detail/index?trackingNo=FK1',
      title: '您的反馈已受理',
      body: '已受理',
      fallback: null,
      source: { module: 'feedback', refId: 'f1' },
    })
    await enqueueNotification(fb(1), emulatorNow())
    await dispatch()
    expect((await delivered(me)).length).toBe(0)
    await emu.admin('/_emulator/wechat/consent', { openid: me, templateId: FEEDBACK_TPL, longTerm: true })
    await emu.call(me, 'notify', { action: 'recordConsent', accepted: [FEEDBACK_TPL] })
    for (let i = 2; i <= 4; i++) await enqueueNotification(fb(i), emulatorNow())
    await dispatch()
    expect((await delivered(me)).length).toBe(3)
  })
})

describe('claim recovery', () => {
  it("a crashed dispatcher's expired 'claimed' message is sent once, reusing the grant already spent for it", async () => {
    await consent(RESIDENT, POLICY_TPL)
    const n = aPolicyNotification()
    await enqueueNotification(n, emulatorNow())
    const t = emulatorNow().getTime()
    // the crash: claimed and a grant spent, but 'sending' never recorded
    const grant = (
      await db()
        .collection('consent_grants')
        .where({ openid: RESIDENT, templateId: POLICY_TPL, state: 'available' })
        .limit(1)
        .get()
    ).data[0]
    await db().collection('consent_spends').add({
      _id: n.key,
      grantId: grant._id,
      openid: RESIDENT,
      templateId: POLICY_TPL,
      token: 'dead-dispatcher#1.1',
      atMs: t,
    })
    await db()
      .collection('consent_grants')
      .doc(grant._id)
      .update({ state: 'spent', spentBy: 'dead-dispatcher#1.1', spentAtMs: t })
    await db()
      .collection('outbox')
      .doc(n.key)
      .update({ state: 'claimed', claimToken: 'dead-dispatcher#1', claimExpiresAtMs: t - 1 })
    const left = await remaining(RESIDENT, POLICY_TPL)
    const count = (await delivered()).length
    await dispatch()
    expect(await outboxDoc(n.key)).toMatchObject({ state: 'sent' })
    expect((await delivered()).length).toBe(count + 1)
    expect(await remaining(RESIDENT, POLICY_TPL)).toBe(left)
  })

  it("an expired 'sending' message becomes uncertain and is never resent automatically; an admin may re-queue it", async () => {
    await consent(RESIDENT, POLICY_TPL)
    const n = aPolicyNotification()
    await enqueueNotification(n, emulatorNow())
    const t = emulatorNow().getTime()
    await db()
      .collection('outbox')
      .doc(n.key)
      .update({ state: 'sending', claimToken: 'dead-dispatcher#2', claimExpiresAtMs: t - 1, attempts: 1 })
    const count = (await delivered()).length
    await dispatch()
    await dispatch()
    expect((await outboxDoc(n.key)).state).toBe('uncertain')
    expect((await delivered()).length).toBe(count)
    const list = await emu.call(ADMIN, 'notify', { action: 'outbox', state: 'uncertain' })
    expect(list.data.items.map((i: any) => i.key)).toContain(n.key)
    const rq = await emu.call(ADMIN, 'notify', { action: 'requeue', keys: [n.key] })
    expect(rq.data.requeued).toBe(1)
    await dispatch()
    expect((await outboxDoc(n.key)).state).toBe('sent')
    expect((await delivered()).length).toBe(count + 1)
  })
})

describe('concurrent dispatchers', () => {
  it('given 60 consented messages, when two dispatch passes run at once, then each key reaches WeChat exactly once', async () => {
    const keys: string[] = []
    const grants: Record<string, unknown>[] = []
    const t = emulatorNow()
    for (let i = 0; i < 60; i++) {
      const openid = `o_concurrent_${String(i).padStart(3, '0')}`
      await emu.admin('/_emulator/wechat/consent', { openid, templateId: POLICY_TPL })
      grants.push({
        _id: `g_concurrent_${i}`,
        openid,
        templateId: POLICY_TPL,
        state: 'available',
        spentBy: null,
        grantedAtMs: t.getTime(),
        spentAtMs: null,
      })
      const n = aPolicyNotification({
        openid,
        personId: null,
        fallback: null,
        page: `packages/notify/index/index?k=cc${i}`,
      })
      keys.push(n.key)
      await enqueueNotification(n, t)
    }
    await db().collection('consent_grants').add(grants)
    await Promise.all([dispatch(), dispatch(), emu.call(ADMIN, 'notify', { action: 'dispatchNow' })])
    const pages = (await emu.admin<{ items: { page: string }[] }>('/_emulator/wechat/messages')).items
      .map((m) => m.page)
      .filter((p) => p.includes('?k=cc'))
    expect(pages).toHaveLength(60)
    expect(new Set(pages).size).toBe(60)
    for (const k of keys) expect((await outboxDoc(k)).state).toBe('sent')
  })
})

describe('message centre', () => {
  it('pages newest first without gaps or repeats, counts unread and marks read (own messages only)', async () => {
    const me = 'o_centre_user_1'
    const t = emulatorNow()
    for (let i = 0; i < 25; i++) {
      await enqueueNotification(
        {
          ...aPolicyNotification(),
          key: `test:centre:${i}`,
          openid: me,
          personId: null,
          fallback: null,
          title: `通知${i}`,
          body: `联系电话 13812345678 第${i}条`,
        },
        t,
      )
    }
    const p1 = await emu.call(me, 'notify', { action: 'messages' })
    expect(p1.data.items).toHaveLength(20)
    expect(p1.data.unread).toBe(25)
    expect(JSON.stringify(p1.data)).not.toContain('13812345678')
    expect(p1.data.items[0].body).toContain('138****5678')
    const p2 = await emu.call(me, 'notify', { action: 'messages', cursor: p1.data.nextCursor })
    expect(p2.data.items).toHaveLength(5)
    expect(p2.data.nextCursor).toBeNull()
    const ids = [...p1.data.items, ...p2.data.items].map((m: any) => m.id)
    expect(new Set(ids).size).toBe(25)
    // someone else cannot mark my messages read
    expect((await emu.call(RESIDENT2, 'notify', { action: 'markRead', ids: ids.slice(0, 3) })).data.updated).toBe(0)
    const r = await emu.call(me, 'notify', { action: 'markRead', ids: ids.slice(0, 3) })
    expect(r.data).toEqual({ updated: 3, unread: 22 })
    expect(
      (await emu.call(me, 'notify', { action: 'messages', unreadOnly: true, pageSize: 100 })).data.items,
    ).toHaveLength(22)
    expect((await emu.call(me, 'notify', { action: 'markRead', all: true })).data.unread).toBe(0)
    expect((await emu.call(me, 'notify', { action: 'unreadCount' })).data.unread).toBe(0)
    expect((await emu.call(me, 'notify', { action: 'messages', cursor: 'garbage!' })).error.code).toBe(
      'VALIDATION_FAILED',
    )
  })
})

describe('admin outbox', () => {
  it('residents are refused; admins see counts by state and re-queue skipped messages once consent arrives', async () => {
    expect((await emu.call(RESIDENT, 'notify', { action: 'outbox' })).error.code).toBe('FORBIDDEN')
    expect((await emu.call(RESIDENT, 'notify', { action: 'requeue', state: 'dead' })).error.code).toBe('FORBIDDEN')
    const me = 'o_requeue_user'
    const n = aPolicyNotification({ openid: me, personId: null, fallback: null })
    await enqueueNotification(n, emulatorNow())
    await dispatch()
    expect((await outboxDoc(n.key)).state).toBe('skipped')
    const stats = await emu.call(ADMIN, 'notify', { action: 'outboxStats' })
    expect(stats.data.counts.skipped).toBeGreaterThan(0)
    const listed = await emu.call(ADMIN, 'notify', { action: 'outbox', state: 'skipped', pageSize: 100 })
    const item = listed.data.items.find((i: any) => i.key === n.key)
    expect(item.openid).not.toBe(me)
    await consent(me, POLICY_TPL)
    expect((await emu.call(ADMIN, 'notify', { action: 'requeue', keys: [n.key] })).data.requeued).toBe(1)
    expect((await emu.call(ADMIN, 'notify', { action: 'requeue', keys: [n.key] })).error.code).toBe('CONFLICT')
    const run = await emu.call(ADMIN, 'notify', { action: 'dispatchNow' })
    expect(run.data.sent).toBeGreaterThanOrEqual(1)
    expect((await outboxDoc(n.key)).state).toBe('sent')
    expect(await delivered(me)).toHaveLength(1)
  })
})
