/**
 * 问一问 in the H5 app (headless Chromium): a resident asks in their own words, gets an answer citing the policy,
 * opens the policy from the card, comes back and taps 转人工, which opens a 咨询 prefilled with the question;
 * submitting it creates the consultation.
 */
import { openBrowser, buttonByText, useAppStack } from '../helpers/browser'

jest.setTimeout(420_000)

const app = useAppStack()
const QUESTION = '我失业了能领多少钱'

test('ask → answer with citation → open the policy → 转人工 creates the consultation', async () => {
  const b = await openBrowser({ baseUrl: app.url, identity: 'o_demo_resident2', testName: 'assistant-journey' })
  try {
    const page = b.page
    await page.goto(b.url('/packages/assistant/chat/index'))
    await page.locator('[data-testid="chat-list"]').waitFor({ state: 'attached', timeout: 60_000 })
    await b.screenshot('00-open')
    const input = page.locator('[data-testid="ask-input"] input, input[data-testid="ask-input"]').first()
    await input.waitFor({ timeout: 30_000 })
    await input.click()
    await input.fill(QUESTION)
    await buttonByText(b, '发送').click()

    const answer = page.locator('[data-testid="chat-answer"]').first()
    await answer.waitFor({ timeout: 30_000 })
    const card = answer.locator('[data-testid="citation-policy"]').first()
    expect(await card.innerText()).toContain('失业保险金')
    expect(await card.innerText()).toContain('国务院令第258号')
    await b.screenshot('01-answer')

    await card.click()
    const detail = page.locator('[data-testid="policy-detail"]')
    await detail.waitFor({ timeout: 30_000 })
    expect(await detail.innerText()).toContain('失业保险金')
    await b.screenshot('02-policy')
    await page.goBack()

    await page.locator('[data-testid="chat-answer"]').first().waitFor({ timeout: 30_000 })
    await buttonByText(b, '转人工').first().click()
    await page.locator('[data-testid="feedback-form"]').waitFor({ timeout: 60_000 })
    const content = page
      .locator('[data-testid="feedback-content"] textarea, textarea[data-testid="feedback-content"]')
      .first()
    expect(await content.inputValue()).toBe(QUESTION)
    expect(await page.locator('[data-testid="category-consultation"]').getAttribute('aria-checked')).toBe('true')
    await b.screenshot('03-handover-form')
    await buttonByText(b, '提交').click()
    const done = page.locator('[data-testid="feedback-submitted"]')
    await done.waitFor({ timeout: 30_000 })
    expect((await done.locator('[data-testid="tracking-no"]').innerText()).trim()).toMatch(/^F\d{6}[0-9A-Z]{6}$/)
    await b.screenshot('04-consultation-created')
  } finally {
    await b.close()
  }
})
