/**
 * A brand-new resident's first run in the H5 app (issue 14), headless Chromium at 375×667, a screenshot per step:
 * signed out → 登录 (a fresh openid, as 「新用户（未绑定）」) → the privacy guide → the welcome → 实名绑定 of 孙悦's
 * record (register facts masked) → the three questions → home (personalised sections changed) → 我的资料 →
 * 我的简历 → applying for a recommended job, agreeing to be contacted; then the same pages in 长辈版, and the staff's
 * application view showing her résumé with the phone masked until 「查看完整号码」 reveals it (she agreed).
 */
import { openBrowser, useAppStack, type BrowserSession } from '../helpers/browser'
import { demoIdentityCards } from '../../mock/seed/base/demo'
import { DEMO_STORAGE_KEY } from '../../miniprogram/src/services/demoIdentity'

jest.setTimeout(600_000)

const app = useAppStack()
const SUNYUE_PHONE = '13705310031'

/** Types into a Taro H5 input found by its data-testid. */
async function typeInto(b: BrowserSession, testId: string, value: string): Promise<void> {
  const input = b.page
    .locator(`[data-testid="${testId}"] input:visible, input[data-testid="${testId}"]:visible`)
    .first()
  await input.waitFor({ state: 'attached', timeout: 30_000 })
  await input.fill(value, { force: true })
  await input.dispatchEvent('input')
}

/** A button by its aria label on the page in view (H5 keeps the pages below in the stack in the DOM, hidden). */
const buttonByLabel = (b: BrowserSession, label: string) =>
  b.page.locator(`taro-button-core[aria-label="${label}"]:visible, button[aria-label="${label}"]:visible`).first()

const sectionText = (b: BrowserSession, id: string) => b.page.locator(`#${id}`).innerText()

test('a new resident consents, binds 孙悦, answers the three questions, edits the profile and résumé, applies; staff see the résumé masked', async () => {
  const card = demoIdentityCards(Date.now()).p_demo_bind1
  const b = await openBrowser({ baseUrl: app.url, identity: null, testName: 'onboarding' })
  let openid = ''
  let jobId = ''
  try {
    const page = b.page
    // 1. signed out: what works without signing in, and 登录
    await page.goto(b.url('/pages/home/index'))
    await page.locator('[data-testid="home-signed-out"]').waitFor({ timeout: 60_000 })
    await b.screenshot('00-signed-out')
    await buttonByLabel(b, '登录').click()
    // 2. a brand-new user: the privacy banner and the policy section inviting binding
    await page.locator('[data-testid="home-policy-bind"]').waitFor({ timeout: 60_000 })
    openid = await page.evaluate((k) => localStorage.getItem(k) ?? '', DEMO_STORAGE_KEY)
    expect(openid).toMatch(/^o_new_/)
    await page.locator('[data-testid="privacy-consent-banner"]').waitFor({ timeout: 30_000 })
    await page.waitForFunction(
      () => (document.querySelector('#home-job')?.textContent ?? '').includes('匹配'),
      undefined,
      {
        timeout: 60_000,
      },
    )
    const jobsBefore = await sectionText(b, 'home-job')
    await b.screenshot('01-new-user-home')
    // 3. the privacy guide, agreed → the welcome
    await buttonByLabel(b, '阅读隐私保护指引').click()
    await page.locator('[data-testid="privacy-guide"]').waitFor({ timeout: 30_000 })
    await b.screenshot('02-privacy-guide')
    await buttonByLabel(b, '我已阅读并同意隐私保护指引').click()
    await page.locator('[data-testid="welcome-bind"]').waitFor({ timeout: 30_000 })
    await b.screenshot('03-welcome')
    // 4. 实名绑定: a wrong check character is caught on the device, then 孙悦's record binds
    await buttonByLabel(b, '去实名绑定').click()
    await page.locator('[data-testid="bind-page"]').waitFor({ timeout: 30_000 })
    await typeInto(b, 'bind-name', card.name)
    await typeInto(b, 'bind-id', card.idNumber.slice(0, 17) + (card.idNumber[17] === '1' ? '2' : '1'))
    await buttonByLabel(b, '提交实名绑定').click()
    await page.locator('[data-testid="bind-id-problem"]').getByText('校验位').waitFor({ timeout: 30_000 })
    await b.screenshot('04-bind-check-character')
    await typeInto(b, 'bind-id', card.idNumber)
    await buttonByLabel(b, '提交实名绑定').click()
    const done = page.locator('[data-testid="bind-done"]')
    await done.waitFor({ timeout: 30_000 })
    const facts = await done.innerText()
    expect(facts).toContain('姓名：孙*')
    expect(facts).toContain('有误？申请更正')
    expect(facts).toMatch(/所属网格：.+网格/)
    expect(facts).not.toContain(card.idNumber)
    expect(facts).not.toContain(SUNYUE_PHONE)
    await b.screenshot('05-bound-register-facts')
    // 5. the three questions
    await buttonByLabel(b, '继续填写求职意向').click()
    await page.locator('[data-testid="welcome-occupations"]').waitFor({ timeout: 30_000 })
    await page.locator('[data-testid="occ-6-18-02-04"]').click()
    await b.screenshot('06-what-work')
    await buttonByLabel(b, '下一步').click()
    await page.locator('[data-testid="welcome-cities"]').waitFor({ timeout: 30_000 })
    await page.locator('[data-testid="city-370100"]').click()
    await b.screenshot('07-where')
    await buttonByLabel(b, '下一步').click()
    await page.locator('[data-testid="welcome-since"]').waitFor({ timeout: 30_000 })
    await b.screenshot('08-since-when')
    await buttonByLabel(b, '完成并进入首页').click()
    // 6. home: her own policy result instead of the invitation, recommendations for 焊工
    await page.locator('[data-testid="home-greeting"]').getByText('孙*').waitFor({ timeout: 60_000 })
    await page.waitForFunction(
      () =>
        !document.querySelector('[data-testid="home-policy-bind"]') &&
        /焊/.test(document.querySelector('#home-job')?.textContent ?? ''),
      undefined,
      { timeout: 60_000 },
    )
    const jobsAfter = await sectionText(b, 'home-job')
    expect(jobsAfter).not.toBe(jobsBefore)
    // where the binding invitation was: her own policy matches (a registered unemployed graduate of last summer)
    await page.locator('#home-policy .zj-card').first().waitFor({ timeout: 60_000 })
    expect(await sectionText(b, 'home-policy')).toContain('离校未就业高校毕业生实名服务')
    await b.screenshot('09-home-personalised')
    // 7. 我的资料: a skill added and saved
    await page.goto(b.url('/packages/me/index/index'))
    await page.locator('[data-testid="register-facts"]').waitFor({ timeout: 60_000 })
    await typeInto(b, 'skills', '二氧化碳气体保护焊')
    await buttonByLabel(b, '添加技能').click()
    await buttonByLabel(b, '保存我的资料').click()
    await page.locator('[data-testid="profile-saved"]').waitFor({ timeout: 30_000 })
    await b.screenshot('10-my-profile-saved')
    // 8. 我的简历: built from the profile, with the occupation's wording, saved
    await page.goto(b.url('/packages/me/resume/index'))
    await page.locator('[data-testid="phrases-6-18-02-04"]').waitFor({ timeout: 60_000 })
    expect(await page.locator('[data-testid="resume"]').innerText()).toContain('二氧化碳气体保护焊')
    await buttonByLabel(b, '保存简历').click()
    await page.locator('[data-testid="resume-notice"]').getByText('简历已保存').waitFor({ timeout: 30_000 })
    await b.screenshot('11-resume')
    // 9. apply for the first recommended job
    await page.goto(b.url('/pages/home/index'))
    const firstJob = page.locator('#home-job .zj-card').first()
    await firstJob.waitFor({ timeout: 60_000 })
    await firstJob.click()
    await page.locator('[data-testid="job-detail"]').waitFor({ timeout: 30_000 })
    jobId = new URL(page.url()).searchParams.get('id') ?? ''
    expect(jobId).not.toBe('')
    // 同意招聘方/经办人员联系我 is off until she turns it on
    const consent = page.locator('[data-testid="apply-contact-consent"]:visible')
    await consent.getByText('只能看到隐去中间四位的手机号').waitFor({ timeout: 30_000 })
    await consent.click()
    await consent.getByText('工作人员可以查看您的完整手机号').waitFor({ timeout: 30_000 })
    await b.screenshot('12-apply-consent')
    await buttonByLabel(b, '投递简历').click()
    await page.locator('[data-testid="job-application-status"]').getByText('已投递').waitFor({ timeout: 30_000 })
    await b.screenshot('13-applied')
  } finally {
    await b.close()
  }

  // 长辈版: the same person's pages in large-font mode
  const big = await openBrowser({
    baseUrl: app.url,
    identity: openid,
    largeFont: true,
    testName: 'onboarding-large-font',
  })
  try {
    const page = big.page
    for (const [step, path, testId] of [
      ['01-home', '/pages/home/index', 'home-greeting'],
      ['02-bind', '/packages/me/bind/index', 'bind-done'],
      ['03-my-profile', '/packages/me/index/index', 'register-facts'],
      ['04-resume', '/packages/me/resume/index', 'resume'],
      ['05-welcome', '/packages/me/welcome/index?step=questions', 'welcome-occupations'],
      ['06-my-applications', '/packages/job/applications/index', 'application-contact-consent'],
    ] as const) {
      await page.goto(big.url(path))
      await page.locator(`[data-testid="${testId}"]`).waitFor({ timeout: 60_000 })
      await big.screenshot(step)
    }
  } finally {
    await big.close()
  }

  // staff: the application carries her résumé, phone masked; she agreed, so 查看完整号码 reveals it (audited). The
  // administrator reaches any posting (a district handler only their area's; the recommended job may be anywhere).
  const staff = await openBrowser({ baseUrl: app.url, identity: 'o_demo_admin', testName: 'onboarding-staff' })
  try {
    const page = staff.page
    await page.goto(staff.url(`/packages/job/staff/applications/index?jobId=${encodeURIComponent(jobId)}`))
    const resume = page.locator('[data-testid="staff-application-resume"]').first()
    await resume.waitFor({ timeout: 60_000 })
    const list = await page.locator('[data-testid="staff-applications"]').innerText()
    expect(list).toContain('孙*')
    expect(list).toContain('二氧化碳气体保护焊')
    expect(list).toMatch(/1\d{2}\*{4}\d{4}/)
    expect(list).not.toContain(SUNYUE_PHONE)
    await staff.screenshot('01-application-with-resume')
    await buttonByLabel(staff, '查看完整号码：孙*').click()
    const contact = page
      .locator('[data-testid="staff-applications"] .zj-card')
      .filter({ hasText: '孙*' })
      .first()
      .locator('[data-testid="staff-application-contact"]')
    await contact.getByText(SUNYUE_PHONE).waitFor({ timeout: 30_000 })
    expect(await contact.innerText()).toContain('本次查看已记录')
    await staff.screenshot('02-phone-revealed')
  } finally {
    await staff.close()
  }
})
