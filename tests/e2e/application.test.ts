/**
 * 业务经办 in the H5 app (headless Chromium): the demo resident applies for a policy they match, with photos of
 * the materials → the handler of 370102 asks for a correction → the resident responds → the handler approves →
 * the resident sees it approved, and 政策找人 no longer lists the policy.
 */
import type { Page } from 'playwright-core'
import { buttonByText, openBrowser, useAppStack } from '../helpers/browser'
import { solidPng } from '../helpers/png'

jest.setTimeout(600_000)

const app = useAppStack()
const POLICY = 'vocational-training-subsidy'

async function pickPhoto(page: Page, label: string, rgb: [number, number, number]) {
  await page.locator(`[aria-label="上传${label}照片"]`).first().click()
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser', { timeout: 20_000 }),
    page.getByText('从相册选择').click(),
  ])
  await chooser.setFiles({ name: 'material.png', mimeType: 'image/png', buffer: solidPng(16, 16, rgb) })
  await page.locator(`[aria-label="${label}照片"]`).first().waitFor({ timeout: 30_000 })
}

async function fill(page: Page, testId: string, value: string) {
  const input = page.locator(`[data-testid="${testId}"] input, input[data-testid="${testId}"]`).first()
  await input.click()
  await input.fill(value)
}

test('resident applies with photos → correction → response → approval; 政策找人 then no longer lists the policy', async () => {
  // the resident matched the policy (the batch's record of it)
  const nowMs = Date.now()
  app.emulator.store().put(
    'policy_matches',
    `${POLICY}@1:p_demo_resident`,
    {
      _id: `${POLICY}@1:p_demo_resident`,
      personId: 'p_demo_resident',
      policyId: POLICY,
      version: 1,
      title: '职业培训补贴',
      status: 'eligible',
      channel: 'push',
      openid: 'o_demo_resident',
      cityCode: '370100',
      gridCode: '370102001-01',
      runId: 'e2e',
      matchedAt: new Date(nowMs).toISOString(),
      matchedAtMs: nowMs,
      lapsedAt: null,
    } as never,
    false,
  )

  const r = await openBrowser({ baseUrl: app.url, identity: 'o_demo_resident', testName: 'application-journey' })
  const h = await openBrowser({ baseUrl: app.url, identity: 'o_demo_handler', testName: 'application-journey-handler' })
  try {
    const page = r.page
    // a script error in the page is what a blank page would hide; resource 404s are not worth printing
    page.on('pageerror', (e) => console.log('[pageerror]', e.message, e.stack))
    await page.goto(r.url('/packages/policy/matches/index'))
    await page.locator('[data-testid="policy-matches"]').getByText('职业培训补贴').first().waitFor({ timeout: 60_000 })

    await page.goto(r.url(`/packages/application/form/index?kind=${encodeURIComponent(`policy:${POLICY}`)}`))
    await page
      .locator('[data-testid="application-form"]')
      .waitFor({ timeout: 60_000 })
      .catch(async (e) => {
        await r.screenshot('00-form-missing')
        throw e
      })
    expect(await page.locator('[data-testid="prefill-line"]').count()).toBeGreaterThan(2)
    await fill(page, 'answer-courseName', '电工（初级）')
    await fill(page, 'answer-certificateNo', 'ZS2026001')
    await fill(page, 'answer-bankName', '中国工商银行济南历下支行')
    await fill(page, 'answer-bankAccount', '6222020000000000000')
    for (const [label, rgb] of [
      ['身份证', [200, 0, 0]],
      ['培训合格证书或职业技能等级证书', [0, 200, 0]],
      ['培训机构出具的培训记录', [0, 0, 200]],
      ['本人社会保障卡', [90, 90, 90]],
    ] as const) {
      await pickPhoto(page, label, rgb as [number, number, number])
    }
    await r.screenshot('01-form-filled')
    await buttonByText(r, '保存并核对信息').click()
    await page.locator('[data-testid="application-check"]').waitFor({ timeout: 30_000 })
    await page.getByText('我已阅读并同意以上承诺').click()
    await buttonByText(r, '提交申请').click()
    const receipt = page.locator('[data-testid="application-receipt"]')
    await receipt.waitFor({ timeout: 30_000 })
    expect((await receipt.locator('[data-testid="receipt-tracking"]').innerText()).trim()).toMatch(
      /^BS\d{8}[0-9A-Z]{7}$/,
    )
    const id = new URL(page.url().replace('#', '')).searchParams.get('id') ?? /id=([\w]+)/.exec(page.url())?.[1] ?? ''
    expect(id).toMatch(/^a[0-9a-f]+$/)
    await r.screenshot('02-receipt')

    // the handler takes it and asks for the ID card again
    await h.page.goto(h.url(`/packages/application/review/index?id=${id}`))
    await h.page.locator('[data-testid="application-review"]').waitFor({ timeout: 60_000 })
    await buttonByText(h, '受理').click()
    await h.page
      .locator('.zj-app-option')
      .filter({ hasText: /^身份证$/ })
      .first()
      .waitFor({ timeout: 30_000 })
    await h.page
      .locator('.zj-app-option')
      .filter({ hasText: /^身份证$/ })
      .first()
      .click()
    await fill(h.page, 'review-note', '身份证照片不清晰，请重新拍摄')
    await buttonByText(h, '要求补正').click()
    await h.page.getByText('待补正').first().waitFor({ timeout: 30_000 })
    await h.screenshot('03-correction-requested')

    // the resident responds
    await page.goto(r.url(`/packages/application/detail/index?id=${id}`))
    await page.locator('[data-testid="application-correction"]').waitFor({ timeout: 60_000 })
    await pickPhoto(page, '身份证', [250, 250, 0])
    await fill(page, 'respond-note', '已重新拍摄')
    await buttonByText(r, '提交补正').click()
    await page.getByText('审核中').first().waitFor({ timeout: 30_000 })

    // the handler approves
    await h.page.reload()
    await h.page.locator('[data-testid="application-review"]').waitFor({ timeout: 60_000 })
    await buttonByText(h, '审核通过').click()
    await h.page.getByText('已通过').first().waitFor({ timeout: 30_000 })

    // the resident sees it approved, and 政策找人 no longer lists the policy
    await page.goto(r.url(`/packages/application/detail/index?id=${id}`))
    await page.locator('[data-testid="application-decision"]').getByText('审核通过').waitFor({ timeout: 60_000 })
    await r.screenshot('04-approved')
    await page.goto(r.url('/packages/policy/matches/index'))
    await page.locator('[data-testid="policy-matches"], .zj-state--empty').first().waitFor({ timeout: 60_000 })
    await page.waitForTimeout(500)
    await r.screenshot('05-matches-after')
    expect(await page.locator('[data-testid="policy-matches"]').getByText('职业培训补贴').count()).toBe(0)
    await page.getByText('匹配到的政策都已申领成功').waitFor({ timeout: 10_000 })
  } finally {
    await r.close()
    await h.close()
  }
})
