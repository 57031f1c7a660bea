/** @jest-environment node */
/**
 * 问一问 on the compiled weapp build against the real backend (issue 20): an everyday question gets an answer
 * with its cited policy, 有帮助 is recorded on the server, and a question the library cannot answer offers 转人工,
 * which opens a 咨询 prefilled with the question.
 */
import { useSimulatedApp, type SimPage } from '../helpers/simulate'

jest.setTimeout(240_000)

const env = useSimulatedApp()

async function ask(page: SimPage, question: string): Promise<void> {
  const input = page.comp.dom.querySelector('wx-input')
  await page.fire(`[data-sid="${input?.getAttribute('data-sid')}"]`, 'input', { value: question })
  await page.tapText('发送')
}

describe('weapp 问一问', () => {
  it('given a resident, when they tap an example question, then the answer cites the policy and 有帮助 is recorded', async () => {
    const app = env.open('o_demo_resident')
    const page = await app.openPage('packages/assistant/chat/index')
    await page.waitForText('大家常问', 30_000)
    await page.tapText('我失业了能领多少钱')
    await page.waitForText('失业保险金', 30_000)
    expect(page.text()).toContain('回答依据本平台政策库和办事指南整理')
    await page.tapText('有帮助')
    await page.waitForText('感谢评价', 10_000)
    await app.settle()
    const rated = (await env.emu.sdk().database().collection('assistant_asks').where({ helpful: true }).get())
      .data as unknown[]
    expect(rated.length).toBe(1)
  })

  it('given a question the library does not answer, then 转人工 opens a 咨询 with the question filled in', async () => {
    const app = env.open('o_demo_resident')
    const page = await app.openPage('packages/assistant/chat/index')
    await page.waitForText('大家常问', 30_000)
    await ask(page, '明天济南下雨吗')
    await page.waitForText('这个问题我还答不准', 30_000)
    expect(page.text()).not.toContain('有帮助')
    await page.tapText('转人工')
    await app.settle()
    const nav = app.navigations().find((n) => n.url.includes('/packages/feedback/submit/index'))
    expect(nav?.url).toContain('category=consultation')
    expect(decodeURIComponent(nav?.url ?? '')).toContain('content=明天济南下雨吗')
  })
})
