/**
 * The admin's workbench in the H5 app (headless Chromium): the demo admin opens 工作台, blocks an account and
 * finds the block in 操作日志; then completes a correction request a resident made earlier through the SDK, and
 * the resident sees the outcome in their own requests.
 */
import { H5_TEST_OUTPUT_ROOT, openBrowser, type BrowserSession, buttonByText } from '../helpers/browser'
import { startEmulator, type TestEmulator } from '../helpers/emulator'
import { startH5Server, type H5Server } from '../../mock/h5server'
import { ensureAppBuild } from '../../scripts/appBuild'

jest.setTimeout(420_000)

let emu: TestEmulator
let web: H5Server
beforeAll(async () => {
  // the one shared H5 build of this source state (versioned: a rebuild never removes a build in use)
  const build = await ensureAppBuild('h5', { outputRoot: H5_TEST_OUTPUT_ROOT, versioned: true })
  emu = await startEmulator()
  web = await startH5Server({ root: build.outputRoot, serviceUrl: emu.serviceUrl, port: 0 })
}, 900_000)
afterAll(async () => {
  await web?.close()
  await emu?.stop()
})

const ADMIN = 'o_demo_admin'
const RESIDENT = 'o_demo_resident'
const TO_BLOCK = 'o_demo_resident2'
const REASON = '多次提交重复的虚假投诉'
const NOTE = '已核实毕业证书，学历已更正为本科'

const fill = async (b: BrowserSession, testId: string, text: string) => {
  const field = b.page.locator(`[data-testid="${testId}"] input, [data-testid="${testId}"] textarea`).first()
  await field.click()
  await field.fill(text)
}

test("admin blocks an account and sees it in the audit log, then completes a resident's correction request", async () => {
  // a resident asks for a correction through the real SDK
  const asked = await emu.call(RESIDENT, 'privacy', {
    action: 'requestCorrection',
    field: '学历',
    correctValue: '本科',
  })
  expect(asked.ok).toBe(true)
  // before the block, the other resident can write
  expect((await emu.call(TO_BLOCK, 'privacy', { action: 'consent', version: '0' })).error?.code).not.toBe('FORBIDDEN')

  const b = await openBrowser({ baseUrl: web.url, identity: ADMIN, testName: 'staff-workbench' })
  try {
    const page = b.page
    // 1. the workbench shows every admin entry and the pending request count
    await page.goto(b.url('/packages/staff/index/index'))
    await page.locator('[data-testid="entry-blocks"]').waitFor({ timeout: 60_000 })
    for (const title of ['投诉工单', '用户与角色', '账号限制', '操作日志', '数据申请', '消息发送', '政策发布']) {
      await expect(page.getByText(title, { exact: true }).count()).resolves.toBeGreaterThan(0)
    }
    await page.locator('[data-testid="entry-requests"]').getByText('1 件待办理').waitFor({ timeout: 20_000 })
    await b.screenshot('01-workbench')

    // 2. block an account: a missing reason is refused before any call, then the block goes through
    await page.locator('[data-testid="entry-blocks"]').click()
    await page.locator('[data-testid="admin-blocks"]').waitFor({ timeout: 30_000 })
    await fill(b, 'block-openid', TO_BLOCK)
    await buttonByText(b, '限制账号').click()
    await page.locator('[data-testid="admin-notice"]').getByText('请填写限制原因').waitFor({ timeout: 10_000 })
    await fill(b, 'block-reason', REASON)
    await buttonByText(b, '限制账号').click()
    await page.locator('[data-testid="admin-notice"]').getByText(`已限制账号 ${TO_BLOCK}`).waitFor({ timeout: 20_000 })
    await b.screenshot('02-blocked')
    // what the blocked person notices: their writes are refused; their own data rights (here 我的申请) stay open
    expect((await emu.call(TO_BLOCK, 'user', { action: 'updateProfile', largeFont: true })).error?.code).toBe(
      'FORBIDDEN',
    )
    expect((await emu.call(TO_BLOCK, 'privacy', { action: 'myRequests' })).ok).toBe(true)

    // 3. the audit log, filtered on that event and account, shows the block with its reason
    await buttonByText(b, '查看限制记录').click()
    const entry = page.locator('[data-testid="audit-item"][data-event="privacy.block"]').first()
    await entry.waitFor({ timeout: 30_000 })
    const text = await entry.innerText()
    expect(text).toContain('限制账号')
    expect(text).toContain(TO_BLOCK)
    expect(text).toContain(ADMIN)
    expect(text).toContain(REASON)
    await b.screenshot('03-audit-log')

    // 4. the pending correction request shows the value asked for; completing it needs a note
    await page.goto(b.url('/packages/staff/admin/requests/index'))
    const item = page.locator('[data-testid="request-item"]').first()
    await item.waitFor({ timeout: 30_000 })
    expect(await item.locator('[data-testid="request-correct-value"]').innerText()).toContain('本科')
    await buttonByText(b, '已更正，办结').click()
    await page.locator('[data-testid="admin-notice"]').getByText('请填写办理说明').waitFor({ timeout: 10_000 })
    const noteField = item.locator('textarea').first()
    await noteField.click()
    await noteField.fill(NOTE)
    await b.screenshot('04-request')
    await buttonByText(b, '已更正，办结').click()
    await page.locator('[data-testid="admin-notice"]').getByText('已办结').waitFor({ timeout: 20_000 })
    await page.getByText('暂无申请').waitFor({ timeout: 20_000 })
    await b.screenshot('05-request-done')
  } finally {
    await b.close()
  }

  // the resident sees the outcome and the note in 我的申请
  const mine = await emu.call(RESIDENT, 'privacy', { action: 'myRequests' })
  expect(mine.ok).toBe(true)
  expect(mine.data.items[0]).toMatchObject({ kind: 'correction', state: 'done', note: NOTE })
})
