/** `npm run build:functions`: every function bundles into a deployable folder that CloudBase can load. */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { buildFunctions, FUNCTION_NODE_TARGET, FUNCTION_RUNTIME, functionNames } from '../../scripts/buildFunctions'

const outDir = join(__dirname, '..', '..', '.build', 'functions-test')
const rc = JSON.parse(readFileSync(join(__dirname, '..', '..', 'cloudbaserc.json'), 'utf8')) as {
  functionRoot: string
  functions: {
    name: string
    timeout: number
    memorySize: number
    triggers?: { name: string; type: string; config: string }[]
  }[]
}

test('every function bundles with shared code inlined, exports main, and lists only its runtime dependencies', async () => {
  const built = await buildFunctions({ outDir })
  expect(built.map((b) => b.name).sort()).toEqual(functionNames())
  for (const b of built) {
    const code = readFileSync(join(b.dir, 'index.js'), 'utf8')
    expect(code).not.toMatch(/require\(["'](zod|\.\.\/\.\.\/shared)/)
    const pkg = JSON.parse(readFileSync(join(b.dir, 'package.json'), 'utf8'))
    expect(pkg.main).toBe('index.js')
    expect(Object.keys(pkg.dependencies)).toContain('@cloudbase/node-sdk')
    for (const dep of Object.keys(pkg.dependencies)) expect(['@cloudbase/node-sdk', '@node-rs/jieba']).toContain(dep)
    const mod = require(join(b.dir, 'index.js')) as { main?: unknown }
    expect(typeof mod.main).toBe('function')
  }
}, 120_000)

test('cloudbaserc.json deploys every function from the bundles with an explicit timeout and memory, and valid timer triggers', () => {
  expect(rc.functionRoot).toBe('dist/functions')
  expect(rc.functions.map((f) => f.name).sort()).toEqual(functionNames())
  for (const f of rc.functions) {
    expect(f.timeout).toBeGreaterThan(0)
    expect(f.timeout).toBeLessThanOrEqual(900)
    expect([128, 256, 512, 1024, 2048]).toContain(f.memorySize)
    for (const t of f.triggers ?? []) {
      expect(t.type).toBe('timer')
      expect(t.config.trim().split(/\s+/)).toHaveLength(7)
    }
    expect(existsSync(join(__dirname, '..', '..', 'cloudfunctions', f.name, 'index.ts'))).toBe(true)
  }
})

/** The context CloudBase gives a timer invocation (docs/emulator.md). */
const TIMER_ENV = JSON.stringify({ TCB_SOURCE: 'wx_trigger', SOURCE: 'wx_trigger' })

test('every timer trigger in cloudbaserc.json is one its function handles', async () => {
  // No database here: point the SDK at a closed loopback port so that a trigger that runs fails fast.
  Object.assign(process.env, {
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: 'http://127.0.0.1:9/admin' }),
    TENCENTCLOUD: 'true',
    SILENCE: 'true',
    TENCENTCLOUD_SECRETID: 'x',
    TENCENTCLOUD_SECRETKEY: 'x',
    ZJ_LOG: 'silent',
  })
  const unknown: string[] = []
  for (const f of rc.functions) {
    const mod = require(join(outDir, f.name, 'index.js')) as {
      main: (e: unknown, c: unknown) => Promise<{ ok: boolean; error?: { message: string } }>
    }
    expect(
      (await mod.main({ Type: 'Timer', TriggerName: '__none__' }, { environment: TIMER_ENV })).error?.message,
    ).toMatch(/未知的定时触发器/)
    for (const t of f.triggers ?? []) {
      const r = await mod.main({ Type: 'Timer', TriggerName: t.name }, { environment: TIMER_ENV })
      if (/未知的定时触发器/.test(r.error?.message ?? '')) unknown.push(`${f.name}.${t.name}`)
    }
  }
  expect(unknown).toEqual([])
}, 120_000)

test('WeChat DevTools uploads the bundled functions, on the runtime the bundle is built for', () => {
  const project = JSON.parse(readFileSync(join(__dirname, '..', '..', 'project.config.json'), 'utf8')) as {
    cloudfunctionRoot: string
  }
  expect(project.cloudfunctionRoot.replace(/\/$/, '')).toBe(rc.functionRoot)
  const runtimes = new Set((rc.functions as { runtime?: string }[]).map((f) => f.runtime))
  expect([...runtimes]).toEqual([FUNCTION_RUNTIME])
  expect(FUNCTION_NODE_TARGET).toBe(`node${FUNCTION_RUNTIME.replace(/^Nodejs(\d+)\..*$/, '$1')}`)
})
