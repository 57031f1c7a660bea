/**
 * Builds the mini-program (weapp or H5) with the Taro CLI into a chosen output root, skipping the build when
 * the output already matches the sources (hash of miniprogram/src, miniprogram/config, shared/ and the build
 * config). Used by `npm start`, `npm run size`, the simulate / e2e test helpers and the web bench, so one run
 * builds each platform at most once. Concurrent callers wait on a lock instead of building twice.
 */
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

export type AppPlatform = 'weapp' | 'h5'

export const REPO_ROOT = path.resolve(__dirname, '..')
const APP_DIR = path.join(REPO_ROOT, 'miniprogram')
const HASH_FILE = '.zj-build-hash'
const SOURCES = [
  path.join(APP_DIR, 'src'),
  path.join(APP_DIR, 'config'),
  path.join(APP_DIR, 'babel.config.js'),
  path.join(REPO_ROOT, 'shared'),
  path.join(REPO_ROOT, 'package.json'),
]

export interface AppBuildOptions {
  /** Absolute, or relative to the repo root. Default `dist/<platform>`. */
  outputRoot?: string
  /** Build even when the output is up to date. */
  force?: boolean
  /** Extra environment for the build (e.g. ZJ_DEMO_IDENTITIES=0). Part of the hash. */
  env?: Record<string, string>
  /** Where Taro's output goes (default: inherit stdio only on failure). */
  log?: (line: string) => void
  /**
   * Build into `<outputRoot>/<source hash>/` instead of `<outputRoot>` itself, so a rebuild after a source change
   * never wipes a build another process (a test file, a bench) is still serving. Old versions are pruned after an
   * hour. Tests and benches use it; `npm start` and `npm run build:*` keep the fixed folder.
   */
  versioned?: boolean
}

export interface AppBuildResult {
  outputRoot: string
  built: boolean
  hash: string
  ms: number
}

function listFiles(p: string, out: string[]): void {
  if (!fs.existsSync(p)) return
  const st = fs.statSync(p)
  if (st.isFile()) {
    out.push(p)
    return
  }
  for (const name of fs.readdirSync(p).sort()) {
    if (name === 'node_modules' || name.startsWith('.')) continue
    listFiles(path.join(p, name), out)
  }
}

/** sha256 over every source file's path and content (and the extra env). */
export function sourceHash(platform: AppPlatform, env: Record<string, string> = {}): string {
  const h = createHash('sha256')
  h.update(`${platform}\n${JSON.stringify(env)}\n`)
  const files: string[] = []
  for (const s of SOURCES) listFiles(s, files)
  for (const f of files) {
    h.update(path.relative(REPO_ROOT, f))
    h.update('\0')
    h.update(fs.readFileSync(f))
    h.update('\0')
  }
  return h.digest('hex').slice(0, 16)
}

export function resolveOutputRoot(platform: AppPlatform, outputRoot?: string): string {
  return outputRoot ? path.resolve(REPO_ROOT, outputRoot) : path.join(REPO_ROOT, 'dist', platform)
}

export function isUpToDate(platform: AppPlatform, outputRoot: string, hash: string): boolean {
  try {
    return fs.readFileSync(path.join(outputRoot, HASH_FILE), 'utf8').trim() === hash
  } catch {
    return false
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

async function withLock<T>(lockDir: string, fn: () => Promise<T>): Promise<T> {
  const started = Date.now()
  for (;;) {
    try {
      fs.mkdirSync(lockDir)
      break
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e
      // a lock older than 10 minutes belongs to a build that died
      try {
        if (Date.now() - fs.statSync(lockDir).mtimeMs > 600_000) fs.rmSync(lockDir, { recursive: true, force: true })
      } catch {
        // gone already
      }
      if (Date.now() - started > 900_000) throw new Error(`timed out waiting for ${lockDir}`)
      await sleep(300)
    }
  }
  try {
    return await fn()
  } finally {
    fs.rmSync(lockDir, { recursive: true, force: true })
  }
}

function runTaro(
  platform: AppPlatform,
  outputRoot: string,
  env: Record<string, string>,
  log?: (l: string) => void,
): Promise<void> {
  const taroBin = require.resolve('@tarojs/cli/bin/taro', { paths: [REPO_ROOT] })
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [taroBin, 'build', '--type', platform], {
      cwd: APP_DIR,
      env: {
        ...process.env,
        ...env,
        NODE_ENV: 'production',
        TARO_ENV: platform,
        TARO_OUTPUT_ROOT: outputRoot,
        FORCE_COLOR: '0',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    const onData = (b: Buffer) => {
      const s = b.toString()
      output += s
      if (output.length > 200_000) output = output.slice(-100_000)
      log?.(s)
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    child.on('error', reject)
    child.on('close', (code) => {
      // Taro exits 0 even on some compile errors: check the log too
      if (code === 0 && !/Compiled with (some )?errors|✖ Errors/.test(output)) resolve()
      else reject(new Error(`taro build --type ${platform} failed (exit ${code}):\n${output.slice(-4000)}`))
    })
  })
}

/** Builds unless the output root already holds a build of the current sources. */
export async function ensureAppBuild(platform: AppPlatform, options: AppBuildOptions = {}): Promise<AppBuildResult> {
  const baseRoot = resolveOutputRoot(platform, options.outputRoot)
  const env = options.env ?? {}
  const t0 = Date.now()
  fs.mkdirSync(options.versioned ? baseRoot : path.dirname(baseRoot), { recursive: true })
  return withLock(`${baseRoot}.lock`, async () => {
    const hash = sourceHash(platform, env)
    const outputRoot = options.versioned ? path.join(baseRoot, hash) : baseRoot
    if (!options.force && isUpToDate(platform, outputRoot, hash))
      return { outputRoot, built: false, hash, ms: Date.now() - t0 }
    fs.rmSync(outputRoot, { recursive: true, force: true })
    await runTaro(platform, outputRoot, env, options.log)
    fs.writeFileSync(path.join(outputRoot, HASH_FILE), hash + '\n')
    if (options.versioned) pruneVersions(baseRoot, hash)
    return { outputRoot, built: true, hash, ms: Date.now() - t0 }
  })
}

/** Removes versioned builds other than `keep` that are more than an hour old (nobody is serving them any more). */
function pruneVersions(baseRoot: string, keep: string): void {
  for (const name of fs.readdirSync(baseRoot)) {
    if (name === keep) continue
    const dir = path.join(baseRoot, name)
    try {
      if (Date.now() - fs.statSync(dir).mtimeMs > 3_600_000) fs.rmSync(dir, { recursive: true, force: true })
    } catch {
      // removed by someone else
    }
  }
}
