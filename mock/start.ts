/**
 * `npm start`: the whole app locally, offline.
 * 1. the CloudBase emulator in-process (port 9000 / TCB_EMULATOR_PORT, data .data/ / TCB_EMULATOR_DATA; seeded
 *    on first run; `npm start -- --reset` starts from a fresh seed);
 * 2. the production H5 build in dist/h5 (rebuilt only when the sources changed; `--no-build` skips it);
 * 3. the H5 server at http://127.0.0.1:10086 (PORT): static files + `/__cloud/call` forwarding to the emulator.
 */
import path from 'node:path'
import { startEmulatorServer } from './emulator/index'
import { startH5Server } from './h5server'
import { ensureAppBuild, REPO_ROOT } from '../scripts/appBuild'
import { DEMO_IDENTITY_LIST } from '../miniprogram/src/services/demoIdentity'

async function main(): Promise<void> {
  const args = new Set(process.argv.slice(2))
  const emulatorPort = Number(process.env.TCB_EMULATOR_PORT ?? 9000)
  const webPort = Number(process.env.PORT ?? 10086)
  const dataDir = path.resolve(REPO_ROOT, process.env.TCB_EMULATOR_DATA ?? '.data')

  const emulator = await startEmulatorServer({
    port: emulatorPort,
    dataDir,
    fresh: args.has('--reset'),
    scheduler: true,
  })
  console.log(`CloudBase 本地模拟器: ${emulator.serviceUrl}`)
  // The seed's baseline policy run is worked off by the `rematch` timer; run it once now (in the background)
  // so that 政策找人 and 我的匹配 show matches at once instead of after the first timer tick.
  void fetch(`${emulator.url}/_emulator/trigger/policy`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'rematch' }),
  })
    .then(async (r) => {
      const body = (await r.json().catch(() => null)) as { results?: { error?: { message: string } }[] } | null
      const failed = !r.ok ? `HTTP ${r.status}` : body?.results?.find((x) => x.error)?.error?.message
      console.log(
        failed
          ? `政策匹配（rematch）未完成: ${failed}`
          : '政策匹配已运行（rematch）：「我的匹配」和「政策找人」已有结果',
      )
    })
    .catch((e: unknown) => console.log(`政策匹配（rematch）未完成: ${String(e)}`))

  const h5Root = path.join(REPO_ROOT, 'dist', 'h5')
  if (!args.has('--no-build')) {
    console.log('检查 H5 构建（源码有变化时重新构建，约 1 分钟）…')
    const build = await ensureAppBuild('h5', { outputRoot: h5Root })
    console.log(build.built ? `H5 构建完成（${Math.round(build.ms / 1000)} 秒）` : 'H5 构建已是最新')
  }
  const web = await startH5Server({ root: h5Root, serviceUrl: emulator.serviceUrl, port: webPort })

  console.log('')
  console.log(`智就 H5 版:        ${web.url}`)
  console.log(`CloudBase 模拟器:  ${emulator.serviceUrl}  (管理: ${emulator.url}/_emulator/ready)`)
  console.log('演示身份（在 H5 的首页底部或「我的」页切换）:')
  for (const d of DEMO_IDENTITY_LIST) console.log(`  ${d.openid.padEnd(18)} ${d.label}`)
  console.log('按 Ctrl+C 停止。')

  let stopping = false
  const stop = async () => {
    if (stopping) return
    stopping = true
    await web.close().catch(() => undefined)
    await emulator.stop().catch(() => undefined)
    process.exit(0)
  }
  process.on('SIGINT', () => void stop())
  process.on('SIGTERM', () => void stop())
}

main().catch((e: unknown) => {
  console.error(e)
  process.exit(1)
})
