/**
 * Loaded before every test file (jest `setupFiles`): the suites refuse to run against anything but the local
 * emulator. Real CloudBase credentials, a non-local environment or a non-loopback service address stop the run
 * before any test can write to a real database or send a real WeChat message.
 */
const LOOPBACK = /^https?:\/\/(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?(\/|$)/

export function localOnlyProblems(env: Record<string, string | undefined>): string[] {
  const problems: string[] = []
  const id = env.TENCENTCLOUD_SECRETID
  if (id && id !== 'local' && /^AKID/i.test(id)) problems.push('TENCENTCLOUD_SECRETID holds a real Tencent Cloud key')
  if (env.TCB_ENV && env.TCB_ENV !== 'local') problems.push(`TCB_ENV is "${env.TCB_ENV}", not "local"`)
  if (env.TCB_CONTEXT_CNFG) {
    try {
      const url = String((JSON.parse(env.TCB_CONTEXT_CNFG) as { URL?: string }).URL ?? '')
      if (url && !LOOPBACK.test(url)) problems.push(`TCB_CONTEXT_CNFG points at ${url}`)
    } catch {
      problems.push('TCB_CONTEXT_CNFG is not JSON')
    }
  }
  if (env.WX_API_BASE_URL && !LOOPBACK.test(env.WX_API_BASE_URL))
    problems.push(`WX_API_BASE_URL points at ${env.WX_API_BASE_URL}`)
  if (env.WX_SECRET && env.WX_SECRET !== 'local' && env.WX_SECRET.length >= 32)
    problems.push('WX_SECRET looks like a real app secret')
  return problems
}

const problems = localOnlyProblems(process.env)
if (problems.length) {
  throw new Error(`测试只能在本地模拟器上运行，已拒绝：${problems.join('；')}`)
}
