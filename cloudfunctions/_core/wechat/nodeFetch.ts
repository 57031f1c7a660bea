/**
 * The subset of `fetch` our WeChat client uses, over node:http(s), for runtimes without a global fetch
 * (CloudBase's Nodejs16.13: fetch arrived in Node 18). Only POST with a string or byte body, an abort signal,
 * and a reply read as JSON or bytes.
 */
import http from 'node:http'
import https from 'node:https'

interface MiniInit {
  method?: string
  headers?: Record<string, string>
  body?: string | Uint8Array | null
  signal?: AbortSignal | null
}

const keepAlive = { http: new http.Agent({ keepAlive: true }), https: new https.Agent({ keepAlive: true }) }

export function nodeFetch(url: string, init: MiniInit = {}): Promise<Response> {
  return new Promise((resolve, reject) => {
    const u = new URL(url)
    const secure = u.protocol === 'https:'
    const body =
      init.body === undefined || init.body === null
        ? null
        : typeof init.body === 'string'
          ? Buffer.from(init.body)
          : Buffer.from(init.body)
    const req = (secure ? https : http).request(
      u,
      {
        method: init.method ?? 'GET',
        headers: { ...(init.headers ?? {}), ...(body ? { 'content-length': String(body.length) } : {}) },
        agent: secure ? keepAlive.https : keepAlive.http,
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('error', reject)
        res.on('end', () => {
          const bytes = Buffer.concat(chunks)
          resolve({
            status: res.statusCode ?? 0,
            ok: (res.statusCode ?? 0) >= 200 && (res.statusCode ?? 0) < 300,
            json: async () => JSON.parse(bytes.toString('utf8')),
            text: async () => bytes.toString('utf8'),
            arrayBuffer: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
          } as unknown as Response)
        })
      },
    )
    const onAbort = () => {
      const e = new Error('The operation was aborted due to timeout')
      e.name = 'TimeoutError'
      req.destroy(e)
    }
    if (init.signal) {
      if (init.signal.aborted) return onAbort()
      init.signal.addEventListener('abort', onAbort, { once: true })
    }
    req.on('error', (e: NodeJS.ErrnoException) => {
      // the shape fetch gives: a TypeError whose cause carries the code
      reject(e.name === 'TimeoutError' ? e : Object.assign(new TypeError('fetch failed'), { cause: e }))
    })
    if (body) req.write(body)
    req.end()
  })
}
