/**
 * Refuse (and log) any network connection from this process that does not go to loopback: the emulator and
 * the functions it runs are offline by design. Installed once per process by the emulator.
 */
import net from 'node:net'

const GUARD = Symbol.for('zhijiu.emulator.netGuard')
const refused: string[] = []

export function isLoopbackHost(host: string | undefined | null): boolean {
  if (!host) return true
  const h = host.replace(/^\[|\]$/g, '').toLowerCase()
  return (
    h === 'localhost' ||
    h === '::1' ||
    h === '0:0:0:0:0:0:0:1' ||
    /^127\.\d+\.\d+\.\d+$/.test(h) ||
    h === '::ffff:127.0.0.1' ||
    h.endsWith('.localhost')
  )
}

function hostOf(args: unknown[]): string | null | undefined {
  let a0 = args[0]
  if (Array.isArray(a0)) a0 = a0[0]
  if (typeof a0 === 'number' || (typeof a0 === 'string' && /^\d+$/.test(a0)))
    return typeof args[1] === 'string' ? args[1] : 'localhost'
  if (typeof a0 === 'string') return null // a unix socket path
  if (a0 && typeof a0 === 'object') {
    const o = a0 as { path?: string; host?: string; hostname?: string }
    if (o.path) return null
    return o.host ?? o.hostname ?? 'localhost'
  }
  return 'localhost'
}

export function refusedConnections(): string[] {
  return [...refused]
}

export function installNetGuard(log: (msg: string) => void = (m) => process.stderr.write(`${m}\n`)): void {
  const g = globalThis as Record<symbol, unknown>
  if (g[GUARD]) return
  g[GUARD] = true
  const proto = net.Socket.prototype as unknown as { connect: (...args: unknown[]) => unknown }
  const original = proto.connect
  proto.connect = function guardedConnect(this: net.Socket, ...args: unknown[]) {
    const host = hostOf(args)
    if (host && !isLoopbackHost(host)) {
      const msg = `[emulator] refused outbound network call to ${host} (only loopback is allowed)`
      refused.push(host)
      if (refused.length > 100) refused.shift()
      log(msg)
      const err = Object.assign(new Error(msg), { code: 'ECONNREFUSED' })
      process.nextTick(() => this.destroy(err))
      return this
    }
    return original.apply(this, args)
  }
  const originalFetch = globalThis.fetch
  if (typeof originalFetch === 'function') {
    globalThis.fetch = (async (input: Parameters<typeof fetch>[0], init?: Parameters<typeof fetch>[1]) => {
      const url =
        typeof input === 'string' || input instanceof URL ? new URL(String(input)) : new URL((input as Request).url)
      if ((url.protocol === 'http:' || url.protocol === 'https:') && !isLoopbackHost(url.hostname)) {
        const msg = `[emulator] refused outbound network call to ${url.hostname} (only loopback is allowed)`
        refused.push(url.hostname)
        log(msg)
        throw new TypeError(msg)
      }
      return originalFetch(input, init)
    }) as typeof fetch
  }
}
