/**
 * The H5 server of `npm start`, the e2e tests and the web bench (Node built-ins + the real CloudBase SDK):
 * - static files of the H5 build (gzip for text, long cache for hashed assets, index.html never cached);
 * - SPA fallback: any GET without a file extension answers index.html (Taro's browser router);
 * - `POST /__wechat/consent` `{templateIds}`: the simulated 订阅消息 tap of the browser demo, forwarded to the WeChat
 *   double of the configured emulator (`serviceUrl`'s origin, never a fixed port) for the demo identity;
 * - `POST /__cloud/call` `{name, data}`: forwards to the emulator exactly as a server would with the real SDK,
 *   `functions.invokeFunction` with the `x-wx-openid` header of the chosen demo identity (`x-demo-openid`
 *   request header; none = anonymous), and answers the function's envelope;
 * - `POST /__cloud/upload?dir=feedback` (raw image bytes, a demo identity required): what `Taro.cloud.uploadFile`
 *   is in the weapp build. The server, never the browser, checks the bytes (at most 10 MB, really JPEG, PNG or
 *   WebP), names the file and stores it with the SDK's `uploadFile`, so it lands in the emulator's storage under
 *   the same limits; answers `{ok: true, data: {fileID}}`;
 * - `POST /__cloud/upload?dir=exchange&ext=csv|xlsx` (raw bytes, a demo identity required): a staff import file,
 *   checked to be CSV text or an XLSX zip, stored under exchange/uploads/;
 * - `GET /__cloud/file?fileID=cloud://…`: the bytes of an uploaded image (what `<Image src="cloud://…">` shows in
 *   WeChat), read with the SDK's `downloadFile`; only images of the upload folders.
 */
import { isLoopbackHostHeader, refuseNonLocal, sendRefusal } from './localGuard'
import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { randomUUID } from 'node:crypto'
import path from 'node:path'
import zlib from 'node:zlib'
import { MAX_FILE_BYTES, sniffImage } from './emulator/storageService'

export interface H5ServerOptions {
  /** The H5 build folder (index.html + static assets). */
  root: string
  /** The emulator's SDK endpoint, e.g. http://127.0.0.1:9000/admin. */
  serviceUrl: string
  /** 0 = a random free port. */
  port?: number
  host?: string
  /** CloudBase env name passed to the SDK. */
  env?: string
}

export interface H5Server {
  url: string
  port: number
  close(): Promise<void>
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'application/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
}
const COMPRESSIBLE = /^(text\/|application\/(javascript|json)|image\/svg)/
const FUNCTION_NAME = /^[a-z][A-Za-z0-9_-]{0,39}$/
const OPENID = /^[\w-]{1,64}$/
const MAX_BODY = 1 << 20
/** Folders the browser may upload to and read back from (one per feature that takes photos). */
const UPLOAD_DIRS = new Set(['feedback'])
const IMAGE_EXT = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' } as const

interface CachedFile {
  body: Buffer
  gzip: Buffer | null
  type: string
  etag: string
}

type SdkApp = {
  callFunction(args: { name: string; data: unknown }): Promise<{ result?: unknown }>
  uploadFile(args: { cloudPath: string; fileContent: Buffer }): Promise<{ fileID: string }>
  downloadFile(args: { fileID: string }): Promise<{ fileContent?: Buffer }>
}

function envelopeError(code: string, message: string) {
  return { ok: false, error: { code, message } }
}

export async function startH5Server(options: H5ServerOptions): Promise<H5Server> {
  // The SDK outside Tencent Cloud: skip the metadata probe and the slow-request timer; dummy credentials.
  process.env.TENCENTCLOUD ??= 'true'
  process.env.SILENCE ??= 'true'
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const tcb = require('@cloudbase/node-sdk') as { init(cfg: Record<string, unknown>): SdkApp }

  const root = path.resolve(options.root)
  const cache = new Map<string, CachedFile>()
  const apps = new Map<string, SdkApp>()

  const appFor = (openid: string | null): SdkApp => {
    const key = openid ?? ''
    let app = apps.get(key)
    if (!app) {
      app = tcb.init({
        env: options.env ?? 'local',
        serviceUrl: options.serviceUrl,
        secretId: 'local',
        secretKey: 'local',
        timeout: 30000,
        ...(openid ? { headers: { 'x-wx-openid': openid } } : {}),
      })
      apps.set(key, app)
    }
    return app
  }

  const loadFile = (file: string): CachedFile | null => {
    const hit = cache.get(file)
    if (hit) return hit
    let body: Buffer
    try {
      if (!fs.statSync(file).isFile()) return null
      body = fs.readFileSync(file)
    } catch {
      return null
    }
    const type = TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream'
    const gzip = COMPRESSIBLE.test(type) && body.length > 1024 ? zlib.gzipSync(body, { level: 9 }) : null
    const entry = { body, gzip, type, etag: `"${body.length.toString(16)}-${fs.statSync(file).mtimeMs.toString(16)}"` }
    cache.set(file, entry)
    return entry
  }

  const sendFile = (req: http.IncomingMessage, res: http.ServerResponse, file: CachedFile, immutable: boolean) => {
    const headers: http.OutgoingHttpHeaders = {
      'content-type': file.type,
      etag: file.etag,
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      vary: 'accept-encoding',
    }
    if (req.headers['if-none-match'] === file.etag) {
      res.writeHead(304, headers)
      res.end()
      return
    }
    const gz = file.gzip && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))
    const body = gz ? file.gzip! : file.body
    if (gz) headers['content-encoding'] = 'gzip'
    headers['content-length'] = body.length
    res.writeHead(200, headers)
    res.end(req.method === 'HEAD' ? undefined : body)
  }

  const sendJson = (res: http.ServerResponse, status: number, body: unknown) => {
    const text = JSON.stringify(body)
    res.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(text),
      'cache-control': 'no-store',
    })
    res.end(text)
  }

  /** The body, or null when it is over `max` bytes (read to the end but not kept, so the answer still arrives). */
  const readBody = (req: http.IncomingMessage, max = MAX_BODY) =>
    new Promise<Buffer | null>((resolve, reject) => {
      const chunks: Buffer[] = []
      let size = 0
      req.on('data', (c: Buffer) => {
        size += c.length
        if (size <= max) chunks.push(c)
      })
      req.on('end', () => resolve(size > max ? null : Buffer.concat(chunks)))
      req.on('error', reject)
    })

  const callerOf = (req: http.IncomingMessage): string | null => {
    const header = req.headers['x-demo-openid']
    return typeof header === 'string' && OPENID.test(header) ? header : null
  }

  const handleCall = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const raw = await readBody(req)
    if (!raw) return sendJson(res, 413, envelopeError('VALIDATION_FAILED', '提交的内容过大'))
    let body: { name?: unknown; data?: unknown }
    try {
      body = JSON.parse(raw.toString('utf8')) as typeof body
    } catch {
      return sendJson(res, 400, envelopeError('VALIDATION_FAILED', '请求格式不正确'))
    }
    if (!body || typeof body.name !== 'string' || !FUNCTION_NAME.test(body.name)) {
      return sendJson(res, 400, envelopeError('VALIDATION_FAILED', '云函数名称不正确'))
    }
    const openid = callerOf(req)
    try {
      const { result } = await appFor(openid).callFunction({ name: body.name, data: body.data ?? {} })
      sendJson(res, 200, result ?? envelopeError('INTERNAL', '系统繁忙，请稍后再试'))
    } catch (e) {
      const err = e as { code?: string; message?: string }
      const notFound = /FUNCTION_NOT_FOUND|not ?found/i.test(`${err.code ?? ''} ${err.message ?? ''}`)
      sendJson(
        res,
        502,
        envelopeError(
          notFound ? 'NOT_FOUND' : 'UPSTREAM_UNAVAILABLE',
          notFound ? '服务不存在' : '服务暂时不可用，请稍后再试',
        ),
      )
    }
  }

  // The browser's stand-in for the WeChat subscription dialog: WeChat records the tap for the signed-in user, so the
  // openid is the demo identity's (header), and the double lives on the same emulator the SDK calls go to.
  const handleConsent = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const openid = callerOf(req)
    if (!openid) return sendJson(res, 401, envelopeError('UNAUTHENTICATED', '请先登录'))
    const raw = await readBody(req, 64 * 1024)
    let templateIds: unknown
    try {
      templateIds = (JSON.parse(raw?.toString('utf8') ?? '') as { templateIds?: unknown }).templateIds
    } catch {
      return sendJson(res, 400, envelopeError('VALIDATION_FAILED', '请求格式不正确'))
    }
    if (
      !Array.isArray(templateIds) ||
      templateIds.length === 0 ||
      templateIds.length > 20 ||
      !templateIds.every((t) => typeof t === 'string' && OPENID.test(t))
    ) {
      return sendJson(res, 400, envelopeError('VALIDATION_FAILED', '模板编号不正确'))
    }
    try {
      const up = await fetch(`${new URL(options.serviceUrl).origin}/_emulator/wechat/consent`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ openid, templateIds }),
      })
      sendJson(
        res,
        up.ok ? 200 : 502,
        up.ok
          ? { ok: true, data: { templateIds } }
          : envelopeError('UPSTREAM_UNAVAILABLE', '服务暂时不可用，请稍后再试'),
      )
    } catch {
      sendJson(res, 502, envelopeError('UPSTREAM_UNAVAILABLE', '服务暂时不可用，请稍后再试'))
    }
  }

  // The browser's Taro.cloud.uploadFile: the bytes are checked here (never trusted from the page), then stored
  // through the SDK, so the emulator's storage applies its own limits as it does for the weapp build.
  const handleUpload = async (req: http.IncomingMessage, res: http.ServerResponse, url: URL) => {
    const dir = url.searchParams.get('dir') ?? ''
    const openid = callerOf(req)
    const body = await readBody(req, MAX_FILE_BYTES)
    if (!openid) return sendJson(res, 401, envelopeError('UNAUTHENTICATED', '请先登录后再上传图片'))
    if (dir === 'exchange') return uploadImportFile(res, openid, body, url.searchParams.get('ext') ?? '')
    if (!UPLOAD_DIRS.has(dir)) return sendJson(res, 400, envelopeError('VALIDATION_FAILED', '不支持的上传位置'))
    if (!body)
      return sendJson(res, 413, envelopeError('VALIDATION_FAILED', `图片不能超过${MAX_FILE_BYTES / 1024 / 1024}MB`))
    const type = sniffImage(body)
    if (!type) return sendJson(res, 415, envelopeError('VALIDATION_FAILED', '只能上传 JPG、PNG 或 WebP 格式的图片'))
    try {
      const { fileID } = await appFor(openid).uploadFile({
        cloudPath: `${dir}/h5-${randomUUID()}.${IMAGE_EXT[type]}`,
        fileContent: body,
      })
      sendJson(res, 200, { ok: true, data: { fileID } })
    } catch (e) {
      const refused = /STORAGE_REQUEST_FAIL/.test(String((e as { code?: string })?.code ?? ''))
      sendJson(
        res,
        refused ? 400 : 502,
        refused
          ? envelopeError('VALIDATION_FAILED', '图片不符合要求，请更换后重试')
          : envelopeError('UPSTREAM_UNAVAILABLE', '图片上传失败，请稍后再试'),
      )
    }
  }

  // What WeChat does for <Image src="cloud://…">: the stored image's bytes (images of the upload folders only).
  /** Staff import files (数据导入): CSV (no NUL bytes) or XLSX (a zip), what Taro.cloud.uploadFile is in weapp. */
  const uploadImportFile = async (
    res: http.ServerResponse,
    openid: string | null,
    body: Buffer | null,
    ext: string,
  ) => {
    if (!openid) return sendJson(res, 401, envelopeError('UNAUTHENTICATED', '请先登录后再上传文件'))
    if (!body)
      return sendJson(
        res,
        413,
        envelopeError('VALIDATION_FAILED', `文件不能超过${MAX_FILE_BYTES / 1024 / 1024}MB，更大的文件请在电脑端上传`),
      )
    const zip = body.length > 4 && body.readUInt32LE(0) === 0x04034b50
    if (!((ext === 'xlsx' && zip) || (ext === 'csv' && !zip && !body.includes(0))))
      return sendJson(res, 415, envelopeError('VALIDATION_FAILED', '只能导入 CSV 或 XLSX 文件'))
    try {
      const { fileID } = await appFor(openid).uploadFile({
        cloudPath: `exchange/uploads/h5-${randomUUID()}.${ext}`,
        fileContent: body,
      })
      sendJson(res, 200, { ok: true, data: { fileID } })
    } catch {
      sendJson(res, 502, envelopeError('UPSTREAM_UNAVAILABLE', '文件上传失败，请稍后再试'))
    }
  }
  const handleFile = async (req: http.IncomingMessage, res: http.ServerResponse, url: URL) => {
    const fileID = url.searchParams.get('fileID') ?? ''
    const m = /^cloud:\/\/[^/\s]+\/([^/\s]+)\/[^\s]+$/.exec(fileID)
    if (!m || !UPLOAD_DIRS.has(m[1]) || fileID.includes('..'))
      return sendJson(res, 404, envelopeError('NOT_FOUND', '图片不存在'))
    let bytes: Buffer | null = null
    try {
      const got = await appFor(null).downloadFile({ fileID })
      bytes = got.fileContent && got.fileContent.length ? Buffer.from(got.fileContent) : null
    } catch {
      bytes = null
    }
    const type = bytes ? sniffImage(bytes) : null
    if (!bytes || !type) return sendJson(res, 404, envelopeError('NOT_FOUND', '图片不存在'))
    res.writeHead(200, {
      'content-type': type,
      'content-length': bytes.length,
      'cache-control': 'private, max-age=3600',
      'x-content-type-options': 'nosniff',
    })
    res.end(req.method === 'HEAD' ? undefined : bytes)
  }

  // a host given explicitly (e.g. a LAN address for a phone) is accepted as Host/Origin too
  const extraHosts = options.host && !isLoopbackHostHeader(options.host) ? [options.host] : []
  const server = http.createServer((req, res) => {
    const refusal = refuseNonLocal(req, extraHosts)
    if (refusal) {
      req.resume()
      return sendRefusal(res, refusal)
    }
    const url = new URL(req.url ?? '/', 'http://local')
    const failed = () => {
      if (!res.headersSent) sendJson(res, 500, envelopeError('INTERNAL', '系统繁忙，请稍后再试'))
    }
    if (url.pathname === '/__cloud/call') {
      if (req.method !== 'POST') return sendJson(res, 405, envelopeError('VALIDATION_FAILED', '请使用 POST'))
      handleCall(req, res).catch(failed)
      return
    }
    if (url.pathname === '/__wechat/consent') {
      if (req.method !== 'POST') return sendJson(res, 405, envelopeError('VALIDATION_FAILED', '请使用 POST'))
      handleConsent(req, res).catch(failed)
      return
    }
    if (url.pathname === '/__cloud/upload') {
      if (req.method !== 'POST') return sendJson(res, 405, envelopeError('VALIDATION_FAILED', '请使用 POST'))
      handleUpload(req, res, url).catch(failed)
      return
    }
    if (url.pathname === '/__cloud/file' && (req.method === 'GET' || req.method === 'HEAD')) {
      handleFile(req, res, url).catch(failed)
      return
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end()
      return
    }
    let pathname: string
    try {
      pathname = decodeURIComponent(url.pathname)
    } catch {
      res.writeHead(400).end()
      return
    }
    const file = path.join(root, path.normalize(pathname).replace(/^([/\\])+/, ''))
    if (file !== root && !file.startsWith(root + path.sep)) {
      res.writeHead(403).end()
      return
    }
    const hit = pathname !== '/' ? loadFile(file) : null
    if (hit) return sendFile(req, res, hit, /^\/(js|css|static)\//.test(pathname))
    if (path.extname(pathname) && pathname !== '/') {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found')
      return
    }
    const index = loadFile(path.join(root, 'index.html'))
    if (!index) {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' }).end('H5 build missing: run npm run build:h5')
      return
    }
    sendFile(req, res, index, false)
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve())
  })
  const port = (server.address() as AddressInfo).port
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections?.()
        server.close(() => resolve())
      }),
  }
}
