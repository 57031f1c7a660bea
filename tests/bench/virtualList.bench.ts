/**
 * npm run bench:virtual-list — the 找工作 list windowed by our hooks/useVisibleWindow (page scroll, two spacers)
 * against Taro's `VirtualList` (@tarojs/components-advanced 4.2.0, the newest published; our @tarojs/* are 4.2.1),
 * for docs/adr/0019-windowed-lists.md. Four builds are compared; each is built once and passed in:
 *   --weapp <dir> --weapp-vl <dir> --h5 <dir> --h5-vl <dir>
 * The candidate builds are the tree with tests/bench/data/jobs-virtuallist.patch applied and
 * `npm install --no-save @tarojs/components-advanced@4.2.0` (not a dependency of the project).
 *
 * 1. Package size: the weapp main package (where pages/jobs lives) and total, as `npm run size` weighs them; the
 *    H5 build's JavaScript and total bytes.
 * 2. Data updates (weapp, miniprogram-simulate on the compiled build, every setData measured as UTF-8 JSON): the
 *    page lists `--items N` postings (default 200; one real `job.search` item from the seeded emulator, copied
 *    with distinct ids), then scrolls `--steps S` times by `--step PX` px (default 120 steps of 60 ± 20 px: a slow finger),
 *    ours through onPageScroll, VirtualList through its scroll-view's scroll event; per step the bytes and count
 *    of setData, in normal mode and in 长辈版 (larger fixed cards).
 * 3. Scroll behaviour: after each step, is the posting that should be at the top of the viewport rendered
 *    (jsdom lays nothing out, so this checks the window maths, not pixels; the card heights themselves are
 *    checked in Chromium by tests/e2e/listCards.test.ts).
 * Each (build, mode) runs in its own process (a fresh Taro runtime). Last line:
 * {"bench":"virtual-list","items":…,"steps":…,"weapp_main_kb":…,"weapp_main_vl_kb":…,"h5_js_kb":…,"h5_js_vl_kb":…,
 *  "ours_bytes_per_step":…,"vl_bytes_per_step":…,"ours_elder_bytes_per_step":…,"vl_elder_bytes_per_step":…,
 *  "ours_updates":…,"vl_updates":…,"ours_top_rendered":…,"vl_top_rendered":…}
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { measureWeapp } from '../../scripts/size'

const ROOT = path.resolve(__dirname, '..', '..')

function arg(name: string, def?: string): string | undefined {
  const i = process.argv.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`))
  if (i < 0) return def
  return process.argv[i].includes('=') ? process.argv[i].split('=')[1] : process.argv[i + 1]
}
const kb = (b: number) => Math.round((b / 1024) * 10) / 10

function dirBytes(dir: string, filter: (f: string) => boolean): number {
  let n = 0
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name)
    if (e.isDirectory()) n += dirBytes(p, filter)
    else if (e.isFile() && !e.name.startsWith('.') && filter(p)) n += fs.statSync(p).size
  }
  return n
}

interface RunResult {
  steps: number
  updates: number
  bytes: number
  maxStepBytes: number
  stepsWithUpdate: number
  topRendered: number
  renderedCards: number
}

/** One (build, mode) in this process: list the postings, scroll, measure. */
async function child(root: string, kind: 'ours' | 'vl', elder: boolean): Promise<void> {
  const items = Number(arg('items', '200'))
  const steps = Number(arg('steps', '120'))
  const stepPx = Number(arg('step', '60'))
  const { loadMiniApp } = await import('../helpers/simulate')
  const { startEmulator } = await import('../helpers/emulator')
  const emu = await startEmulator()
  try {
    const first = (await emu.call('o_demo_resident', 'job', { action: 'search' })) as {
      ok: boolean
      data: { items: { id: string; title: string }[]; nextCursor: unknown }
    }
    const proto = first.data.items[0]
    const many = Array.from({ length: items }, (_, i) => ({ ...proto, id: `bench_${i}`, title: `岗位${i}号` }))
    const answer = { ...first, data: { ...first.data, items: many, nextCursor: null } }
    const app = loadMiniApp({
      root,
      openid: 'o_demo_resident',
      storage: elder ? { 'zhijiu.largeFont': true } : {},
      cloud: async (n, d, o) =>
        n === 'job' && (d as { action?: string }).action === 'search' ? answer : emu.call(o, n, d),
    })
    const page = await app.openPage('pages/jobs/index')
    await page.waitForText('岗位0号', 30_000)
    await app.settle()
    const sim = { sleep: (ms: number) => new Promise((r) => setTimeout(r, ms)) }
    await sim.sleep(50)
    // the list's pitch and where it starts, as the page computes them (375 px wide simulated window)
    const pitch = (((elder ? 312 : 232) + 16) * 375) / 750
    const listTop = kind === 'ours' ? 200 : 0
    const r: RunResult = {
      steps,
      updates: 0,
      bytes: 0,
      maxStepBytes: 0,
      stepsWithUpdate: 0,
      topRendered: 0,
      renderedCards: 0,
    }
    let y = 0
    for (let k = 1; k <= steps; k++) {
      // a finger's steps are uneven: stepPx ± 20 px, never one delta twice in a row (VirtualList drops a scroll event
      // whose delta equals one of the last three as "shaking" on mini-programs: preset.isShaking)
      y += stepPx - 20 + ((k * 29) % 41)
      const before = page.setDataSizes.length
      if (kind === 'ours') await page.scroll(y + listTop)
      else
        await page.fire('wx-scroll-view', 'scroll', {
          scrollTop: y,
          scrollLeft: 0,
          scrollHeight: items * pitch,
          scrollWidth: 375,
          deltaY: stepPx,
        })
      await sim.sleep(10)
      const added = page.setDataSizes.slice(before)
      const bytes = added.reduce((a, b) => a + b, 0)
      r.updates += added.length
      r.bytes += bytes
      r.maxStepBytes = Math.max(r.maxStepBytes, bytes)
      if (added.length) r.stepsWithUpdate += 1
      const top = Math.min(items - 1, Math.floor(y / pitch))
      if (page.text().includes(`岗位${top}号`)) r.topRendered += 1
    }
    r.renderedCards = (page.text().match(/岗位\d+号/g) ?? []).length
    await app.settle()
    page.close()
    console.log('RESULT ' + JSON.stringify(r))
  } finally {
    await emu.stop()
  }
}

function runChild(root: string, kind: 'ours' | 'vl', elder: boolean): RunResult {
  const pass = ['items', 'steps', 'step'].flatMap((k) => (arg(k) ? [`--${k}`, String(arg(k))] : []))
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', __filename, '--child', root, kind, elder ? 'elder' : 'normal', ...pass],
    { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  )
  const line = (r.stdout ?? '').split('\n').find((l) => l.startsWith('RESULT '))
  if (!line) throw new Error(`child ${kind} ${elder ? 'elder' : 'normal'} failed:\n${r.stdout}\n${r.stderr}`)
  return JSON.parse(line.slice(7)) as RunResult
}

async function main(): Promise<void> {
  const ci = process.argv.indexOf('--child')
  if (ci >= 0) {
    const [root, kind, mode] = process.argv.slice(ci + 1, ci + 4)
    return child(root, kind as 'ours' | 'vl', mode === 'elder')
  }
  const dirs = { weapp: arg('weapp'), weappVl: arg('weapp-vl'), h5: arg('h5'), h5Vl: arg('h5-vl') }
  for (const [k, v] of Object.entries(dirs))
    if (!v || !fs.existsSync(v)) throw new Error(`--${k.replace('Vl', '-vl')} <build dir> is needed (see the header)`)
  const [weapp, weappVl, h5, h5Vl] = [dirs.weapp, dirs.weappVl, dirs.h5, dirs.h5Vl].map((d) => path.resolve(String(d)))

  console.log('1. package size')
  const a = measureWeapp(weapp)
  const b = measureWeapp(weappVl)
  const isJs = (f: string) => f.endsWith('.js')
  const h5Js = dirBytes(h5, isJs)
  const h5JsVl = dirBytes(h5Vl, isJs)
  const h5All = dirBytes(h5, () => true)
  const h5AllVl = dirBytes(h5Vl, () => true)
  console.log(
    `weapp main: ours ${kb(a.mainBytes)} KB, VirtualList ${kb(b.mainBytes)} KB (+${kb(b.mainBytes - a.mainBytes)} KB)`,
  )
  console.log(
    `weapp total: ours ${kb(a.totalBytes)} KB, VirtualList ${kb(b.totalBytes)} KB (+${kb(b.totalBytes - a.totalBytes)} KB)`,
  )
  console.log(`H5 js: ours ${kb(h5Js)} KB, VirtualList ${kb(h5JsVl)} KB (+${kb(h5JsVl - h5Js)} KB)`)
  console.log(`H5 total: ours ${kb(h5All)} KB, VirtualList ${kb(h5AllVl)} KB (+${kb(h5AllVl - h5All)} KB)`)

  console.log('\n2./3. data updates and the top posting while scrolling (weapp, miniprogram-simulate)')
  const runs = {
    ours: runChild(weapp, 'ours', false),
    vl: runChild(weappVl, 'vl', false),
    oursElder: runChild(weapp, 'ours', true),
    vlElder: runChild(weappVl, 'vl', true),
  }
  const per = (r: RunResult) => Math.round(r.bytes / r.steps)
  console.log('run               setData  steps-with-update  bytes/step  max step B  top rendered  cards at end')
  for (const [name, r] of Object.entries(runs))
    console.log(
      `${name.padEnd(18)}${String(r.updates).padStart(7)}${`${r.stepsWithUpdate}/${r.steps}`.padStart(19)}${String(per(r)).padStart(12)}${String(r.maxStepBytes).padStart(12)}${`${r.topRendered}/${r.steps}`.padStart(14)}${String(r.renderedCards).padStart(14)}`,
    )
  if (runs.vl.updates === 0)
    console.log(
      'VirtualList made no data update while scrolled: the simulated scroll event did not reach it (Taro resolves ' +
        'its scroll-view by the id VirtualList sets, which the simulated event does not carry); its figures are not a measurement',
    )
  console.log(
    JSON.stringify({
      bench: 'virtual-list',
      items: Number(arg('items', '200')),
      steps: runs.ours.steps,
      weapp_main_kb: kb(a.mainBytes),
      weapp_main_vl_kb: kb(b.mainBytes),
      h5_js_kb: kb(h5Js),
      h5_js_vl_kb: kb(h5JsVl),
      ours_bytes_per_step: per(runs.ours),
      vl_bytes_per_step: per(runs.vl),
      ours_elder_bytes_per_step: per(runs.oursElder),
      vl_elder_bytes_per_step: per(runs.vlElder),
      ours_updates: runs.ours.updates,
      vl_updates: runs.vl.updates,
      ours_top_rendered: runs.ours.topRendered,
      vl_top_rendered: runs.vl.topRendered,
    }),
  )
}

void main().catch((e) => {
  console.error(e)
  process.exit(1)
})
