/** @jest-environment node */
/**
 * A new resident on the compiled weapp build (issue 14): the welcome (skip binding, then what / where),
 * 实名绑定 with the device-side check and the server's refusals, the register facts after binding with
 * 「有误？申请更正」, and 我的资料 saving the job-seeking profile on the server.
 */
import { useSimulatedApp, type MiniApp, type SimPage } from '../helpers/simulate'
import { demoIdentityCards } from '../../mock/seed/base/demo'

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
  it('given a new resident, when they skip binding and answer what and where, then the answers are saved and they land on the home page', async () => {
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
    await page.tapText('下一步')
    await page.waitForText('从什么时候开始找工作？')
    await page.tapText('完成')
    await app.settle()
    expect(app.navigations()).toEqual([{ api: 'switchTab', url: '/pages/home/index' }])
    expect((await userDoc(me)).profile).toMatchObject({
      welcomeDone: true,
      desiredOccupations: ['6-18-02-04'],
      desiredCities: ['370100'],
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
