/**
 * The feedback loop in the H5 app (headless Chromium): the demo resident submits a complaint; the demo handler
 * finds it in the inbox, accepts and replies; the resident rates it and sees the whole timeline.
 */
import { openBrowser, type BrowserSession, buttonByText, useAppStack } from '../helpers/browser'

jest.setTimeout(420_000)

const app = useAppStack()
const CONTENT = '历下区就业服务大厅周末不开放，上班族没法办理失业登记，希望增加周末服务。'
const REPLY = '您好，自下月起历下区就业服务大厅周六上午开放，可办理失业登记。'

async function typeInto(b: BrowserSession, testId: string, text: string) {
  const field = b.page.locator(`[data-testid="${testId}"] textarea, textarea[data-testid="${testId}"]`).first()
  await field.click()
  await field.fill(text)
}

test('resident submits a complaint; handler accepts and replies; resident rates it and sees the timeline', async () => {
  // 1. the resident submits
  const resident = await openBrowser({ baseUrl: app.url, identity: 'o_demo_resident', testName: 'feedback-resident' })
  let trackingNo = ''
  try {
    const page = resident.page
    await page.goto(resident.url('/packages/feedback/submit/index'))
    await page.locator('[data-testid="feedback-form"]').waitFor({ timeout: 60_000 })
    await page.locator('[data-testid="category-complaint"]').click()
    await typeInto(resident, 'feedback-content', CONTENT)
    await page.getByText(`${Array.from(CONTENT).length}/2500`).waitFor()
    await resident.screenshot('01-form')
    await buttonByText(resident, '提交').click()
    const done = page.locator('[data-testid="feedback-submitted"]')
    await done.waitFor({ timeout: 30_000 })
    trackingNo = (await done.locator('[data-testid="tracking-no"]').innerText()).trim()
    expect(trackingNo).toMatch(/^F\d{6}[0-9A-Z]{6}$/)
    expect(await done.innerText()).toContain('历下')
    await resident.screenshot('02-submitted')
  } finally {
    await resident.close()
  }

  // 2. the handler accepts and replies
  const handler = await openBrowser({ baseUrl: app.url, identity: 'o_demo_handler', testName: 'feedback-handler' })
  try {
    const page = handler.page
    await page.goto(handler.url('/packages/staff/feedback/inbox/index'))
    const card = page.locator(`[data-tracking-no="${trackingNo}"]`)
    await card.waitFor({ timeout: 60_000 })
    await handler.screenshot('01-inbox')
    await card.click()
    const detail = page.locator('[data-testid="staff-feedback-detail"]')
    await detail.waitFor({ timeout: 30_000 })
    // the handler sees the complaint but not who the resident is in full
    expect(await detail.innerText()).toContain(CONTENT)
    expect(await detail.innerText()).not.toContain('李晓明')
    await buttonByText(handler, '受理').click()
    await page.locator('[data-testid="feedback-status"]').getByText('已受理').waitFor({ timeout: 20_000 })
    await typeInto(handler, 'reply-content', REPLY)
    await buttonByText(handler, '发送答复').click()
    await page.locator('[data-testid="feedback-status"]').getByText('已答复').waitFor({ timeout: 20_000 })
    await handler.screenshot('02-replied')
  } finally {
    await handler.close()
  }

  // 3. the resident reads the answer, rates it and sees the timeline
  const again = await openBrowser({
    baseUrl: app.url,
    identity: 'o_demo_resident',
    testName: 'feedback-resident-rates',
  })
  try {
    const page = again.page
    await page.goto(again.url(`/packages/feedback/detail/index?trackingNo=${trackingNo}`))
    await page.locator('[data-testid="feedback-reply"]').getByText(REPLY).waitFor({ timeout: 60_000 })
    await page.locator('[data-testid="star-5"]').click()
    await buttonByText(again, '提交评价').click()
    await page.locator('[data-testid="feedback-rating"]').waitFor({ timeout: 20_000 })
    await page.locator('[data-testid="feedback-status"]').getByText('已关闭').waitFor()
    const timeline = await page.locator('[data-testid="feedback-timeline"]').innerText()
    for (const step of ['提交', '受理', '答复', '评价']) expect(timeline).toContain(step)
    expect(timeline).toContain('历下区')
    expect(timeline).not.toContain('经办人')
    await again.screenshot('03-rated-timeline')
  } finally {
    await again.close()
  }
})
