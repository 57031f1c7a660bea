/**
 * Browser tests on the H5 build: the emulator (fresh temp data dir, seeded) and the H5 server on random
 * ports, and headless Chromium (playwright-core, /usr/bin/chromium) with a 375×667 mobile viewport.
 *
 *   const app = await startAppStack()                    // once per file (beforeAll)
 *   const b = await openBrowser({ baseUrl: app.url, identity: 'o_demo_resident', testName: 'resident-home' })
 *   await b.page.goto(b.url('/pages/home/index')); await b.screenshot('home')
 *   await b.close(); await app.stop()
 *
 * The H5 build is made once per source state (scripts/appBuild.ts, output .build/h5) and reused.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core'
import { startEmulatorServer, type EmulatorServer } from '../../mock/emulator/index'
import { startH5Server, type H5Server } from '../../mock/h5server'
import { ensureAppBuild, REPO_ROOT } from '../../scripts/appBuild'
import { DEMO_STORAGE_KEY } from '../../miniprogram/src/services/demoIdentity'

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]
export const MOBILE_VIEWPORT = { width: 375, height: 667 }
/** For beforeAll: the first test file may run (or wait for) the H5 production build on a busy machine. */
export const BUILD_TIMEOUT_MS = 900_000
export const H5_TEST_OUTPUT_ROOT = path.join(REPO_ROOT, '.build', 'h5')
const LARGE_FONT_KEY = 'zhijiu.largeFont'

export interface AppStack {
  /** The H5 server, e.g. http://127.0.0.1:43121 */
  url: string
  emulator: EmulatorServer
  web: H5Server
  stop(): Promise<void>
}

/** Builds the H5 app if needed, starts a fresh seeded emulator and the H5 server on random ports. */
export async function startAppStack(): Promise<AppStack> {
  const build = await ensureAppBuild('h5', { outputRoot: H5_TEST_OUTPUT_ROOT, versioned: true })
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zj-e2e-'))
  const emulator = await startEmulatorServer({ port: 0, dataDir, fresh: true, log: false })
  const web = await startH5Server({ root: build.outputRoot, serviceUrl: emulator.serviceUrl, port: 0 })
  return {
    url: web.url,
    emulator,
    web,
    stop: async () => {
      await web.close()
      await emulator.stop()
      fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/**
 * One app stack for a test file: started before its tests (the build may take minutes), stopped after them. A
 * file's own `beforeAll` declared after this call runs once the stack is up.
 */
export function useAppStack(): Pick<AppStack, 'url' | 'emulator' | 'web'> {
  let stack: AppStack | undefined
  beforeAll(async () => {
    stack = await startAppStack()
  }, BUILD_TIMEOUT_MS)
  afterAll(async () => {
    await stack?.stop()
  })
  const started = (): AppStack => {
    if (!stack) throw new Error('the app stack has not started (use inside tests or a later beforeAll)')
    return stack
  }
  return {
    get url() {
      return started().url
    },
    get emulator() {
      return started().emulator
    },
    get web() {
      return started().web
    },
  }
}

export interface BrowserOptions {
  baseUrl: string
  /** Demo openid for the H5 identity switcher; null = anonymous. Default o_demo_resident. */
  identity?: string | null
  /** Start in 长辈版. */
  largeFont?: boolean
  /** Folder name under test-output/ for screenshots. */
  testName: string
}

export interface BrowserSession {
  page: Page
  context: BrowserContext
  url(pathname: string): string
  /** Saves test-output/<testName>/<step>.png and returns its path. */
  screenshot(step: string): Promise<string>
  close(): Promise<void>
}

const safe = (s: string) =>
  s
    .replace(/[^\w\u4e00-\u9fa5.-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80) || 'step'

/** A fresh Chromium profile with a mobile viewport, the demo identity preset in localStorage. */
export async function openBrowser(options: BrowserOptions): Promise<BrowserSession> {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zj-chromium-'))
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: MOBILE_VIEWPORT,
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    userAgent:
      'Mozilla/5.0 (Linux; Android 12; Pixel 5) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36',
  })
  const identity = options.identity === undefined ? 'o_demo_resident' : options.identity
  // Only preset when nothing is stored, so a switch made in the UI survives reloads.
  await context.addInitScript(
    ([key, value, fontKey, largeFont]) => {
      if (localStorage.getItem(key as string) === null) localStorage.setItem(key as string, value as string)
      if (largeFont && localStorage.getItem(fontKey as string) === null) {
        // Taro H5 storage keeps JSON: {"data": value}
        localStorage.setItem(fontKey as string, JSON.stringify({ data: true }))
      }
    },
    [DEMO_STORAGE_KEY, identity ?? '', LARGE_FONT_KEY, options.largeFont === true] as const,
  )
  const page = context.pages()[0] ?? (await context.newPage())
  const outDir = path.join(REPO_ROOT, 'test-output', safe(options.testName))
  fs.mkdirSync(outDir, { recursive: true })
  return {
    page,
    context,
    url: (pathname) => new URL(pathname, options.baseUrl).toString(),
    screenshot: async (step) => {
      const file = path.join(outDir, `${safe(step)}.png`)
      await page.screenshot({ path: file, fullPage: true })
      return file
    },
    close: async () => {
      await context.close()
      fs.rmSync(userDataDir, { recursive: true, force: true })
    },
  }
}

/** A Taro button by its exact text (H5 renders taro-button-core). */
export const buttonByText = (b: BrowserSession, text: string): Locator =>
  b.page
    .locator('taro-button-core, button')
    .filter({ hasText: new RegExp(`^\\s*${text}\\s*$`) })
    .first()

/** A Taro button by its aria label. */
export const buttonByLabel = (b: BrowserSession, label: string): Locator =>
  b.page.locator(`taro-button-core[aria-label="${label}"], button[aria-label="${label}"]`).first()
