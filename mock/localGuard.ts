/**
 * The local servers (`npm start` runs them on people's laptops: the emulator with its /admin and /_emulator/*
 * paths and the WeChat double, and the H5 server) bind loopback, but a web page the developer opens elsewhere
 * can still reach loopback: by a cross-site request (the browser sends the page's Origin) or by DNS rebinding
 * (an attacker's host name resolving to 127.0.0.1: the browser sends that name as Host). Every request is
 * therefore refused unless its Host is a loopback name and its Origin, when there is one, is a loopback origin.
 * No `Access-Control-Allow-Origin: *` anywhere: a loopback origin is echoed where a cross-port read is needed.
 */
import type http from 'node:http'

const LOOPBACK_NAME = /^(localhost|127\.\d{1,3}\.\d{1,3}\.\d{1,3}|\[::1\]|[a-z0-9-]+\.localhost)$/i

/** `127.0.0.1:9000`, `localhost`, `[::1]:80` → true; `evil.example:9000`, `192.168.1.5` → false. */
export function isLoopbackHostHeader(host: string | undefined, extraHosts: readonly string[] = []): boolean {
  if (!host) return false
  const m = /^(\[[^\]]+\]|[^:]+)(?::(\d{1,5}))?$/.exec(host.trim())
  if (!m) return false
  const name = m[1].toLowerCase()
  return LOOPBACK_NAME.test(name) || extraHosts.map((h) => h.toLowerCase()).includes(name)
}

/** An Origin header naming a loopback http(s) origin. */
export function isLoopbackOrigin(origin: string | undefined, extraHosts: readonly string[] = []): boolean {
  if (!origin) return false
  try {
    const u = new URL(origin)
    return (u.protocol === 'http:' || u.protocol === 'https:') && isLoopbackHostHeader(u.host, extraHosts)
  } catch {
    return false
  }
}

/** null when the request may go on, else why it is refused. */
export function refuseNonLocal(req: http.IncomingMessage, extraHosts: readonly string[] = []): string | null {
  if (!isLoopbackHostHeader(req.headers.host, extraHosts)) return 'Host 不是本机地址（拒绝 DNS 重绑定访问）'
  const origin = req.headers.origin
  if (origin !== undefined && !isLoopbackOrigin(origin, extraHosts)) return 'Origin 不是本机页面（拒绝跨站访问）'
  return null
}

/** The CORS header for a read another loopback port may make (H5 app ← emulator storage), never `*`. */
export function loopbackCors(req: http.IncomingMessage): Record<string, string> {
  const origin = req.headers.origin
  return origin && isLoopbackOrigin(origin) ? { 'access-control-allow-origin': origin, vary: 'Origin' } : {}
}

export function sendRefusal(res: http.ServerResponse, why: string): void {
  const body = JSON.stringify({ ok: false, error: { code: 'FORBIDDEN', message: why } })
  res.writeHead(403, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) })
  res.end(body)
}
