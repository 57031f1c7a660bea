/**
 * The cards of the windowed lists (找工作, 走访名单, 反馈待办) in Chromium on the H5 build: every card has the fixed
 * height the list's spacer maths assumes (hooks/useVisibleWindow: height in design px, 375 px wide phone = half),
 * in normal mode and in 长辈版, and long text is clamped inside the card instead of pushing its buttons out.
 */
import tcb from '@cloudbase/node-sdk'
import { openBrowser, type BrowserSession, useAppStack } from '../helpers/browser'
import { toIsoCst } from '../../shared/calendar/chinaTime'

jest.setTimeout(300_000)

const app = useAppStack()
const LONG =
  '居民反映小区附近的招聘信息太少，希望社区多举办一些家门口的招聘会，也希望把岗位信息贴到社区公告栏，方便不会用手机的老人和残疾人及时了解就业政策和岗位信息。'

beforeAll(async () => {
  const db = tcb
    .init({ env: 'local', serviceUrl: app.emulator.serviceUrl, secretId: 'local', secretKey: 'local' } as never)
    .database()
  // a resident with a long name and a long reason at the top of the grid worker's list
  const person = (await db.collection('persons').doc('p_demo_g1_01').get()).data[0] as Record<string, unknown>
  const { _id: _p, ...pf } = person
  await db.collection('persons').add({ ...pf, _id: 'p_long_01', name: '欧阳玛依努尔·买买提明' })
  // and 200 more residents to visit, so the list is long enough to window
  for (let start = 0; start < 200; start += 25) {
    await Promise.all(
      Array.from({ length: 25 }, (_, k) => {
        const n = String(start + k + 1).padStart(3, '0')
        return db.collection('persons').add({ ...pf, _id: `p_many_${n}`, name: `居民${n}` })
      }),
    )
  }
  const now = app.emulator.now().getTime()
  const iso = (ms: number) => toIsoCst(ms)
  await db.collection('visit_tasks').add({
    _id: 'long:p_long_01',
    key: 'long:p_long_01',
    personId: 'p_long_01',
    gridCode: pf.gridCode,
    streetCode: String(pf.gridCode).slice(0, 9),
    reason: { code: 'policyUnclaimed', text: LONG },
    source: { module: 'policy', refId: 'long' },
    priority: 99,
    status: 'open',
    dueAt: iso(now - 86_400_000),
    dueAtMs: now - 86_400_000,
    createdAt: iso(now - 10 * 86_400_000),
    createdAtMs: now - 10 * 86_400_000,
    attempts: 0,
  })
  // an overdue inbox item with a long text at the top of the handler's inbox
  const fb = (await db.collection('feedback').where({ departmentId: 'dept_370102' }).limit(1).get()).data[0] as Record<
    string,
    unknown
  >
  const { _id: _f, ...ff } = fb
  await db.collection('feedback').add({
    ...ff,
    _id: 'fb_long_01',
    trackingNo: 'F000101LONGAB',
    status: 'submitted',
    content: LONG,
    escalatedAt: iso(now),
    escalatedAtMs: now,
    dueAt: iso(now - 86_400_000),
    dueAtMs: now - 86_400_000,
    reply: null,
    rating: null,
    repliedAtMs: null,
    repliedAt: null,
    review: { state: 'passed', attempts: 0, nextCheckAtMs: null },
  })
})

interface Fit {
  count: number
  heights: number[]
  /** Blocks of a card whose bottom lies below the card's (cut off). */
  spills: string[]
  /** Card titles cut short with an ellipsis. */
  cutTitles: string[]
}

async function measure(b: BrowserSession, card: string, blocks: string): Promise<Fit> {
  return b.page.evaluate(
    ([card, blocks]) => {
      const cards = Array.from(document.querySelectorAll(card))
      const spills: string[] = []
      for (const c of cards) {
        const box = c.getBoundingClientRect()
        for (const el of Array.from(c.querySelectorAll(blocks))) {
          const r = el.getBoundingClientRect()
          if (r.height > 0 && (r.bottom > box.bottom + 0.5 || r.right > box.right + 0.5))
            spills.push(`${el.className}: ${(el.textContent ?? '').slice(0, 20)}`)
        }
      }
      const cutTitles = cards
        .flatMap((c) => Array.from(c.querySelectorAll('.zj-card__title')))
        .filter((t) => t.scrollWidth > t.clientWidth + 1)
        .map((t) => t.textContent ?? '')
      return {
        count: cards.length,
        heights: cards.map((c) => Math.round(c.getBoundingClientRect().height)),
        spills,
        cutTitles,
      }
    },
    [card, blocks] as const,
  )
}

describe.each([
  { mode: 'normal', elder: false, job: 126, outreach: 204, inbox: 132 },
  { mode: '长辈版', elder: true, job: 156, outreach: 260, inbox: 198 },
])('H5: list cards keep their height ($mode)', ({ mode, elder, job, outreach, inbox }) => {
  it('given the 走访名单 with a long name and reason, then every card is as tall as the list assumes and its buttons are inside it', async () => {
    const b = await openBrowser({
      baseUrl: app.url,
      identity: 'o_demo_grid',
      largeFont: elder,
      testName: `list-cards-outreach-${mode}`,
    })
    try {
      await b.page.goto(b.url('/packages/outreach/index/index'))
      await b.page.getByText('欧阳玛依努尔·买买提明', { exact: false }).first().waitFor({ timeout: 60_000 })
      const fit = await measure(
        b,
        '.zj-outreach-card',
        '.zj-card__head, .zj-outreach-item__reasons, .zj-outreach-item__meta, .zj-outreach-item__actions, .zj-btn',
      )
      await b.screenshot('list')
      expect(fit.count).toBeGreaterThan(1)
      expect(new Set(fit.heights)).toEqual(new Set([outreach]))
      expect(fit.spills).toEqual([])
      // only the long name is cut short, with an ellipsis
      expect(fit.cutTitles.every((t) => t.startsWith('欧阳玛依努尔'))).toBe(true)
    } finally {
      await b.close()
    }
  })

  it('given 200+ residents on the 走访名单, when the grid worker scrolls through it, then the screen always shows cards (the spacers are as tall as the cards they stand for) and the end of the list is reached', async () => {
    const b = await openBrowser({
      baseUrl: app.url,
      identity: 'o_demo_grid',
      largeFont: elder,
      testName: `list-cards-outreach-scroll-${mode}`,
    })
    try {
      const { page } = b
      await page.goto(b.url('/packages/outreach/index/index'))
      await page.getByText('欧阳玛依努尔·买买提明', { exact: false }).first().waitFor({ timeout: 60_000 })
      const rendered = () => page.locator('.zj-outreach-card').count()
      // Taro's H5 page scrolls in its own container
      await page.evaluate(() => {
        let el: HTMLElement | null = document.querySelector('.zj-outreach-card')
        while (el && !(el.scrollHeight > el.clientHeight + 10 && /(auto|scroll)/.test(getComputedStyle(el).overflowY)))
          el = el.parentElement
        ;(window as any).__scroller = el ?? document.scrollingElement
      })
      const total = await page.evaluate(() => (window as any).__scroller.scrollHeight as number)
      // the whole list's height is there (spacers), but only a few screens of cards
      expect(total).toBeGreaterThan(200 * outreach)
      expect(await rendered()).toBeLessThan(40)
      for (const at of [0.25, 0.5, 0.75, 1]) {
        await page.evaluate((y) => ((window as any).__scroller as HTMLElement).scrollTo(0, y), Math.round(at * total))
        await page.waitForTimeout(300)
        // the rendered cards cover the whole screen, whatever the position: no blank spacer in view
        const cover = await page.evaluate(() => {
          const rects = Array.from(document.querySelectorAll('.zj-outreach-card')).map((c) => c.getBoundingClientRect())
          return {
            top: Math.min(...rects.map((r) => r.top)),
            bottom: Math.max(...rects.map((r) => r.bottom)),
            screen: innerHeight,
          }
        })
        expect({ at, coversTop: cover.top <= 0, coversBottom: cover.bottom >= cover.screen || at === 1 }).toEqual({
          at,
          coversTop: true,
          coversBottom: true,
        })
        expect(await rendered()).toBeLessThan(40)
      }
      await page.getByText('居民200', { exact: false }).last().waitFor()
      await b.screenshot('end')
      expect(await page.getByText('欧阳玛依努尔·买买提明', { exact: false }).count()).toBe(0)
    } finally {
      await b.close()
    }
  })

  it('given the 反馈待办 with a long, overdue, escalated item, then every card is as tall as the list assumes and nothing spills', async () => {
    const b = await openBrowser({
      baseUrl: app.url,
      identity: 'o_demo_handler',
      largeFont: elder,
      testName: `list-cards-inbox-${mode}`,
    })
    try {
      await b.page.goto(b.url('/packages/staff/feedback/inbox/index'))
      await b.page.getByText('F000101LONGAB', { exact: false }).first().waitFor({ timeout: 60_000 })
      const fit = await measure(b, '.zj-fb-card--fixed', '.zj-card__head, .zj-fb-card__text, .zj-fb-card__meta')
      await b.screenshot('inbox')
      expect(fit.count).toBeGreaterThan(1)
      expect(new Set(fit.heights)).toEqual(new Set([inbox]))
      expect(fit.spills).toEqual([])
      // the tracking number a handler quotes on the phone is never cut short
      expect(fit.cutTitles).toEqual([])
    } finally {
      await b.close()
    }
  })

  it('given 找工作, then every job card is as tall as the list assumes', async () => {
    const b = await openBrowser({
      baseUrl: app.url,
      identity: 'o_demo_resident',
      largeFont: elder,
      testName: `list-cards-jobs-${mode}`,
    })
    try {
      await b.page.goto(b.url('/pages/jobs/index'))
      await b.page.locator('.zj-job-card').nth(2).waitFor({ timeout: 60_000 })
      const fit = await measure(b, '.zj-job-card', '.zj-card__head, .zj-job-card__line, .zj-job-card__tags')
      expect(new Set(fit.heights)).toEqual(new Set([job]))
      expect(fit.spills).toEqual([])
    } finally {
      await b.close()
    }
  })
})
