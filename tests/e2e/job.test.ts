/**
 * Jobs in the H5 app (headless Chromium): the demo resident searches 焊工 in 济南, opens a posting and applies;
 * a staff member (the demo handler) moves the application to 面试; the resident sees 邀请面试 in 我的投递.
 */
import { openBrowser, buttonByLabel, useAppStack } from '../helpers/browser'

jest.setTimeout(420_000)

const app = useAppStack()

test('resident finds 焊工 in 济南 and applies; staff invite to an interview; the resident sees it', async () => {
  // 1. the resident searches and applies
  const resident = await openBrowser({ baseUrl: app.url, identity: 'o_demo_resident', testName: 'job-resident' })
  let jobId = ''
  let jobTitle = ''
  try {
    const page = resident.page
    await page.goto(resident.url('/pages/jobs/index'))
    await page.locator('[data-testid="job-list"] .zj-card').first().waitFor({ timeout: 60_000 })
    const input = page.locator('[data-testid="job-search-input"] input, input[data-testid="job-search-input"]').first()
    await input.waitFor({ state: 'attached' })
    await resident.screenshot('00-list')
    await input.fill('济南 焊工', { force: true })
    await input.dispatchEvent('input')
    await buttonByLabel(resident, '搜索').click()
    // every card now is a 焊工 posting in 济南
    await page.waitForFunction(
      () => {
        const cards = Array.from(document.querySelectorAll('[data-testid="job-list"] .zj-card'))
        return (
          cards.length > 0 && cards.every((c) => /焊/.test(c.textContent ?? '') && /济南/.test(c.textContent ?? ''))
        )
      },
      undefined,
      { timeout: 30_000 },
    )
    await resident.screenshot('01-search')
    const first = page.locator('[data-testid="job-list"] .zj-card').first()
    jobTitle = (await first.locator('.zj-card__title').innerText()).trim()
    await first.click()
    const detail = page.locator('[data-testid="job-detail"]')
    await detail.waitFor({ timeout: 30_000 })
    expect(await detail.innerText()).toContain(jobTitle)
    jobId = new URL(page.url()).searchParams.get('id') ?? ''
    expect(jobId).toMatch(/^job_/)
    // the employer's phone is masked
    expect(await detail.innerText()).toMatch(/1\d{2}\*{4}\d{4}/)
    await buttonByLabel(resident, '投递简历').click()
    await page.locator('[data-testid="job-application-status"]').getByText('已投递').waitFor({ timeout: 30_000 })
    await resident.screenshot('02-applied')
  } finally {
    await resident.close()
  }

  // 2. staff move the application to interview
  const staff = await openBrowser({ baseUrl: app.url, identity: 'o_demo_handler', testName: 'job-staff' })
  try {
    const page = staff.page
    await page.goto(staff.url(`/packages/job/staff/applications/index?jobId=${encodeURIComponent(jobId)}`))
    const list = page.locator('[data-testid="staff-applications"]')
    await list.locator('.zj-card').first().waitFor({ timeout: 60_000 })
    expect(await list.innerText()).toContain('李*明')
    await list.locator('taro-button-core[aria-label^="邀请面试"], button[aria-label^="邀请面试"]').first().click()
    await list.getByText('邀请面试').first().waitFor({ timeout: 30_000 })
    await page.waitForFunction(
      () =>
        /邀请面试/.test(document.querySelector('[data-testid="staff-applications"] .zj-card__head')?.textContent ?? ''),
      undefined,
      { timeout: 30_000 },
    )
    await staff.screenshot('03-interview')
  } finally {
    await staff.close()
  }

  // 3. the resident sees it
  const again = await openBrowser({ baseUrl: app.url, identity: 'o_demo_resident', testName: 'job-resident-after' })
  try {
    const page = again.page
    await page.goto(again.url('/packages/job/applications/index'))
    const mine = page.locator('[data-testid="my-applications"]')
    await mine.locator('.zj-card').first().waitFor({ timeout: 60_000 })
    const card = mine.locator('.zj-card').filter({ hasText: jobTitle }).first()
    await card.getByText('邀请面试').first().waitFor({ timeout: 30_000 })
    await again.screenshot('04-resident-sees-interview')
  } finally {
    await again.close()
  }
})
