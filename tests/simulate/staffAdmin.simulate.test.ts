/** @jest-environment node */
/**
 * The admin's policy publishing and outbox pages on the compiled weapp build against the real backend: a
 * policy is published as its next version only after the impact dry run, and the outbox shows its counts and
 * runs a dispatcher pass on request.
 */
import { SET_DATA_BUDGET_BYTES, useSimulatedApp } from '../helpers/simulate'

jest.setTimeout(240_000)

const env = useSimulatedApp()

describe('weapp 工作台 (admin)', () => {
  it('given the admin on 政策发布, when they run the impact dry run and publish, then the policy has its next version', async () => {
    const before = await env.emu.call('o_demo_admin', 'policy', { action: 'get', id: 'job-seeking-subsidy' })
    expect(before.ok).toBe(true)
    const app = env.open('o_demo_admin')
    const page = await app.openPage('packages/staff/admin/policy/index')
    await page.waitForText('选择要修改的政策', 30_000)
    await page.waitForText(before.data.title, 30_000)
    await page.tapText(before.data.title)
    await page.waitForText('修改内容', 30_000)
    expect(page.text()).toContain(`当前第${before.data.version}版`)
    // publishing is offered only after the dry run
    await page.tapText('发布新版本')
    expect(page.text()).not.toContain('确定发布吗？')
    await page.tapText('试算影响')
    await page.waitForText('影响评估（试算，未写入）', 60_000)
    expect(page.text()).toMatch(/新增符合条件：\d+ 人/)
    expect(page.text()).toMatch(/共检查 [1-9]\d* 人/)
    await page.tapText('发布新版本')
    await page.waitForText('确定发布吗？')
    await page.tapText('确认发布')
    await page.waitForText(`已发布第${before.data.version + 1}版`, 30_000)
    const after = await env.emu.call(null, 'policy', { action: 'get', id: 'job-seeking-subsidy' })
    expect(after.data.version).toBe(before.data.version + 1)
    expect(after.data.summary).toBe(before.data.summary)
    expect(page.maxSetDataBytes()).toBeLessThan(SET_DATA_BUDGET_BYTES)
    await app.settle()
  })

  it('given a resident on 消息发送, then the backend refuses and the page says so', async () => {
    const app = env.open('o_demo_resident')
    const page = await app.openPage('packages/staff/admin/outbox/index')
    await page.waitForText('没有权限', 30_000)
    expect(page.text()).toContain('重试')
    expect(page.text()).not.toContain('本轮发送')
    await app.settle()
  })

  it('given the admin on 消息发送, when they tap 立即发送, then the pass is reported with its figures', async () => {
    const app = env.open('o_demo_admin')
    const page = await app.openPage('packages/staff/admin/outbox/index')
    await page.waitForText('发件箱概况', 30_000)
    await page.waitForText('死信 ', 30_000)
    await page.tapText('立即发送')
    await page.waitForText('本轮发送：成功', 30_000)
    await app.settle()
  })
})

describe('weapp 首页隐私保护指引提示', () => {
  it('given a resident who has not agreed yet, when home opens, then a banner links to the guide; after agreeing it is gone', async () => {
    const app = env.open('o_demo_resident2')
    const home = await app.openPage('pages/home/index')
    await home.waitForText('请阅读并同意《隐私保护指引》', 30_000)
    // browsing is not blocked: the sections are there too
    await home.waitForText('推荐岗位', 30_000)
    await home.tapText('阅读并同意')
    expect(app.navigations()).toContainEqual(
      expect.objectContaining({ api: 'navigateTo', url: '/packages/me/privacy/index' }),
    )
    await app.settle()
    home.close()

    const status = await env.emu.call('o_demo_resident2', 'privacy', { action: 'status' })
    expect(
      (await env.emu.call('o_demo_resident2', 'privacy', { action: 'consent', version: status.data.currentVersion }))
        .ok,
    ).toBe(true)
    const again = env.open('o_demo_resident2')
    const home2 = await again.openPage('pages/home/index')
    await home2.waitForText('推荐岗位', 30_000)
    await again.settle()
    expect(home2.text()).not.toContain('请阅读并同意《隐私保护指引》')
  })
})
