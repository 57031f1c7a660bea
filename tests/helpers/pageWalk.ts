/**
 * The UX walk of the H5 build (docs/ux-walk.md): every page, as the identity that reaches it, at 375×667, in normal
 * mode and in 长辈版, a full-page screenshot each (test-output/ux-walk/<mode>/<nn>-<page>.png, git-ignored) and the
 * layout checks a reviewer would otherwise do by eye, measured in the page:
 *
 * - nothing fixed or sticky under the H5 tab bar; no horizontal overflow (wider than 375 px);
 * - a sub-page (not a tab page) shows Taro's H5 navigation bar with a title and a back (or home) button;
 * - tap targets (buttons, switches, checkboxes, radios, role=button) at least 44 px tall and wide;
 * - button labels vertically centred in their button, input text centred in its box;
 * - text areas at ≥ 16 px (≥ 20 px in 长辈版) and at least three lines tall;
 * - tags not clipped (text wider than the tag or the tag outside its card);
 * - no 「即将上线」, no raw JSON, no internal codes (dept_…, o_demo_…, action names such as feedback.accept,
 *   policy@version, noConsent), no ISO timestamps or undefined/null/NaN on screen;
 * - the page settled: no skeleton left after the wait.
 *
 * Error and empty states are recorded (a walk of an unbound user expects some) but are not findings by themselves.
 */
import fs from 'node:fs'
import path from 'node:path'
import tcb from '@cloudbase/node-sdk'
import type { Page } from 'playwright-core'
import { MOBILE_VIEWPORT, openBrowser, type BrowserSession } from './browser'
import { REPO_ROOT } from '../../scripts/appBuild'

export type WalkIdentity = 'anonymous' | 'newUser' | 'resident' | 'grid' | 'handler' | 'admin'

export const WALK_OPENIDS: Record<Exclude<WalkIdentity, 'anonymous' | 'newUser'>, string> = {
  resident: 'o_demo_resident',
  grid: 'o_demo_grid',
  handler: 'o_demo_handler',
  admin: 'o_demo_admin',
}

/** Ids of seeded records the detail pages open (found in the emulator's database before the walk). */
export interface WalkIds {
  jobId: string
  courseId: string
  policyId: string
  feedbackOwn: string
  feedbackInbox: string
  personId: string
  draftId: string
}

export interface WalkPage {
  /** Short name, used in the screenshot file name. */
  name: string
  who: WalkIdentity
  /** Path with query; `ids` fills in the seeded records. */
  path: (ids: WalkIds) => string
}

const p = (name: string, who: WalkIdentity, route: string | ((ids: WalkIds) => string)): WalkPage => ({
  name,
  who,
  path: typeof route === 'string' ? () => route : route,
})

/** Every page of app.config.ts, each once (some twice: signed out and signed in), as who reaches it. */
export const WALK_PAGES: WalkPage[] = [
  // signed out
  p('home-signed-out', 'anonymous', '/pages/home/index'),
  p('jobs-signed-out', 'anonymous', '/pages/jobs/index'),
  p('mine-signed-out', 'anonymous', '/pages/mine/index'),
  p('feedback-submit-signed-out', 'anonymous', '/packages/feedback/submit/index'),
  // a brand-new user (unbound)
  p('home-new-user', 'newUser', '/pages/home/index'),
  p('me-welcome', 'newUser', '/packages/me/welcome/index'),
  p('me-bind', 'newUser', '/packages/me/bind/index'),
  p('me-profile-unbound', 'newUser', '/packages/me/index/index'),
  p('policy-matches-unbound', 'newUser', '/packages/policy/matches/index'),
  // resident
  p('home', 'resident', '/pages/home/index'),
  p('jobs', 'resident', '/pages/jobs/index'),
  p('policies', 'resident', '/pages/policies/index'),
  p('mine', 'resident', '/pages/mine/index'),
  p('job-detail', 'resident', (i) => `/packages/job/index/index?id=${i.jobId}`),
  p('job-applications', 'resident', '/packages/job/applications/index'),
  p('job-favorites', 'resident', '/packages/job/favorites/index'),
  p('job-nearby', 'resident', '/packages/job/nearby/index'),
  p('policy-detail', 'resident', (i) => `/packages/policy/index/index?id=${i.policyId}`),
  p('policy-check', 'resident', '/packages/policy/check/index'),
  p('policy-matches', 'resident', '/packages/policy/matches/index'),
  p('training', 'resident', '/packages/training/index/index'),
  p('training-detail', 'resident', (i) => `/packages/training/detail/index?id=${i.courseId}`),
  p('training-mine', 'resident', '/packages/training/mine/index'),
  p('training-records', 'resident', '/packages/training/records/index'),
  p('feedback', 'resident', '/packages/feedback/index/index'),
  p('feedback-submit', 'resident', '/packages/feedback/submit/index'),
  p('feedback-detail', 'resident', (i) => `/packages/feedback/detail/index?trackingNo=${i.feedbackOwn}`),
  p('notify', 'resident', '/packages/notify/index/index'),
  p('notify-subscribe', 'resident', '/packages/notify/subscribe/index'),
  p('me-profile', 'resident', '/packages/me/index/index'),
  p('me-privacy', 'resident', '/packages/me/privacy/index'),
  p('me-data', 'resident', '/packages/me/data/index'),
  p('me-resume', 'resident', '/packages/me/resume/index'),
  p('assistant-chat', 'resident', '/packages/assistant/chat/index'),
  p('application', 'resident', '/packages/application/index/index'),
  p('application-form', 'resident', '/packages/application/form/index?kind=employmentRegistration'),
  p('application-detail', 'resident', (i) => `/packages/application/detail/index?id=${i.draftId}`),
  // grid worker
  p('outreach', 'grid', '/packages/outreach/index/index'),
  p('outreach-person', 'grid', (i) => `/packages/outreach/person/index?personId=${i.personId}`),
  p('outreach-visit', 'grid', (i) => `/packages/outreach/visit/index?personId=${i.personId}`),
  p('outreach-sync', 'grid', '/packages/outreach/sync/index'),
  p('outreach-grid', 'grid', '/packages/outreach/grid/index'),
  // complaint handler (department staff)
  p('staff', 'handler', '/packages/staff/index/index'),
  p('staff-inbox', 'handler', '/packages/staff/feedback/inbox/index'),
  p('staff-feedback-detail', 'handler', (i) => `/packages/staff/feedback/detail/index?trackingNo=${i.feedbackInbox}`),
  p('feedback-stats', 'handler', '/packages/feedback/stats/index'),
  p('application-queue', 'handler', '/packages/application/queue/index'),
  p('assistant-staff', 'handler', '/packages/assistant/staff/index'),
  // administrator
  p('staff-admin', 'admin', '/packages/staff/index/index'),
  p('admin-users', 'admin', '/packages/staff/admin/users/index'),
  p('admin-blocks', 'admin', '/packages/staff/admin/blocks/index'),
  p('admin-audit', 'admin', '/packages/staff/admin/audit/index'),
  p('admin-requests', 'admin', '/packages/staff/admin/requests/index'),
  p('admin-outbox', 'admin', '/packages/staff/admin/outbox/index'),
  p('admin-policy', 'admin', '/packages/staff/admin/policy/index'),
  p('job-staff', 'admin', '/packages/job/staff/index'),
  p('job-staff-post', 'admin', '/packages/job/staff/post/index'),
  p('job-staff-applications', 'admin', (i) => `/packages/job/staff/applications/index?jobId=${i.jobId}`),
  p('assistant-holidays', 'admin', '/packages/assistant/holidays/index'),
  p('monitor', 'admin', '/packages/monitor/index/index'),
  p('exchange', 'admin', '/packages/exchange/index/index'),
  p('exchange-imports', 'admin', '/packages/exchange/imports/index'),
  p('exchange-export', 'admin', '/packages/exchange/export/index'),
]

export const TAB_PAGES = ['/pages/home/index', '/pages/jobs/index', '/pages/policies/index', '/pages/mine/index']

/** Finds the records the detail pages open, and makes the resident a draft application (none is seeded). */
export async function findWalkIds(serviceUrl: string, appUrl: string): Promise<WalkIds> {
  const db = tcb.init({ env: 'local', serviceUrl, secretId: 'local', secretKey: 'local' } as never).database()
  const first = async (coll: string, where: Record<string, unknown>, field = '_id') => {
    const r = await db.collection(coll).where(where).orderBy('_id', 'asc').limit(1).get()
    const doc = r.data[0] as Record<string, unknown> | undefined
    if (!doc) throw new Error(`the walk needs a seeded ${coll} record matching ${JSON.stringify(where)}`)
    return String(doc[field])
  }
  const draft = await callAs(appUrl, WALK_OPENIDS.resident, 'application', {
    action: 'draft',
    kind: 'employmentRegistration',
    requestId: 'req-ux-walk-draft',
  })
  return {
    jobId: await first('jobs', { status: 'open' }),
    courseId: await first('courses', {}),
    policyId: await first('policies', {}, 'id'),
    feedbackOwn: await first('feedback', { openid: WALK_OPENIDS.resident }, 'trackingNo'),
    feedbackInbox: await first('feedback', { departmentId: 'dept_370102' }, 'trackingNo'),
    personId: await first('visit_tasks', { gridCode: '370102001-01', status: 'open' }, 'personId'),
    draftId: String(draft.applicationId ?? ''),
  }
}

/** Calls a function through the H5 server as a demo identity (what the app does). */
export async function callAs(appUrl: string, openid: string, name: string, data: Record<string, unknown>) {
  const res = await fetch(new URL('/__cloud/call', appUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-demo-openid': openid },
    body: JSON.stringify({ name, data }),
  })
  const body = (await res.json()) as { ok: boolean; data?: unknown; error?: { message: string } }
  if (!body.ok) throw new Error(`${name}.${String(data.action)}: ${body.error?.message}`)
  return body.data as Record<string, unknown>
}

export interface PageProbe {
  /** Layout defects found by the checks (each a short Chinese-or-English line naming the element). */
  findings: string[]
  /** What the page shows as state: error / empty texts. */
  states: string[]
  title: string
}

/** Waits until the page has no skeleton left (or `ms` passed), then a beat for layout. */
export async function settle(page: Page, ms = 15_000): Promise<boolean> {
  await page.waitForLoadState('networkidle', { timeout: ms }).catch(() => undefined)
  const done = await page
    .waitForFunction(
      () =>
        !Array.from(document.querySelectorAll('[aria-busy="true"]')).some((el) => {
          const r = el.getBoundingClientRect()
          return r.width > 0 && r.height > 0
        }),
      undefined,
      { timeout: ms },
    )
    .then(() => true)
    .catch(() => false)
  await page.waitForTimeout(250)
  return done
}

/** The checks of the file comment, measured in the page as it is now. */
export async function probePage(page: Page, opts: { tabPage: boolean; elder: boolean }): Promise<PageProbe> {
  // tsx (esbuild keepNames) wraps named functions in __name(); give the page one when run from a script
  await page.evaluate('window.__name = window.__name || ((f) => f)')
  return page.evaluate(({ tabPage, elder }) => {
    const findings: string[] = []
    const states: string[] = []
    const vw = window.innerWidth
    const shown = (el: Element) => {
      const r = el.getBoundingClientRect()
      if (r.width <= 0 || r.height <= 0) return false
      for (let e: Element | null = el; e; e = e.parentElement) {
        const s = getComputedStyle(e)
        if (s.display === 'none' || s.visibility === 'hidden' || Number(s.opacity) === 0) return false
      }
      return true
    }
    const label = (el: Element) =>
      (el.getAttribute('aria-label') || (el.textContent ?? '').replace(/\s+/g, ' ').trim()).slice(0, 24) ||
      el.tagName.toLowerCase()
    const textRect = (el: Element): DOMRect | null => {
      const range = document.createRange()
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT)
      let top = Infinity
      let bottom = -Infinity
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (!(n.textContent ?? '').trim()) continue
        if (!shown(n.parentElement as Element)) continue
        range.selectNodeContents(n)
        for (const r of Array.from(range.getClientRects())) {
          if (r.height <= 0) continue
          top = Math.min(top, r.top)
          bottom = Math.max(bottom, r.bottom)
        }
      }
      return top === Infinity ? null : new DOMRect(0, top, 1, bottom - top)
    }
    const page = document.querySelector('.taro_page:not([style*="display: none"])') ?? document.body
    const text = (page as HTMLElement).innerText ?? ''

    // words and codes that must not reach the screen
    const banned: [RegExp, string][] = [
      [/即将上线/, '「即将上线」'],
      [/\{\s*"[\w$]+"\s*:/, 'raw JSON'],
      [/\bdept_\w+/, 'internal department id'],
      [/\bo_(demo|new)_\w+/, 'openid'],
      [
        /\b(feedback|job|policy|user|outreach|notify|training|privacy|application|exchange|monitor|assistant|admin)\.[a-z]\w*\b/,
        'action name',
      ],
      [/[a-z][\w-]+@\d+\b/, 'policy@version code'],
      [/\bnoConsent\b|\bpushUndelivered\b|\bpolicyUnclaimed\b/, 'internal reason code'],
      [/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/, 'ISO timestamp'],
      [/\bundefined\b|\bNaN\b|\[object Object\]|(^|[^\w])null([^\w]|$)/, 'undefined/null/NaN'],
    ]
    for (const [re, what] of banned) {
      const m = text.match(re)
      if (m) findings.push(`${what} on screen: 「${m[0].trim().slice(0, 40)}」`)
    }

    // states
    for (const el of Array.from(page.querySelectorAll('.zj-state--error, [role="alert"]')))
      if (shown(el)) states.push(`error: ${label(el)}`)
    for (const el of Array.from(page.querySelectorAll('.zj-state--empty')))
      if (shown(el)) states.push(`empty: ${label(el)}`)
    for (const el of Array.from(page.querySelectorAll('[aria-busy="true"]')))
      if (shown(el)) findings.push('still loading (skeleton) after the wait')

    // text flush against the screen edge (a block without the page's side padding)
    {
      const walker = document.createTreeWalker(page, NodeFilter.SHOW_TEXT)
      const range = document.createRange()
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const t = (n.textContent ?? '').trim()
        if (!t || !shown(n.parentElement as Element)) continue
        range.selectNodeContents(n)
        const r = range.getBoundingClientRect()
        if (r.width > 0 && r.top < window.innerHeight && r.left < 6) {
          findings.push(`text 「${t.slice(0, 12)}」 flush against the left edge`)
          break
        }
      }
    }

    // horizontal overflow
    const sw = document.documentElement.scrollWidth
    if (sw > vw + 1) findings.push(`page ${sw} px wide (viewport ${vw})`)

    // the tab bar and what sits under it
    const tabbar = Array.from(document.querySelectorAll('.taro-tabbar__tabbar')).find(shown)
    if (tabPage && tabbar) {
      const tb = tabbar.getBoundingClientRect()
      for (const el of Array.from(page.querySelectorAll('*'))) {
        const pos = getComputedStyle(el).position
        if (pos !== 'fixed' && pos !== 'sticky') continue
        if (!shown(el) || tabbar.contains(el)) continue
        const r = el.getBoundingClientRect()
        if (r.bottom > tb.top + 1 && r.top < tb.bottom) findings.push(`${pos} 「${label(el)}」 under the tab bar`)
        for (const b of Array.from(el.querySelectorAll('taro-button-core, [role="button"]'))) {
          const br = b.getBoundingClientRect()
          if (shown(b) && br.bottom > tb.top + 1) findings.push(`button 「${label(b)}」 under the tab bar`)
        }
      }
    }

    // sub-page navigation bar
    const title = (document.querySelector('.taro-navigation-bar-title')?.textContent ?? '').trim()
    if (!tabPage) {
      const bar = document.getElementById('taro-navigation-bar')
      if (!bar || !shown(bar)) findings.push('no navigation bar (title / back) on a sub-page')
      else {
        if (!title) findings.push('navigation bar without a title')
        const btn = Array.from(bar.querySelectorAll('.taro-navigation-bar-back, .taro-navigation-bar-home')).find(shown)
        if (!btn) findings.push('navigation bar without a back / home button')
      }
    }

    // tap targets and centring
    const taps = Array.from(
      page.querySelectorAll(
        'taro-button-core, button, [role="button"], [role="switch"], [role="checkbox"], [role="radio"], [role="link"], [role="tab"], taro-switch-core, taro-checkbox-core, taro-radio-core',
      ),
    ).filter((el) => shown(el) && !el.parentElement?.closest('taro-button-core, [role="button"], [role="tab"]'))
    const minTap = 44
    for (const el of taps) {
      const r = el.getBoundingClientRect()
      // a control inside a larger labelled row (a switch in a row that toggles it) counts as that row
      const row = el.closest('label, .zj-tap-row')
      const rr = row ? row.getBoundingClientRect() : r
      if (Math.max(r.height, rr.height) < minTap - 0.5 || Math.max(r.width, rr.width) < minTap - 0.5)
        findings.push(`tap target 「${label(el)}」 ${Math.round(r.width)}×${Math.round(r.height)} px`)
      if (el.tagName.toLowerCase() === 'taro-button-core' || el.tagName.toLowerCase() === 'button') {
        const t = textRect(el)
        if (t && r.height >= 30) {
          const off = t.top + t.height / 2 - (r.top + r.height / 2)
          if (Math.abs(off) > 4) findings.push(`label of 「${label(el)}」 ${Math.round(off)} px off centre`)
        }
      }
    }
    for (const el of Array.from(page.querySelectorAll('taro-input-core'))) {
      if (!shown(el)) continue
      const input = el.querySelector('input')
      if (!input) continue
      const box = el.getBoundingClientRect()
      const ir = input.getBoundingClientRect()
      const fs = parseFloat(getComputedStyle(input).fontSize)
      const textMid = ir.top + ir.height / 2
      if (box.height > fs * 2 && Math.abs(textMid - (box.top + box.height / 2)) > 4)
        findings.push(
          `input 「${input.placeholder || label(el)}」 text ${Math.round(textMid - box.top)} px from top of ${Math.round(box.height)} px box`,
        )
    }

    // text areas
    for (const el of Array.from(page.querySelectorAll('textarea'))) {
      if (!shown(el)) continue
      const s = getComputedStyle(el)
      const fs = parseFloat(s.fontSize)
      const lh = parseFloat(s.lineHeight) || fs * 1.4
      const h = el.getBoundingClientRect().height
      const min = elder ? 20 : 16
      if (fs < min - 0.1) findings.push(`text area 「${el.placeholder.slice(0, 16)}」 at ${fs} px`)
      if (h < lh * 3 - 1)
        findings.push(`text area 「${el.placeholder.slice(0, 16)}」 ${Math.round(h)} px tall (< 3 lines)`)
    }

    // clipped tags
    for (const el of Array.from(page.querySelectorAll('.zj-tag, .zj-chip'))) {
      if (!shown(el)) continue
      const r = el.getBoundingClientRect()
      const h = el as HTMLElement
      if (h.scrollWidth > h.clientWidth + 1 || h.scrollHeight > h.clientHeight + 1)
        findings.push(`tag 「${label(el)}」 clipped`)
      const card = el.closest('.zj-card')
      if (card) {
        const c = card.getBoundingClientRect()
        if (r.right > c.right + 0.5 || r.bottom > c.bottom + 0.5) findings.push(`tag 「${label(el)}」 outside its card`)
      }
    }
    return { findings: Array.from(new Set(findings)), states: Array.from(new Set(states)), title }
  }, opts)
}

/**
 * `<file>.png`: the phone's screen as the user first sees it (375×667). The H5 page scrolls inside its
 * `.taro_page`, so a full-page screenshot is the screen too: when the page is taller, `<file>-full.png` is taken
 * with the viewport stretched to the whole page (fixed bars then sit at its bottom).
 */
async function shoot(page: Page, file: string): Promise<string> {
  fs.mkdirSync(path.dirname(file), { recursive: true })
  await page.screenshot({ path: `${file}.png` })
  const size = page.viewportSize() ?? MOBILE_VIEWPORT
  const tall = await page.evaluate(() => {
    const el = Array.from(document.querySelectorAll('.taro_page')).find((p) => p.getBoundingClientRect().height > 0)
    return el ? el.scrollHeight - el.clientHeight : 0
  })
  if (tall > 48) {
    await page.setViewportSize({ width: size.width, height: Math.min(size.height + tall, 6000) })
    await page.waitForTimeout(200)
    await page.screenshot({ path: `${file}-full.png` })
    await page.setViewportSize(size)
    await page.waitForTimeout(100)
  }
  return `${file}.png`
}

export interface WalkResult {
  mode: 'normal' | 'elder'
  name: string
  who: WalkIdentity
  path: string
  screenshot: string
  settled: boolean
  probe: PageProbe
}

export const WALK_OUTPUT = path.join(REPO_ROOT, 'test-output', 'ux-walk')

/** Walks `pages` in one mode: one browser per identity, a fresh load of each page, a screenshot and a probe. */
export async function walk(options: {
  appUrl: string
  ids: WalkIds
  elder: boolean
  pages?: WalkPage[]
  onPage?: (r: WalkResult) => void
}): Promise<WalkResult[]> {
  const mode = options.elder ? 'elder' : 'normal'
  const pages = options.pages ?? WALK_PAGES
  const results: WalkResult[] = []
  const byWho = new Map<WalkIdentity, WalkPage[]>()
  for (const pg of pages) byWho.set(pg.who, [...(byWho.get(pg.who) ?? []), pg])
  for (const [who, list] of byWho) {
    const identity =
      who === 'anonymous' ? null : who === 'newUser' ? `o_new_walk${mode}${Date.now().toString(36)}` : WALK_OPENIDS[who]
    const b: BrowserSession = await openBrowser({
      baseUrl: options.appUrl,
      identity,
      largeFont: options.elder,
      testName: `ux-walk-browser`,
    })
    try {
      for (const pg of list) {
        const route = pg.path(options.ids)
        await b.page.goto(b.url(route))
        const settled = await settle(b.page)
        const probe = await probePage(b.page, {
          tabPage: TAB_PAGES.includes(route.split('?')[0]),
          elder: options.elder,
        })
        const n = String(pages.indexOf(pg) + 1).padStart(2, '0')
        const screenshot = await shoot(b.page, path.join(WALK_OUTPUT, mode, `${n}-${pg.name}`))
        const r: WalkResult = { mode, name: pg.name, who, path: route, screenshot, settled, probe }
        results.push(r)
        options.onPage?.(r)
      }
    } finally {
      await b.close()
    }
  }
  fs.mkdirSync(WALK_OUTPUT, { recursive: true })
  fs.writeFileSync(path.join(WALK_OUTPUT, `${mode}.json`), JSON.stringify(results, null, 2))
  return results
}
