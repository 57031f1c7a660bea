/** @jest-environment node */
/**
 * A new resident on the compiled weapp build (issue 14): the privacy guide leading to the welcome, the welcome
 * (skip binding, then what / where), 实名绑定 with the device-side check and the server's refusals (with when to
 * try again), the register facts after binding with 「有误？申请更正」, the personalised parts inviting binding,
 * 我的资料 saving the job-seeking profile on the server, and 我的简历 with a reworded duty line.
 */
import { useSimulatedApp, type MiniApp, type SimPage } from '../helpers/simulate'
import { demoIdentityCards } from '../../mock/seed/base/demo'
import { phraseSet } from '../../shared/user/phrases'
import { aPosting, STAFF } from '../functions/jobFixtures'

jest.setTimeout(240_000)

const env = useSimulatedApp()
const cards = demoIdentityCards(Date.now())
let n = 0
const aNewOpenid = (label: string) => `o_sim_${label}_${++n}`

/** Types into the i-th input of the page. */
async function typeInto(page: SimPage, index: number, value: string): Promise<void> {
  const el = page.comp.dom.querySelectorAll('wx-input')[index]
  await page.fire(`[data-sid="${el?.getAttribute('data-sid')}"]`, 'input', { value })
}
const bindCalls = (app: MiniApp) =>
  app.calls.filter(
    (c) =>
      c.api === 'cloud.callFunction' && (c.args[0] as { data?: { action?: string } }).data?.action === 'bindResident',
  )
const userDoc = async (openid: string) =>
  ((await env.emu.sdk().database().collection('users').doc(openid).get()).data as Record<string, unknown>[])[0]

describe('weapp first run and 实名绑定', () => {
  it('given a brand-new user, when they agree to the privacy guide, then the welcome opens', async () => {
    const app = env.open(aNewOpenid('privacy'))
    const page = await app.openPage('packages/me/privacy/index')
    await page.waitForText('我已阅读并同意', 30_000)
    await page.tapText('我已阅读并同意')
    await app.waitForCall('redirectTo', 1, 30_000)
    expect(app.navigations()).toEqual([{ api: 'redirectTo', url: '/packages/me/welcome/index' }])
    await app.settle()
    page.close()
  })

  it('given a brand-new user, when the home page and 我的 open, then the policy section and 我的 invite binding instead of an empty list, and the invite opens the welcome', async () => {
    const app = env.open(aNewOpenid('invite'))
    const home = await app.openPage('pages/home/index')
    await home.waitForText('实名绑定后，这里会列出您可以享受的就业政策和补贴', 30_000)
    expect(home.text()).not.toContain('暂时没有匹配到政策')
    await home.tapText('去实名绑定')
    expect(app.navigations()).toEqual([{ api: 'navigateTo', url: '/packages/me/welcome/index' }])
    await app.settle()
    home.close()
    const mine = await app.openPage('pages/mine/index')
    await mine.waitForText('尚未实名绑定', 30_000)
    await app.settle()
    mine.close()
  })

  it('given a new resident, when they skip binding and answer what and where (a city, then one of its districts), then the answers are saved and they land on the home page', async () => {
    const me = aNewOpenid('welcome')
    const app = env.open(me)
    const page = await app.openPage('packages/me/welcome/index')
    await page.waitForText('先核对一下您的就业登记信息', 30_000)
    await page.tapText('暂不绑定，继续')
    await page.waitForText('您想找什么工作？')
    await page.tapText('焊工')
    await page.tapText('下一步')
    await page.waitForText('想在哪里工作？')
    await page.tapText('济南市')
    await page.waitForText('济南市的区县')
    await page.tapText('历下区')
    await page.tapText('下一步')
    await page.waitForText('从什么时候开始找工作？')
    await page.tapText('完成')
    await app.settle()
    expect(app.navigations()).toEqual([{ api: 'switchTab', url: '/pages/home/index' }])
    expect((await userDoc(me)).profile).toMatchObject({
      welcomeDone: true,
      desiredOccupations: ['6-18-02-04'],
      desiredCities: ['370100', '370102'],
    })
    page.close()
  })

  it('given a wrong check character, when the resident taps 绑定, then the device says so and nothing is sent; a wrong name gets the server refusal with the tries left', async () => {
    const app = env.open(aNewOpenid('refuse'))
    const page = await app.openPage('packages/me/bind/index')
    await page.waitForText('核对您的就业登记信息', 30_000)
    const good = cards.p_demo_bind2.idNumber
    await typeInto(page, 0, '欧阳娜娜')
    await typeInto(page, 1, good.slice(0, 17) + (good[17] === '1' ? '2' : '1'))
    await page.tapText('绑定')
    await page.waitForText('校验位不正确')
    expect(bindCalls(app)).toHaveLength(0)

    await typeInto(page, 1, good)
    await typeInto(page, 0, '欧阳丽丽')
    await page.tapText('绑定')
    await page.waitForText('未能核对成功', 30_000)
    expect(page.text()).toContain('还可尝试4次')
    expect(bindCalls(app)).toHaveLength(1)
    await app.settle()
    page.close()
  })

  it('given 孙悦, when she binds, then her register facts are shown masked and 有误？申请更正 opens 我的数据 with the item filled in', async () => {
    const app = env.open(aNewOpenid('sunyue'))
    const page = await app.openPage('packages/me/bind/index', { from: 'welcome' })
    await page.waitForText('核对您的就业登记信息', 30_000)
    await typeInto(page, 0, cards.p_demo_bind1.name)
    await typeInto(page, 1, cards.p_demo_bind1.idNumber)
    await page.tapText('绑定')
    await page.waitForText('已完成实名绑定', 30_000)
    expect(page.text()).toContain('姓名：孙*')
    expect(page.text()).not.toContain(cards.p_demo_bind1.idNumber)
    expect(page.text()).toContain('学历：')
    await page.tapText('有误？申请更正')
    expect(app.navigations()).toEqual([
      { api: 'navigateTo', url: `/packages/me/data/index?field=${encodeURIComponent('姓名')}` },
    ])
    await page.tapText('继续')
    expect(app.navigations()[1]).toEqual({ api: 'redirectTo', url: '/packages/me/welcome/index?step=questions' })
    await app.settle()
    page.close()
  })
})

describe('weapp 实名绑定: too many attempts', () => {
  it('given five failed attempts today, when the resident binds again, then they are told the limit is reached and when they can try again', async () => {
    const me = aNewOpenid('limit')
    const nowMs = env.emu.server.now().getTime()
    const attempts = env.emu.sdk().database().collection('bind_attempts')
    for (let i = 0; i < 5; i++)
      await attempts.add({
        openid: me,
        outcome: 'notMatched',
        nameMasked: '欧*丽',
        idNumberMasked: '3701**********1234',
        personId: null,
        at: new Date(nowMs - (10 - i) * 60_000).toISOString(),
        atMs: nowMs - (10 - i) * 60_000,
      })
    const app = env.open(me)
    const page = await app.openPage('packages/me/bind/index')
    await page.waitForText('核对您的就业登记信息', 30_000)
    await typeInto(page, 0, cards.p_demo_bind2.name)
    await typeInto(page, 1, cards.p_demo_bind2.idNumber)
    await page.tapText('绑定')
    await page.waitForText('尝试次数过多', 30_000)
    expect(page.text()).toMatch(/\d+月\d+日 \d{2}:\d{2}后可再试/)
    expect(page.text()).toContain('服务窗口')
    expect((await userDoc(me))?.personId ?? null).toBeNull()
    await app.settle()
    page.close()
  })
})

describe('weapp 我的简历', () => {
  it('given a profile with a job, when the resident adds a suggested duty phrase to it and saves, then the résumé keeps the wording and the profile keeps its own', async () => {
    const me = aNewOpenid('resume')
    const job = { employer: '济南某机械厂', role: '焊工', from: '2019-03', to: '2024-06', duties: '负责车架焊接' }
    await env.emu.call(me, 'user', {
      action: 'updateProfile',
      desiredOccupations: ['6-18-02-04'],
      skills: ['识图'],
      workHistory: [job],
    })
    const phrase = phraseSet('6-18-02-04')!.duties[0]
    const app = env.open(me)
    const page = await app.openPage('packages/me/resume/index')
    await page.waitForText('焊工的常用写法', 30_000)
    expect(page.text()).toContain('济南某机械厂')
    await page.tapText(phrase)
    await page.tapText('保存简历')
    await page.waitForText('简历已保存', 30_000)
    const resume = (await env.emu.call(me, 'user', { action: 'resume' })).data
    expect(resume.resume.workHistory).toEqual([{ ...job, duties: `负责车架焊接；${phrase}` }])
    expect(resume.edited).toEqual({ summary: false, skills: false, workHistory: true })
    expect((await userDoc(me)).profile).toMatchObject({ workHistory: [job] })
    await app.settle()
    page.close()
  })
})

describe('weapp the résumé on an application (staff)', () => {
  it("given 高志强 applied with his résumé, when staff open the posting's applications, then they read his summary and work history with name and phone masked", async () => {
    const me = aNewOpenid('applicant')
    const card = cards.p_demo_bind3
    expect(
      (await env.emu.call(me, 'user', { action: 'bindResident', name: card.name, idNumber: card.idNumber })).ok,
    ).toBe(true)
    await env.emu.call(me, 'user', {
      action: 'updateProfile',
      desiredOccupations: ['6-18-02-04'],
      workHistory: [{ employer: '济南某机械厂', role: '焊工', from: '2019-03', to: '2024-06' }],
    })
    await env.emu.call(me, 'user', { action: 'updateResume', summary: '五年车架焊接经验' })
    const jobId = (await env.emu.call(STAFF, 'job', aPosting())).data.id
    expect((await env.emu.call(me, 'job', { action: 'apply', jobId, requestId: `apply-${me}` })).ok).toBe(true)
    const app = env.open(STAFF)
    const page = await app.openPage('packages/job/staff/applications/index', { jobId })
    await page.waitForText('自我评价：五年车架焊接经验', 30_000)
    expect(page.text()).toContain('2019-03—2024-06 济南某机械厂 焊工')
    expect(page.text()).toContain('高*强')
    expect(page.text()).not.toContain('13805390033')
    expect(page.text()).toMatch(/1\d{2}\*{4}\d{4}/)
    await app.settle()
    page.close()
  })
})

describe('weapp 我的资料', () => {
  it('given the demo resident, when they pick an occupation and save, then the profile on the server has it and the register facts stay read-only', async () => {
    const app = env.open('o_demo_resident2')
    const page = await app.openPage('packages/me/index/index')
    await page.waitForText('登记信息', 30_000)
    expect(page.text()).toContain('有误？申请更正')
    expect(page.text()).not.toContain('即将上线')
    await page.tapText('电工')
    await page.tapText('保存')
    await app.settle()
    expect((await userDoc('o_demo_resident2')).profile).toMatchObject({ desiredOccupations: ['6-31-01-03'] })
    page.close()
  })
})
