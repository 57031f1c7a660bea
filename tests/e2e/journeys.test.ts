/**
 * The three journeys of the H5 app in headless Chromium, each run twice: normally and in 长辈版 (large font).
 * One app stack (seeded emulator + H5 server) for the whole file; screenshots per step under
 * test-output/journey-<name>[-elder]/NN-step.png.
 *
 * - resident: log in (demo identity) → home → policy check → job search → apply → training signup →
 *   submit feedback → track it
 * - grid worker: list → offline visits → sync
 * - handler: inbox → accept → reply (the complaint the resident submitted in the same mode)
 */
import tcb from '@cloudbase/node-sdk'
import type { Locator } from 'playwright-core'
import { openBrowser, type BrowserSession, buttonByLabel, useAppStack } from '../helpers/browser'

jest.setTimeout(240_000)

const app = useAppStack()

beforeAll(async () => {
  // 政策找人 as `npm start` runs it once (the policy timer in production), so home can recommend policies
  const rematch = await app.emulator.trigger('policy', 'rematch')
  expect(JSON.stringify(rematch)).toContain('"ok":true')
})

const RESIDENT = 'o_demo_resident'
const GRID = 'o_demo_grid'
const HANDLER = 'o_demo_handler'

function serverDb() {
  const sdk = tcb.init({
    env: 'local',
    serviceUrl: app.emulator.serviceUrl,
    secretId: 'local',
    secretKey: 'local',
  } as never)
  return sdk.database()
}

async function serverDocs<T>(collection: string, where: Record<string, unknown>): Promise<T[]> {
  const res = await serverDb().collection(collection).where(where).limit(100).get()
  return res.data as T[]
}

/** A tab of the H5 tab bar by its text, tapped as a person would (going back first from a sub-page). */
async function tapTab(b: BrowserSession, text: string): Promise<void> {
  const tab = b.page.locator('.weui-tabbar__item').filter({ hasText: text }).first()
  for (let i = 0; i < 4 && !(await tab.isVisible()); i++) {
    await b.page.goBack()
    await tab.waitFor({ timeout: 3_000 }).catch(() => undefined)
  }
  await tab.click()
}

/** Steps numbered in order: 01-login.png, 02-home.png, … */
function stepper(b: BrowserSession) {
  let n = 0
  return async (name: string) => {
    await b.page.waitForTimeout(400) // let the H5 page transition finish
    return b.screenshot(`${String(++n).padStart(2, '0')}-${name}`)
  }
}

/**
 * In 长辈版: the visible page root carries zj-elder, and the given text is measurably larger than it would be
 * without it (the same element measured with the class taken off and put back).
 */
async function expectElder(b: BrowserSession, text: Locator): Promise<void> {
  await text.waitFor()
  const { hasClass, elder, normal } = await text.evaluate((el) => {
    const root = el.closest('.zj-root') as HTMLElement
    const hasClass = root.classList.contains('zj-elder')
    const elder = parseFloat(getComputedStyle(el).fontSize)
    root.classList.remove('zj-elder')
    const normal = parseFloat(getComputedStyle(el).fontSize)
    if (hasClass) root.classList.add('zj-elder')
    return { hasClass, elder, normal }
  })
  expect(hasClass).toBe(true)
  expect(elder / normal).toBeGreaterThanOrEqual(1.2)
}

/** In normal mode no root is in 长辈版. */
async function expectNormal(b: BrowserSession): Promise<void> {
  expect(await b.page.locator('.zj-root.zj-elder').count()).toBe(0)
}

const MODES = [
  { label: 'normal', elder: false, suffix: '' },
  { label: '长辈版', elder: true, suffix: '-elder' },
] as const

/** Tracking numbers the resident journey submitted, per mode, for the handler journey. */
const submitted: Record<string, string> = {}
/** Persons the grid worker journeys visited. */
const visitedByGrid: string[] = []

const COMPLAINTS = {
  normal: '历下区就业服务大厅窗口排队时间太长，等了两个小时才办上失业登记，希望增加窗口。',
  长辈版: '历下区就业服务大厅的叫号屏字太小，老年人看不清，希望改大一些或者增加语音叫号。',
} as const
const REPLY = '您好，已增加两个服务窗口并启用语音叫号，感谢您的监督。'

describe.each(MODES)('H5 journeys ($label)', ({ label, elder, suffix }) => {
  it('resident: log in → home → policy check → job search → apply → training signup → submit feedback → track it', async () => {
    const b = await openBrowser({
      baseUrl: app.url,
      identity: null,
      largeFont: elder,
      testName: `journey-resident${suffix}`,
    })
    const shot = stepper(b)
    const { page } = b
    try {
      // log in: anonymous on 我的, pick the demo resident in the (H5-only) identity switcher
      await page.goto(b.url('/pages/mine/index'))
      const switcher = page.locator('[data-testid="demo-identity"]')
      await switcher.getByText('未登录（匿名）', { exact: false }).waitFor({ timeout: 60_000 })
      await switcher.getByText('切换', { exact: true }).click()
      await switcher.locator(`[data-openid="${RESIDENT}"]`).click()
      await page.locator('.mine__name').getByText('李*明').waitFor({ timeout: 30_000 })
      await shot('login')

      // home: greeted by masked name, with their district
      await tapTab(b, '首页')
      const greeting = page.locator('[data-testid="home-greeting"]')
      await greeting.getByText('历下区', { exact: false }).waitFor({ timeout: 30_000 })
      const hello = await greeting.innerText()
      expect(hello).toContain('李*明')
      expect(hello).not.toContain('李晓明')
      // 为你推荐的政策 lists what 政策找人 matched for them
      await page.locator('.zj-card[aria-label^="查看政策："]').first().waitFor({ timeout: 30_000 })
      if (elder) await expectElder(b, greeting.locator('.home__sub'))
      else await expectNormal(b)
      await shot('home')

      // policy check: from the 政策 tab; the bound record decides some policies already
      await tapTab(b, '政策')
      await buttonByLabel(b, '政策体检：看看我能享受哪些政策').click()
      const check = page.locator('[data-testid="policy-check"]')
      await check.getByText('体检结果').waitFor({ timeout: 30_000 })
      const summaryText = async () => (await check.locator('.zj-po-text').first().innerText()).trim()
      const summary = await summaryText()
      expect(summary).toMatch(/符合 \d+ 项 · 待确定 \d+ 项 · 暂不符合 \d+ 项/)
      expect(await check.innerText()).toContain('已根据您的就业登记信息判断')
      // answer one yes/no question if the check asks one: the question moves on or the summary changes
      const question = check.locator('[data-testid="policy-question"]')
      if ((await question.count()) > 0 && (await question.locator('[aria-label="否"]').count()) > 0) {
        const asked = (await question.locator('.zj-po-h').innerText()).trim()
        await shot('policy-question')
        await question.locator('[aria-label="否"]').click()
        await page.waitForFunction(
          ([before, sum]) => {
            const q = document.querySelector('[data-testid="policy-question"] .zj-po-h')?.textContent?.trim() ?? ''
            const s = document.querySelector('[data-testid="policy-check"] .zj-po-text')?.textContent?.trim() ?? ''
            return q !== before || s !== sum
          },
          [asked, summary] as const,
          { timeout: 30_000 },
        )
      }
      expect(await check.locator('.zj-card').count()).toBeGreaterThan(0)
      await shot('policy-check')

      // job search: 找工作 tab, 济南 焊工
      await tapTab(b, '找工作')
      await page.locator('[data-testid="job-list"] .zj-card').first().waitFor({ timeout: 30_000 })
      const input = page
        .locator('[data-testid="job-search-input"] input, input[data-testid="job-search-input"]')
        .first()
      await input.fill('济南 焊工', { force: true })
      await input.dispatchEvent('input')
      await buttonByLabel(b, '搜索').click()
      await page.waitForFunction(
        () => {
          const cards = Array.from(document.querySelectorAll('[data-testid="job-list"] .zj-card'))
          return (
            cards.length > 1 && cards.every((c) => /焊/.test(c.textContent ?? '') && /济南/.test(c.textContent ?? ''))
          )
        },
        undefined,
        { timeout: 30_000 },
      )
      await shot('job-search')

      // apply: a different posting in each mode (one application per job and person)
      const card = page.locator('[data-testid="job-list"] .zj-card').nth(elder ? 1 : 0)
      const jobTitle = (await card.locator('.zj-card__title').innerText()).trim()
      await card.click()
      const detail = page.locator('[data-testid="job-detail"]')
      await detail.getByText(jobTitle, { exact: false }).first().waitFor({ timeout: 30_000 })
      const jobId = new URL(page.url()).searchParams.get('id') ?? ''
      expect(jobId).toMatch(/^job_/)
      await buttonByLabel(b, '投递简历').click()
      await page.locator('[data-testid="job-application-status"]').getByText('已投递').waitFor({ timeout: 30_000 })
      await shot('job-applied')
      const apps = await serverDocs<{ status: string }>('applications', { jobId, openid: RESIDENT })
      expect(apps).toHaveLength(1)
      // …and it is listed in 我的投递 as 已投递
      await page.goBack()
      await buttonByLabel(b, '我的投递').click()
      const mine = page.locator('[data-testid="my-applications"]')
      await mine
        .locator('.zj-card')
        .filter({ hasText: jobTitle })
        .first()
        .getByText('已投递')
        .first()
        .waitFor({ timeout: 30_000 })
      await shot('my-applications')

      // training signup: 我的 → 我的培训 → a course → 立即报名 (or 候补)
      await tapTab(b, '我的')
      await page.locator('[role="link"][aria-label="我的培训"]').click()
      const courses = page.locator('[data-testid="course-list"] .zj-card')
      await courses.nth(2).waitFor({ timeout: 30_000 })
      await shot('training-list')
      const course = courses.nth(elder ? 2 : 1)
      const courseTitle = (await course.locator('.zj-card__title').innerText()).trim()
      await course.click()
      const courseDetail = page.locator('[data-testid="course-detail"]')
      await courseDetail.getByText(courseTitle).waitFor({ timeout: 30_000 })
      const courseId = new URL(page.url()).searchParams.get('id') ?? ''
      const signupBtn = courseDetail
        .locator('taro-button-core[aria-label="立即报名"], taro-button-core[aria-label="加入候补"]')
        .first()
      await signupBtn.click()
      const tag = courseDetail.locator('.zj-tr-actions').getByText(/已报名|候补中/)
      await tag.first().waitFor({ timeout: 30_000 })
      await buttonByLabel(b, '取消报名').waitFor()
      await shot('training-signed-up')
      const signups = await serverDocs<{ status: string }>('training_signups', { courseId, openid: RESIDENT })
      expect(signups).toHaveLength(1)
      expect(['confirmed', 'waitlisted']).toContain(signups[0].status)

      // submit feedback: from home, 我要反馈
      await page.goto(b.url('/pages/home/index'))
      await buttonByLabel(b, '我要反馈').click()
      await page.locator('[data-testid="feedback-form"]').waitFor({ timeout: 30_000 })
      await page.locator('[data-testid="category-complaint"]').click()
      const content = COMPLAINTS[label]
      const area = page
        .locator('[data-testid="feedback-content"] textarea, textarea[data-testid="feedback-content"]')
        .first()
      await area.click()
      await area.fill(content)
      await page.getByText(`${Array.from(content).length}/2500`).waitFor()
      await shot('feedback-form')
      await page
        .locator('taro-button-core, button')
        .filter({ hasText: /^\s*提交\s*$/ })
        .first()
        .click()
      const done = page.locator('[data-testid="feedback-submitted"]')
      await done.waitFor({ timeout: 30_000 })
      const trackingNo = (await done.locator('[data-testid="tracking-no"]').innerText()).trim()
      expect(trackingNo).toMatch(/^F\d{6}[0-9A-Z]{6}$/)
      expect(await done.innerText()).toContain('答复期限')
      await shot('feedback-submitted')
      submitted[label] = trackingNo
      const fb = await serverDocs<{ content: string }>('feedback', { trackingNo })
      expect(fb).toHaveLength(1)
      expect(fb[0].content).toBe(content)

      // track it: status, due date and the timeline
      await buttonByLabel(b, '查看办理进度').click()
      const fbDetail = page.locator('[data-testid="feedback-detail"]')
      await fbDetail.getByText(trackingNo, { exact: false }).waitFor({ timeout: 30_000 })
      expect(await fbDetail.locator('[data-testid="feedback-due"]').innerText()).toMatch(/答复期限：.+前/)
      expect(await fbDetail.innerText()).toContain(content)
      expect(await fbDetail.innerText()).toContain('办理进程')
      const timeline = await fbDetail.locator('[data-testid="feedback-timeline"]').innerText()
      expect(timeline).toContain('提交')
      if (elder) await expectElder(b, fbDetail.locator('[data-testid="feedback-due"]'))
      else await expectNormal(b)
      await shot('feedback-track')
    } finally {
      await b.close()
    }
  })

  it('grid worker: list → offline visits → sync', async () => {
    const b = await openBrowser({
      baseUrl: app.url,
      identity: GRID,
      largeFont: elder,
      testName: `journey-grid${suffix}`,
    })
    const shot = stepper(b)
    const { page, context } = b
    // the first two persons of the list not visited by an earlier run, so each run counts its own visits
    let people: string[] = []
    const outcomes = ['reached', 'unreachable']
    const serverVisits = async () =>
      (
        await serverDocs<{ personId: string; outcome: string; clientId: string }>('visits', {
          workerOpenid: GRID,
          recordedBy: 'staff',
        })
      ).filter((v) => !v.clientId.startsWith('seed-') && people.includes(v.personId))
    try {
      await page.goto(b.url('/pages/mine/index'))
      await page.locator('[role="link"][aria-label="网格走访"]').click()
      const list = page.locator('[data-testid="outreach-list"]')
      await list.locator('[data-testid^="outreach-item-"]').nth(1).waitFor({ timeout: 60_000 })
      const listed = await list
        .locator('[data-testid^="outreach-item-"]')
        .evaluateAll((els) => els.map((el) => (el.getAttribute('data-testid') ?? '').replace('outreach-item-', '')))
      people = listed.filter((p) => !visitedByGrid.includes(p)).slice(0, 2)
      expect(people).toHaveLength(2)
      visitedByGrid.push(...people)
      expect(await list.innerText()).not.toMatch(/1[3-9]\d{9}/)
      if (elder) await expectElder(b, list.locator(`[data-testid="outreach-item-${people[0]}"]`).getByText('记录走访'))
      else await expectNormal(b)
      await shot('list')
      expect(await serverVisits()).toHaveLength(0)

      await context.setOffline(true)
      for (let i = 0; i < people.length; i++) {
        await list.locator(`[data-testid="outreach-item-${people[i]}"]`).getByText('记录走访').click()
        const form = page.locator('[data-testid="visit-form"]')
        await form.waitFor()
        await form.locator(`[data-testid="outcome-${outcomes[i]}"]`).click()
        await form.getByText('保存', { exact: true }).click()
        await form.waitFor({ state: 'detached' })
      }
      const bar = page.locator('[data-testid="outreach-sync"]')
      await bar.getByText(`待同步 ${people.length}`).waitFor({ timeout: 20_000 })
      await shot('offline-visits')
      expect(await serverVisits()).toHaveLength(0)

      await context.setOffline(false)
      const synced = bar.getByText('待同步 0')
      try {
        await synced.waitFor({ timeout: 15_000 })
      } catch {
        await bar.getByText('立即同步').click()
        await synced.waitFor({ timeout: 20_000 })
      }
      await shot('synced')
      const visits = await serverVisits()
      expect(visits.map((v) => v.personId).sort()).toEqual([...people].sort())
      expect(visits.find((v) => v.personId === people[1])?.outcome).toBe('unreachable')
    } finally {
      await b.close()
    }
  })

  it('handler: inbox → accept → reply', async () => {
    const trackingNo = submitted[label]
    expect(trackingNo).toBeTruthy() // the resident journey of this mode submitted it
    const b = await openBrowser({
      baseUrl: app.url,
      identity: HANDLER,
      largeFont: elder,
      testName: `journey-handler${suffix}`,
    })
    const shot = stepper(b)
    const { page } = b
    try {
      // inbox: from 反馈待办 on home
      await page.goto(b.url('/pages/home/index'))
      await buttonByLabel(b, '反馈待办').click()
      const card = page.locator(`[data-tracking-no="${trackingNo}"]`)
      await card.waitFor({ timeout: 30_000 })
      if (elder) await expectElder(b, card.locator('.zj-fb-card__text').first())
      else await expectNormal(b)
      await shot('inbox')

      // accept
      await card.click()
      const detail = page.locator('[data-testid="staff-feedback-detail"]')
      await detail.getByText(COMPLAINTS[label]).waitFor({ timeout: 30_000 })
      expect(await detail.innerText()).not.toContain('李晓明')
      await buttonByLabel(b, '受理').click()
      await page.locator('[data-testid="feedback-status"]').getByText('已受理').waitFor({ timeout: 20_000 })
      await shot('accepted')

      // reply
      const area = page.locator('[data-testid="reply-content"] textarea, textarea[data-testid="reply-content"]').first()
      await area.click()
      await area.fill(REPLY)
      await buttonByLabel(b, '发送答复').click()
      await page.locator('[data-testid="feedback-status"]').getByText('已答复').waitFor({ timeout: 20_000 })
      await shot('replied')
      const [doc] = await serverDocs<{ status: string }>('feedback', { trackingNo })
      expect(doc.status).toBe('replied')
    } finally {
      await b.close()
    }
  })
})
