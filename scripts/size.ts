/**
 * `npm run size`: builds the production weapp into its own output root (.build/weapp-size), then weighs the
 * main package (every file not under a subpackage root) and each subpackage the way WeChat counts them
 * (bytes on disk). Budgets (issue 3 / issue 11): main ≤ 600 KB, each subpackage ≤ 2 MB, total ≤ 6 MB.
 * Prints a table and, as its LAST line, {"main_kb":…,"total_kb":…,"largest_subpackage_kb":…}; exits 1 when a
 * budget is exceeded. `--no-build` weighs an existing build (`--dir <path>` picks it, default dist/weapp).
 */
import fs from 'node:fs'
import path from 'node:path'
import { ensureAppBuild, REPO_ROOT } from './appBuild'

export const BUDGET_KB = { main: 600, subpackage: 2048, total: 6144 }

export interface PackageSizes {
  mainBytes: number
  subpackages: { root: string; bytes: number }[]
  totalBytes: number
}

function walk(dir: string, out: string[]): void {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.name.startsWith('.')) continue // build markers, never uploaded
    const p = path.join(dir, e.name)
    if (e.isDirectory()) walk(p, out)
    else if (e.isFile()) out.push(p)
  }
}

/** Sizes of a weapp build folder, split by the subpackage roots declared in its app.json. */
export function measureWeapp(buildDir: string): PackageSizes {
  const appJson = JSON.parse(fs.readFileSync(path.join(buildDir, 'app.json'), 'utf8')) as {
    subPackages?: { root: string }[]
    subpackages?: { root: string }[]
  }
  const roots = (appJson.subPackages ?? appJson.subpackages ?? []).map((s) => s.root.replace(/^\/+|\/+$/g, ''))
  const sub = new Map(roots.map((r) => [r, 0]))
  let mainBytes = 0
  const files: string[] = []
  walk(buildDir, files)
  for (const f of files) {
    const rel = path.relative(buildDir, f).split(path.sep).join('/')
    const size = fs.statSync(f).size
    const root = roots.find((r) => rel === r || rel.startsWith(r + '/'))
    if (root) sub.set(root, (sub.get(root) ?? 0) + size)
    else mainBytes += size
  }
  const subpackages = [...sub.entries()].map(([root, bytes]) => ({ root, bytes }))
  return { mainBytes, subpackages, totalBytes: mainBytes + subpackages.reduce((a, s) => a + s.bytes, 0) }
}

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10

async function main(): Promise<void> {
  const args = process.argv.slice(2)
  let dir: string
  if (args.includes('--no-build')) {
    const i = args.indexOf('--dir')
    dir = path.resolve(REPO_ROOT, i >= 0 ? args[i + 1] : 'dist/weapp')
  } else {
    const build = await ensureAppBuild('weapp', {
      outputRoot: path.join(REPO_ROOT, '.build', 'weapp-size'),
      versioned: true,
    })
    console.log(
      build.built
        ? `生产构建完成（${Math.round(build.ms / 1000)} 秒）: ${build.outputRoot}`
        : `使用已是最新的构建: ${build.outputRoot}`,
    )
    dir = build.outputRoot
  }
  const s = measureWeapp(dir)
  const rows: [string, number, number][] = [
    ['主包 (main)', s.mainBytes, BUDGET_KB.main],
    ...s.subpackages.map((p): [string, number, number] => [`分包 ${p.root}`, p.bytes, BUDGET_KB.subpackage]),
    ['合计 (total)', s.totalBytes, BUDGET_KB.total],
  ]
  const failures: string[] = []
  console.log('')
  console.log(`${'package'.padEnd(28)}${'KB'.padStart(10)}${'budget KB'.padStart(12)}  status`)
  for (const [name, bytes, budget] of rows) {
    const over = kb(bytes) > budget
    if (over) failures.push(`${name} ${kb(bytes)} KB > ${budget} KB`)
    console.log(
      `${name.padEnd(28)}${kb(bytes).toFixed(1).padStart(10)}${String(budget).padStart(12)}  ${over ? 'OVER' : 'ok'}`,
    )
  }
  if (failures.length) console.error(`\n超出包体预算: ${failures.join('; ')}`)
  const largest = s.subpackages.reduce((m, p) => Math.max(m, p.bytes), 0)
  process.exitCode = failures.length ? 1 : 0
  console.log(
    JSON.stringify({ main_kb: kb(s.mainBytes), total_kb: kb(s.totalBytes), largest_subpackage_kb: kb(largest) }),
  )
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e)
    process.exit(1)
  })
}
