/**
 * Simulate tests on the compiled weapp build (miniprogram-simulate, official wxml compiler): the real Taro
 * output runs in jsdom with `wx.cloud.callFunction` forwarded to an in-process emulator, so the real backend
 * answers. Every `setData` is measured (the 256 KB budget of issue 11).
 *
 *   const root = await buildWeapp()                       // once per source state (.build/weapp)
 *   const emu = await startEmulator()
 *   const app = loadMiniApp({ root, openid: 'o_demo_resident', cloud: (n, d, o) => emu.call(o, n, d) })
 *   const page = await app.openPage('pages/home/index')
 *   await page.waitForText('推荐岗位'); page.tapText('查看全部 ›'); expect(app.navigations()).toEqual([...])
 *
 * Photos: `app.pickImages([pngPath])` is what the next `wx.chooseImage` answers (real files on disk), `wx.getImageInfo`
 * sniffs them (type, width, height from the header), `wx.compressImage` writes a JPEG of the asked size (with
 * compressedWidth / compressedHeight, as base library 2.26.0 does) whose byte size follows the quality,
 * `getFileSystemManager().getFileInfo` gives sizes, and `wx.cloud.uploadFile` stores the bytes in the emulator's
 * storage through the SDK (useSimulatedApp).
 *
 * How the page is run: `App`/`Page`/`getApp` globals are defined before `app.js` is required; a Page's
 * options become a Component definition (methods + lifetimes) so miniprogram-simulate can render it.
 */
import fs from 'node:fs'
import path from 'node:path'
import { ensureAppBuild, REPO_ROOT } from '../../scripts/appBuild'
import os from 'node:os'
import { sniffImage } from '../../mock/emulator/storageService'
import { imageDimensions } from '../../shared/media/imageLimits'
import { cameraJpeg } from './jpeg'
import { startEmulator, type TestEmulator } from './emulator'

interface Simulate {
  load(p: string, opts?: Record<string, unknown>): string
  render(id: string, props?: Record<string, unknown>): SimComponent
  sleep(ms: number): Promise<void>
}

/**
 * The test files run in jest's node environment (the in-process emulator needs real Node timers and module
 * resolution); miniprogram-simulate needs a DOM, so a jsdom window (jest-environment-jsdom's own copy) is
 * installed on the globals here, before miniprogram-simulate is loaded.
 */
function installDom(): void {
  const g = globalThis as Record<string, unknown>
  if (g.window && g.document) return
  const envDir = path.dirname(require.resolve('jest-environment-jsdom/package.json'))
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { JSDOM } = require(require.resolve('jsdom', { paths: [envDir] })) as {
    JSDOM: new (html: string, o: unknown) => { window: Record<string, unknown> }
  }
  const dom = new JSDOM('<!doctype html><html><body></body></html>', {
    pretendToBeVisual: true,
    url: 'http://localhost/',
  })
  const win = dom.window
  g.window = win
  for (const key of Object.getOwnPropertyNames(win)) {
    if (key in g || key.startsWith('_')) continue
    try {
      g[key] = win[key]
    } catch {
      // read-only on the Node side
    }
  }
}

let simulateModule: Simulate | null = null
function sim(): Simulate {
  if (!simulateModule) {
    installDom()
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    simulateModule = require('miniprogram-simulate') as Simulate
  }
  return simulateModule
}

export interface SimComponent {
  dom: HTMLElement
  attach(parent: Element): void
  detach(): void
  querySelector(sel: string): SimComponent | null
  dispatchEvent(name: string, detail?: Record<string, unknown>): void
  instance: Record<string, unknown>
}

export const WEAPP_TEST_OUTPUT_ROOT = path.join(REPO_ROOT, '.build', 'weapp')
/** For beforeAll: the first test file may run (or wait for) the production build on a busy machine. */
export const BUILD_TIMEOUT_MS = 900_000
/** Issue 11: no page sends more than 256 KB in one data update. */
export const SET_DATA_BUDGET_BYTES = 256 * 1024

/** Builds the production weapp once per source state and returns its root. */
export async function buildWeapp(): Promise<string> {
  const build = await ensureAppBuild('weapp', { outputRoot: WEAPP_TEST_OUTPUT_ROOT, versioned: true })
  return build.outputRoot
}

export type CloudHandler = (name: string, data: Record<string, unknown>, openid: string | null) => Promise<unknown>
/** Where `wx.cloud.uploadFile` puts the bytes of a local file (the emulator's storage); answers the file id. */
export type UploadHandler = (
  cloudPath: string,
  fileContent: Buffer,
  openid: string | null,
) => Promise<{ fileID: string }>

export interface WxCall {
  api: string
  args: unknown[]
}

export interface SimPage {
  route: string
  comp: SimComponent
  /** Byte sizes (UTF-8 JSON) of every setData of this page, in order. */
  setDataSizes: number[]
  maxSetDataBytes(): number
  text(): string
  waitForText(text: string, timeoutMs?: number): Promise<void>
  /** Taps the innermost tappable element whose text contains `text`. */
  tapText(text: string): Promise<void>
  /** Fires a component event (e.g. 'change' with {value: true} on 'wx-switch') on the first element matching a CSS selector. */
  fire(selector: string, type: string, detail?: Record<string, unknown>): Promise<void>
  /** Simulates the page's pull-down-refresh hook. */
  pullDownRefresh(): Promise<void>
  /** Simulates scrolling the page to `scrollTop` px (WeChat's onPageScroll; jsdom lays nothing out, so only the event). */
  scroll(scrollTop: number): Promise<void>
  /** Simulates reaching the bottom of the page (WeChat's onReachBottom: the next page of a list). */
  reachBottom(): Promise<void>
  close(): void
}

export interface MiniApp {
  wx: Record<string, unknown>
  calls: WxCall[]
  /** The navigation calls made so far: [{api: 'navigateTo', url}] */
  navigations(): { api: string; url: string }[]
  storage: Map<string, unknown>
  /** Resolves when no cloud call is in flight (call before stopping the emulator). */
  settle(): Promise<void>
  /** Resolves once a wx API has been called `times` times in total. */
  waitForCall(api: string, times?: number, timeoutMs?: number): Promise<void>
  openPage(route: string, query?: Record<string, string>): Promise<SimPage>
  /** What the next `wx.chooseImage` answers: these local files (real paths on disk) as its temp paths; none = the user cancels. */
  pickImages(paths: string[]): void
}

export interface LoadMiniAppOptions {
  root: string
  cloud: CloudHandler
  /** The identity WeChat would inject; null = anonymous. */
  openid: string | null
  /** Initial storage (e.g. { 'zhijiu.largeFont': true }). */
  storage?: Record<string, unknown>
  /** Answers `wx.cloud.uploadFile` (useSimulatedApp: the emulator's storage through the SDK); without it the upload fails. */
  upload?: UploadHandler
}

const NAV_APIS = ['navigateTo', 'redirectTo', 'switchTab', 'reLaunch', 'navigateBack']

interface Media {
  /** The temp paths the next chooseImage answers (null: the user cancels). */
  picked: string[] | null
  upload?: UploadHandler
}

function createWx(
  calls: WxCall[],
  storage: Map<string, unknown>,
  cloud: () => { handler: CloudHandler; openid: string | null },
  inflight: Set<Promise<unknown>>,
  media: Media = { picked: null },
) {
  const ok = (api: string, res: Record<string, unknown> = {}) => ({ errMsg: `${api}:ok`, ...res })
  let compressDir: string | null = null
  let compressed = 0
  type Opts = { success?: (r: unknown) => void; fail?: (e: unknown) => void; complete?: (r: unknown) => void } & Record<
    string,
    unknown
  >
  const asyncApi =
    (api: string, impl: (o: Opts) => Record<string, unknown> | Promise<Record<string, unknown>> = () => ({})) =>
    (o: Opts = {}) => {
      calls.push({ api, args: [o] })
      const p = Promise.resolve()
        .then(() => impl(o))
        .then(
          (r) => {
            const res = ok(api, r)
            o.success?.(res)
            o.complete?.(res)
            return res
          },
          (e: unknown) => {
            const err = { errMsg: `${api}:fail ${(e as Error)?.message ?? e}` }
            o.fail?.(err)
            o.complete?.(err)
            throw err
          },
        )
      // like wx: a promise only when no callback is given
      if (o.success || o.fail || o.complete) {
        p.catch(() => undefined)
        return undefined
      }
      return p
    }
  const systemInfo = {
    brand: 'devtools',
    model: 'iPhone 6/7/8',
    pixelRatio: 2,
    screenWidth: 375,
    screenHeight: 667,
    windowWidth: 375,
    windowHeight: 603,
    statusBarHeight: 20,
    language: 'zh_CN',
    version: '8.0.50',
    system: 'iOS 16.0',
    platform: 'devtools',
    SDKVersion: '3.5.0',
    fontSizeSetting: 16,
    safeArea: { left: 0, right: 375, top: 20, bottom: 667, width: 375, height: 647 },
  }
  const known: Record<string, unknown> = {
    getSystemInfoSync: () => systemInfo,
    getWindowInfo: () => systemInfo,
    getDeviceInfo: () => systemInfo,
    getAppBaseInfo: () => systemInfo,
    getSystemInfo: asyncApi('getSystemInfo', () => systemInfo),
    getStorageSync: (k: string) => (storage.has(k) ? storage.get(k) : ''),
    setStorageSync: (k: string, v: unknown) => void storage.set(k, v),
    removeStorageSync: (k: string) => void storage.delete(k),
    getStorage: asyncApi('getStorage', (o) => {
      if (!storage.has(o.key as string)) throw new Error('data not found')
      return { data: storage.get(o.key as string) }
    }),
    setStorage: asyncApi('setStorage', (o) => (storage.set(o.key as string, o.data), {})),
    canIUse: () => true,
    nextTick: (fn: () => void) => void Promise.resolve().then(fn),
    onNetworkStatusChange: (fn: unknown) => void calls.push({ api: 'onNetworkStatusChange', args: [fn] }),
    offNetworkStatusChange: () => undefined,
    getNetworkType: asyncApi('getNetworkType', () => ({ networkType: 'wifi' })),
    onAppShow: () => undefined,
    onAppHide: () => undefined,
    onError: () => undefined,
    stopPullDownRefresh: asyncApi('stopPullDownRefresh'),
    // Taro wraps only the wx APIs present when it starts, so APIs the pages call must be listed here
    pageScrollTo: asyncApi('pageScrollTo'),
    showToast: asyncApi('showToast'),
    chooseImage: asyncApi('chooseImage', (o) => {
      const picked = media.picked
      media.picked = null
      if (!picked) throw new Error('cancel')
      const paths = picked.slice(0, Number(o.count ?? 9))
      return { tempFilePaths: paths, tempFiles: paths.map((p) => ({ path: p, size: fs.statSync(p).size })) }
    }),
    // like WeChat: fails for a file it cannot decode as an image
    getImageInfo: asyncApi('getImageInfo', (o) => {
      const src = String(o.src)
      const type = fs.existsSync(src) ? sniffImage(fs.readFileSync(src)) : null
      if (!type) throw new Error('invalid image')
      const size = imageDimensions(fs.readFileSync(src)) ?? { width: 0, height: 0 }
      return { path: src, type: type.slice('image/'.length), orientation: 'up', ...size }
    }),
    // JPEG out at the asked size; the bytes a camera JPEG of that size takes at that quality (about 0.5–3 bits a pixel)
    compressImage: asyncApi('compressImage', (o) => {
      const src = String(o.src)
      const bytes = fs.readFileSync(src)
      const from = imageDimensions(bytes)
      if (!sniffImage(bytes) || !from) throw new Error('invalid image')
      const w = Number(o.compressedWidth ?? 0)
      const h = Number(o.compressedHeight ?? 0)
      const width = w || (h ? Math.round((from.width * h) / from.height) : from.width)
      const height = h || (w ? Math.round((from.height * w) / from.width) : from.height)
      const quality = Number(o.quality ?? 80)
      const size = Math.ceil((width * height * (0.5 + (2.5 * quality) / 100)) / 8)
      const risky = bytes.includes(Buffer.from('违规测试', 'utf8'))
      compressDir ??= fs.mkdtempSync(path.join(os.tmpdir(), 'zj-sim-compress-'))
      const out = path.join(compressDir, `compressed-${++compressed}-q${quality}.jpg`)
      fs.writeFileSync(out, cameraJpeg(width, height, size, risky ? '违规测试' : 'compressed'))
      return { tempFilePath: out }
    }),
    getFileSystemManager: () => ({
      getFileInfo: asyncApi('getFileInfo', (o) => ({ size: fs.statSync(String(o.filePath)).size })),
    }),
    cloud: {
      init: (o: unknown) => void calls.push({ api: 'cloud.init', args: [o] }),
      callFunction: asyncApi('cloud.callFunction', async (o) => {
        const { handler, openid } = cloud()
        const p = handler(o.name as string, (o.data ?? {}) as Record<string, unknown>, openid)
        inflight.add(p)
        try {
          return { result: await p }
        } finally {
          inflight.delete(p)
        }
      }),
      uploadFile: asyncApi('cloud.uploadFile', async (o) => {
        if (!media.upload) throw new Error('no cloud storage in this test')
        const p = media.upload(String(o.cloudPath), fs.readFileSync(String(o.filePath)), cloud().openid)
        inflight.add(p)
        try {
          return { fileID: (await p).fileID, statusCode: 200 }
        } finally {
          inflight.delete(p)
        }
      }),
    },
    createSelectorQuery: () => {
      const q = {
        in: () => q,
        select: () => q,
        selectAll: () => q,
        selectViewport: () => q,
        boundingClientRect: () => q,
        scrollOffset: () => q,
        fields: () => q,
        exec: (cb?: (r: unknown[]) => void) => cb?.([]),
      }
      return q
    },
  }
  for (const api of NAV_APIS) known[api] = asyncApi(api)
  const target: Record<string, unknown> = { ...known }
  return new Proxy(target, {
    get(t, prop) {
      if (typeof prop !== 'string') return undefined
      if (prop in t) return t[prop]
      if (prop === 'webpackJsonp' || prop.startsWith('__')) return undefined
      // any other wx API: recorded, succeeds
      const fn = asyncApi(prop)
      t[prop] = fn
      return fn
    },
  })
}

const boundCache = new Map<string, Set<string>>()
/** Node names (Taro's `nn`) whose level-0 template in base.wxml binds tap. */
function tapBoundNodeNames(root: string): Set<string> {
  let set = boundCache.get(root)
  if (!set) {
    set = new Set()
    const wxml = fs.readFileSync(path.join(root, 'base.wxml'), 'utf8')
    const re = /<template name="tmpl_0_(\w+)">([\s\S]*?)<\/template>/g
    for (let m = re.exec(wxml); m; m = re.exec(wxml)) if (/bindtap="eh"/.test(m[2].split('>')[0] + '>')) set.add(m[1])
    boundCache.set(root, set)
  }
  return set
}

/** Taro's nodes in a setData payload carry their sid and template name (nn): remember them all. */
function recordNodeNames(value: unknown, into: Map<string, string>): void {
  if (!value || typeof value !== 'object') return
  if (Array.isArray(value)) {
    for (const v of value) recordNodeNames(v, into)
    return
  }
  const o = value as Record<string, unknown>
  if (typeof o.sid === 'string' && (typeof o.nn === 'string' || typeof o.nn === 'number')) into.set(o.sid, String(o.nn))
  for (const v of Object.values(o)) if (v && typeof v === 'object') recordNodeNames(v, into)
}

function utf8Bytes(v: unknown): number {
  try {
    return Buffer.byteLength(JSON.stringify(v) ?? '', 'utf8')
  } catch {
    return 0
  }
}

interface PageOptions extends Record<string, unknown> {
  data?: Record<string, unknown>
}

export function loadMiniApp(options: LoadMiniAppOptions): MiniApp {
  const simulate = sim()
  const g = globalThis as Record<string, unknown>
  const calls: WxCall[] = []
  const storage = new Map<string, unknown>(Object.entries(options.storage ?? {}))
  const inflight = new Set<Promise<unknown>>()
  const media: Media = { picked: null, upload: options.upload }
  const wx = createWx(calls, storage, () => ({ handler: options.cloud, openid: options.openid }), inflight, media)
  g.wx = wx
  // jsdom lacks these; Taro's runtime only needs them to exist
  g.requestAnimationFrame ??= (cb: (t: number) => void) => setTimeout(() => cb(Date.now()), 16)
  g.cancelAnimationFrame ??= (id: ReturnType<typeof setTimeout>) => clearTimeout(id)

  let appInstance: Record<string, unknown> | null = null
  g.App = (opts: Record<string, unknown>) => {
    appInstance = opts
  }
  g.getApp = () => appInstance
  g.getCurrentPages = () => currentPages

  let pendingQuery: Record<string, string> = {}
  let pendingSizes: number[] = []
  let pendingNodeNames = new Map<string, string>()
  const currentPages: Record<string, unknown>[] = []
  g.Page = (pageOpts: PageOptions) => {
    const methods: Record<string, unknown> = {}
    const fields: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(pageOpts)) {
      if (k === 'data') continue
      if (typeof v === 'function') methods[k] = v
      else fields[k] = v
    }
    const query = pendingQuery
    const sizes = pendingSizes
    const nodeNames = pendingNodeNames
    ;(g.Component as (o: unknown) => void)({
      data: pageOpts.data ?? {},
      methods,
      lifetimes: {
        created(this: Record<string, unknown>) {
          Object.assign(this, fields)
          const original = (this.setData as (d: unknown, cb?: () => void) => void).bind(this)
          this.setData = (d: unknown, cb?: () => void) => {
            sizes.push(utf8Bytes(d))
            recordNodeNames(d, nodeNames)
            original(d, cb)
          }
        },
        attached(this: Record<string, unknown>) {
          currentPages.push(this)
          ;(this.onLoad as ((q: unknown) => void) | undefined)?.call(this, query)
          ;(this.onShow as (() => void) | undefined)?.call(this)
        },
        ready(this: Record<string, unknown>) {
          ;(this.onReady as (() => void) | undefined)?.call(this)
        },
        detached(this: Record<string, unknown>) {
          ;(this.onUnload as (() => void) | undefined)?.call(this)
          const i = currentPages.indexOf(this)
          if (i >= 0) currentPages.splice(i, 1)
        },
      },
    })
  }

  // a fresh module registry per app: the build's runtime (Taro's document, React roots) starts clean
  if (typeof jest !== 'undefined') jest.resetModules()
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require(path.join(options.root, 'app.js'))
  if (!appInstance) throw new Error('app.js did not call App()')
  const app = appInstance as Record<string, (o?: unknown) => void>
  app.onLaunch?.call(app, { path: 'pages/home/index', query: {}, scene: 1001 })
  app.onShow?.call(app, { path: 'pages/home/index', query: {}, scene: 1001 })

  const openPage = async (route: string, query: Record<string, string> = {}): Promise<SimPage> => {
    pendingQuery = query
    const sizes: number[] = []
    pendingSizes = sizes
    const nodeNames = new Map<string, string>()
    pendingNodeNames = nodeNames
    const id = simulate.load(path.join(options.root, route), { compiler: 'official', rootPath: options.root })
    const comp = simulate.render(id)
    const parent = document.createElement('parent-wrapper')
    document.body.appendChild(parent)
    comp.attach(parent)
    await simulate.sleep(0)
    const text = () => comp.dom.textContent ?? ''
    const waitForText = async (t: string, timeoutMs = 10_000) => {
      const end = Date.now() + timeoutMs
      while (!text().includes(t)) {
        if (Date.now() > end)
          throw new Error(
            `text "${t}" not found on ${route} within ${timeoutMs} ms; page text: ${text().slice(0, 400)}`,
          )
        await simulate.sleep(20)
      }
    }
    const tapText = async (t: string) => {
      // Like WeChat: the tap starts at the innermost element holding the text and reaches, innermost first, every
      // ancestor whose template binds tap (bindtap="eh" in base.wxml); Taro batches them and runs React's onClick.
      const all = Array.from(comp.dom.querySelectorAll('[data-sid]')).filter((el) => (el.textContent ?? '').includes(t))
      const innermost = all.filter((el) => !all.some((o) => o !== el && el.contains(o)))
      // an element whose whole text is `t` wins over one that merely mentions it
      const inner = innermost.find((el) => (el.textContent ?? '').trim() === t) ?? innermost[0]
      if (!inner) throw new Error(`no element with text "${t}" on ${route}; page text: ${text().slice(0, 300)}`)
      const bound = tapBoundNodeNames(options.root)
      const chain: string[] = []
      for (let el: Element | null = inner; el && el !== comp.dom.parentElement; el = el.parentElement) {
        const sid = el.getAttribute('data-sid')
        if (sid && bound.has(nodeNames.get(sid) ?? '')) chain.push(sid)
      }
      if (chain.length === 0) throw new Error(`nothing tappable around "${t}" on ${route}`)
      const innerSid = inner.getAttribute('data-sid') as string
      const page = comp.instance as Record<string, (e: unknown) => void>
      for (const sid of chain) {
        page.eh({
          type: 'tap',
          timeStamp: Date.now(),
          target: { id: innerSid, dataset: { sid: innerSid } },
          currentTarget: { id: sid, dataset: { sid } },
          detail: { x: 0, y: 0 },
          touches: [],
          changedTouches: [],
        })
      }
      await simulate.sleep(20)
    }
    return {
      route,
      comp,
      setDataSizes: sizes,
      maxSetDataBytes: () => sizes.reduce((m, s) => Math.max(m, s), 0),
      text,
      waitForText,
      tapText,
      fire: async (selector, type, detail = {}) => {
        const el = comp.dom.querySelector(selector)
        const sid = el?.getAttribute('data-sid')
        if (!sid) throw new Error(`no element matching ${selector} on ${route}`)
        const target = { id: sid, dataset: { sid } }
        ;(comp.instance as Record<string, (e: unknown) => void>).eh({
          type,
          timeStamp: Date.now(),
          target,
          currentTarget: target,
          detail,
        })
        await simulate.sleep(20)
      },
      pullDownRefresh: async () => {
        ;(comp.instance as Record<string, () => void>).onPullDownRefresh?.call(comp.instance)
        await simulate.sleep(10)
      },
      scroll: async (scrollTop) => {
        const onPageScroll = (comp.instance as Record<string, ((e: { scrollTop: number }) => void) | undefined>)
          .onPageScroll
        if (!onPageScroll) throw new Error(`${route} has no onPageScroll`)
        onPageScroll.call(comp.instance, { scrollTop })
        await simulate.sleep(20)
      },
      reachBottom: async () => {
        ;(comp.instance as Record<string, () => void>).onReachBottom?.call(comp.instance)
        await simulate.sleep(10)
      },
      close: () => comp.detach(),
    }
  }

  return {
    wx,
    calls,
    storage,
    navigations: () =>
      calls
        .filter((c) => NAV_APIS.includes(c.api))
        .map((c) => ({ api: c.api, url: String((c.args[0] as { url?: string })?.url ?? '') })),
    openPage,
    pickImages: (paths) => {
      media.picked = paths.length ? [...paths] : null
    },
    settle: async () => {
      while (inflight.size > 0) {
        await Promise.allSettled([...inflight])
        await simulate.sleep(20)
      }
    },
    waitForCall: async (api, times = 1, timeoutMs = 10_000) => {
      const end = Date.now() + timeoutMs
      while (calls.filter((c) => c.api === api).length < times) {
        if (Date.now() > end) throw new Error(`wx.${api} was not called ${times} time(s) within ${timeoutMs} ms`)
        await simulate.sleep(20)
      }
    },
  }
}

/**
 * The usual setup of a simulate test file, registered once: the weapp build (cached by source) and one seeded
 * emulator in beforeAll, stopped in afterAll. `open(openid)` loads the compiled app for one identity with its cloud
 * calls answered by the real backend.
 */
export function useSimulatedApp(): {
  readonly root: string
  readonly emu: TestEmulator
  open: (openid: string | null) => MiniApp
} {
  let root = ''
  let emu: TestEmulator | undefined
  beforeAll(async () => {
    root = await buildWeapp()
    emu = await startEmulator()
  }, BUILD_TIMEOUT_MS)
  afterAll(async () => {
    await emu?.stop()
  })
  const started = (): TestEmulator => {
    if (!emu) throw new Error('the emulator has not started (use inside tests)')
    return emu
  }
  return {
    get root() {
      return root
    },
    get emu() {
      return started()
    },
    open: (openid) =>
      loadMiniApp({
        root,
        openid,
        cloud: (n, d, o) => started().call(o, n, d),
        upload: (cloudPath, fileContent, o) =>
          started().sdk(o).uploadFile({ cloudPath, fileContent }) as Promise<{ fileID: string }>,
      }),
  }
}
