/**
 * Cloud storage as @cloudbase/node-sdk uses it: `storage.getUploadMetadata` hands out a one-time loopback PUT
 * URL, `storage.batchGetDownloadUrl` signed temporary URLs served here, `storage.batchDeleteFile`.
 * Files live under <dataDir>/storage. Limits: 10 MB per file; images must really be JPEG, PNG or WebP (magic
 * bytes); besides images only .json .csv .txt .pdf .xlsx are accepted. Downloads honour a single `Range: bytes=a-b`
 * (206, as COS does), so a function can read a large import file in pieces. Signed downloads allow any loopback origin (echoed, never `*`)
 * (a signed URL is its own credential; COS buckets are configured with CORS for the H5 site), so the H5 app can
 * fetch an export it was handed.
 */
import { loopbackCors } from '../localGuard'
import { createHmac, randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { invalidParam } from './emulatorError'
import { uploadImageTypeOf } from '../../shared/media/imageType'

export const MAX_FILE_BYTES = 10 * 1024 * 1024
const BUCKET = 'local-1300000000'
const IMAGE_EXT = new Set(['.jpg', '.jpeg', '.png', '.webp'])
const OTHER_TYPES: Record<string, string> = {
  '.json': 'application/json',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.pdf': 'application/pdf',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
}

/** JPEG, PNG or WebP by signature (shared/media/imageType.ts, the one sniffer), else null. */
export function sniffImage(buf: Buffer): 'image/jpeg' | 'image/png' | 'image/webp' | null {
  return uploadImageTypeOf(buf) as 'image/jpeg' | 'image/png' | 'image/webp' | null
}

function cosError(res: ServerResponse, status: number, code: string, message: string, resource: string): void {
  const id = randomBytes(8).toString('hex')
  res.writeHead(status, { 'content-type': 'application/xml' })
  res.end(
    `<?xml version='1.0' encoding='utf-8' ?>\n<Error>\n<Code>${code}</Code>\n<Message>${message}</Message>\n<Resource>${resource}</Resource>\n<RequestId>${id}</RequestId>\n<TraceId>${id}</TraceId>\n</Error>`,
  )
}

export function createStorageService(opts: { dataDir: string; baseUrl: () => string; now: () => Date }) {
  const root = path.join(opts.dataDir, 'storage')
  const secret = randomBytes(16).toString('hex')
  const uploads = new Map<string, { cloudPath: string; expiresAt: number }>()

  const fileIdOf = (cloudPath: string) => `cloud://local.${BUCKET}/${cloudPath}`
  const pathOfFileId = (fileId: unknown): string | null => {
    if (typeof fileId !== 'string') return null
    const m = /^cloud:\/\/[^/]+\/(.+)$/.exec(fileId)
    return m ? safePath(m[1]) : null
  }
  function safePath(p: string): string | null {
    const norm = path.posix.normalize(p.replace(/^\/+/, ''))
    if (!norm || norm.startsWith('..') || norm.includes('\0') || norm === '.') return null
    return norm
  }
  const diskPath = (cloudPath: string) => path.join(root, ...cloudPath.split('/'))
  const sign = (cloudPath: string, exp: number) =>
    createHmac('sha256', secret).update(`${cloudPath}\n${exp}`).digest('hex').slice(0, 32)

  return {
    handles: (action: string) =>
      action === 'storage.getUploadMetadata' ||
      action === 'storage.batchGetDownloadUrl' ||
      action === 'storage.batchDeleteFile',

    handle(action: string, body: Record<string, unknown>): unknown {
      if (action === 'storage.getUploadMetadata') {
        const cloudPath = typeof body.path === 'string' ? safePath(body.path) : null
        if (!cloudPath) throw invalidParam('cloudPath 不合法')
        const token = randomBytes(16).toString('hex')
        uploads.set(token, { cloudPath, expiresAt: Date.now() + 10 * 60_000 })
        return {
          data: {
            url: `${opts.baseUrl()}/_storage/upload/${token}`,
            token,
            authorization: `local ${token}`,
            fileId: fileIdOf(cloudPath),
            cosFileId: `cos_${token}`,
            download_url: '',
          },
        }
      }
      if (action === 'storage.batchGetDownloadUrl') {
        const list = Array.isArray(body.file_list)
          ? (body.file_list as { fileid?: unknown; max_age?: unknown }[])
          : null
        if (!list) throw invalidParam('file_list 必须是数组')
        return {
          data: {
            download_list: list.map((f) => {
              const cloudPath = pathOfFileId(f?.fileid)
              if (!cloudPath || !fs.existsSync(diskPath(cloudPath)))
                return { fileID: f?.fileid, tempFileURL: '', code: 'STORAGE_FILE_NONEXIST', message: '文件不存在' }
              const maxAge = Math.min(Math.max(Number(f.max_age) || 86400, 1), 86400 * 7)
              const exp = Date.now() + maxAge * 1000
              const url = `${opts.baseUrl()}/_storage/file/${cloudPath.split('/').map(encodeURIComponent).join('/')}?t=${exp}&sign=${sign(cloudPath, exp)}`
              return { fileID: f.fileid, tempFileURL: url, code: 'SUCCESS', maxAge }
            }),
          },
        }
      }
      const list = Array.isArray(body.fileid_list) ? (body.fileid_list as unknown[]) : null
      if (!list) throw invalidParam('fileid_list 必须是数组')
      return {
        data: {
          delete_list: list.map((fileId) => {
            const cloudPath = pathOfFileId(fileId)
            if (!cloudPath || !fs.existsSync(diskPath(cloudPath)))
              return { fileID: fileId, code: 'STORAGE_FILE_NONEXIST', message: '文件不存在' }
            fs.rmSync(diskPath(cloudPath), { force: true })
            return { fileID: fileId, code: 'SUCCESS' }
          }),
        },
      }
    },

    /** PUT /_storage/upload/<token> and GET|HEAD /_storage/file/<path>; false when not ours. */
    serve(req: IncomingMessage, res: ServerResponse, url: URL, body: Buffer): boolean {
      const up = /^\/_storage\/upload\/([a-f0-9]+)$/.exec(url.pathname)
      if (up && req.method === 'PUT') {
        const pending = uploads.get(up[1])
        if (!pending || pending.expiresAt < Date.now()) {
          cosError(res, 403, 'AccessDenied', 'upload url expired or unknown', url.pathname)
          return true
        }
        const { cloudPath } = pending
        const ext = path.extname(cloudPath).toLowerCase()
        if (body.length > MAX_FILE_BYTES)
          return (cosError(res, 400, 'EntityTooLarge', `file larger than ${MAX_FILE_BYTES} bytes`, cloudPath), true)
        if (IMAGE_EXT.has(ext) || !OTHER_TYPES[ext]) {
          const type = sniffImage(body)
          if (!type)
            return (
              cosError(
                res,
                400,
                'InvalidArgument',
                'only JPEG, PNG or WebP images (or .json .csv .txt .pdf) are accepted',
                cloudPath,
              ),
              true
            )
        }
        uploads.delete(up[1])
        fs.mkdirSync(path.dirname(diskPath(cloudPath)), { recursive: true })
        const tmp = `${diskPath(cloudPath)}.${up[1]}.tmp`
        fs.writeFileSync(tmp, body)
        fs.renameSync(tmp, diskPath(cloudPath))
        res.writeHead(200, { 'content-length': '0' })
        res.end()
        return true
      }
      const file = /^\/_storage\/file\/(.+)$/.exec(url.pathname)
      if (file && (req.method === 'GET' || req.method === 'HEAD')) {
        const cloudPath = safePath(file[1].split('/').map(decodeURIComponent).join('/'))
        const exp = Number(url.searchParams.get('t'))
        if (!cloudPath || url.searchParams.get('sign') !== sign(cloudPath, exp) || exp < Date.now()) {
          cosError(res, 403, 'AccessDenied', 'signature invalid or expired', url.pathname)
          return true
        }
        if (!fs.existsSync(diskPath(cloudPath)))
          return (cosError(res, 404, 'NoSuchKey', 'file does not exist', cloudPath), true)
        const onDisk = diskPath(cloudPath)
        const size = fs.statSync(onDisk).size
        const range = /^bytes=(\d*)-(\d*)$/.exec(String(req.headers.range ?? ''))
        if (range && (range[1] || range[2])) {
          const start = range[1] ? Number(range[1]) : Math.max(0, size - Number(range[2]))
          const end = range[1] && range[2] ? Math.min(Number(range[2]), size - 1) : size - 1
          if (start >= size || start > end) {
            res.writeHead(416, { 'content-range': `bytes */${size}` })
            res.end()
            return true
          }
          const part = Buffer.alloc(end - start + 1)
          const fd = fs.openSync(onDisk, 'r')
          try {
            fs.readSync(fd, part, 0, part.length, start)
          } finally {
            fs.closeSync(fd)
          }
          const type = OTHER_TYPES[path.extname(cloudPath).toLowerCase()] ?? 'application/octet-stream'
          res.writeHead(206, {
            ...loopbackCors(req),
            'content-type': type,
            'content-length': String(part.length),
            'content-range': `bytes ${start}-${end}/${size}`,
            'accept-ranges': 'bytes',
          })
          res.end(req.method === 'HEAD' ? undefined : part)
          return true
        }
        if (size > 16 * 1024 * 1024) {
          // large files stream from disk instead of sitting in the emulator's memory
          const type = OTHER_TYPES[path.extname(cloudPath).toLowerCase()] ?? 'application/octet-stream'
          res.writeHead(200, {
            ...loopbackCors(req),
            'content-type': type,
            'content-length': String(size),
            'accept-ranges': 'bytes',
          })
          if (req.method === 'HEAD') res.end()
          else fs.createReadStream(onDisk).pipe(res)
          return true
        }
        const bytes = fs.readFileSync(onDisk)
        const type =
          sniffImage(bytes) ?? OTHER_TYPES[path.extname(cloudPath).toLowerCase()] ?? 'application/octet-stream'
        res.writeHead(200, {
          ...loopbackCors(req),
          'content-type': type,
          'content-length': String(bytes.length),
          'accept-ranges': 'bytes',
        })
        res.end(req.method === 'HEAD' ? undefined : bytes)
        return true
      }
      return false
    },

    reset(): void {
      uploads.clear()
      fs.rmSync(root, { recursive: true, force: true })
    },
  }
}

export type StorageService = ReturnType<typeof createStorageService>
