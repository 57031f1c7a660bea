/**
 * `npm run emulator`: the local CloudBase emulator and the WeChat double, on TCB_EMULATOR_PORT (9000) with data
 * in TCB_EMULATOR_DATA (.data/). Seeds on first run; `npm run emulator -- --reset` starts fresh.
 * Timer triggers fire on their cron while it runs (`--no-timers` turns that off).
 */
import path from 'node:path'
import { startEmulatorServer } from './emulator/index'

const DEMO_IDENTITIES: [string, string][] = [
  ['o_demo_resident', '居民（已绑定人员档案：高校毕业生、登记失业，历下区 370102）'],
  ['o_demo_resident2', '另一位已绑定的居民'],
  ['o_demo_grid', '网格员（网格一）'],
  ['o_demo_grid2', '网格员（另一网格）'],
  ['o_demo_handler', '投诉处理人（370102 全部类别）'],
  ['o_demo_handler2', '另一地区部门的处理人'],
  ['o_demo_admin', '管理员'],
]

async function main(): Promise<void> {
  const args = process.argv.slice(2)
  const root = path.resolve(__dirname, '..')
  const port = Number(process.env.TCB_EMULATOR_PORT ?? 9000)
  const dataDir = path.resolve(root, process.env.TCB_EMULATOR_DATA ?? '.data')
  const started = Date.now()
  const server = await startEmulatorServer({
    port,
    dataDir,
    root,
    fresh: args.includes('--reset'),
    scheduler: !args.includes('--no-timers'),
  })
  const lines = [
    `CloudBase 本地模拟器已启动（${Date.now() - started} ms）`,
    `  SDK serviceUrl:   ${server.serviceUrl}`,
    `  WeChat API 替身:  ${server.url}  (WX_API_BASE_URL)`,
    `  管理路径:         ${server.url}/_emulator/ready | reset | clock | trigger/<fn> | faults | stats | wechat/messages`,
    `  数据目录:         ${server.dataDir}`,
    '  演示身份 (x-wx-openid):',
    ...DEMO_IDENTITIES.map(([o, who]) => `    ${o.padEnd(18)} ${who}`),
  ]
  process.stdout.write(`${lines.join('\n')}\n`)
  let stopping = false
  const stop = (signal: string) => {
    if (stopping) return
    stopping = true
    process.stdout.write(`收到 ${signal}，正在关闭模拟器…\n`)
    server.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    )
  }
  process.on('SIGTERM', () => stop('SIGTERM'))
  process.on('SIGINT', () => stop('SIGINT'))
}

main().catch((e) => {
  process.stderr.write(`模拟器启动失败：${(e as Error)?.stack ?? String(e)}\n`)
  process.exit(1)
})
