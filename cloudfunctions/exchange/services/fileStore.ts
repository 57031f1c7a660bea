/**
 * Cloud storage for imports and exports: the size of a file, a byte range of it (HTTP Range on the temporary
 * URL, so a large CSV is never held whole in the function's memory), a stream of it (XLSX) and uploads.
 */
import { Readable } from 'node:stream'
import { cloudApp } from '../../_core/app'
import { AppError } from '../../../shared/errors'

async function tempUrl(fileID: string): Promise<string> {
  const res = await cloudApp().getTempFileURL({ fileList: [{ fileID, maxAge: 3600 }] } as never)
  const item = ((res as { fileList?: { tempFileURL?: string; code?: string }[] }).fileList ?? [])[0]
  if (!item?.tempFileURL) throw new AppError('NOT_FOUND', '文件不存在或已过期，请重新上传')
  return item.tempFileURL
}

const urls = new Map<string, { url: string; at: number }>()
async function urlOf(fileID: string): Promise<string> {
  const hit = urls.get(fileID)
  if (hit && Date.now() - hit.at < 30 * 60_000) return hit.url
  const url = await tempUrl(fileID)
  urls.set(fileID, { url, at: Date.now() })
  return url
}

export async function fileSize(fileID: string): Promise<number> {
  const res = await fetch(await urlOf(fileID), { method: 'HEAD' })
  if (!res.ok) throw new AppError('NOT_FOUND', '文件不存在或已过期，请重新上传')
  return Number(res.headers.get('content-length') ?? 0)
}

/** Bytes [start, end) of the file (fewer at its end). */
export async function readRange(fileID: string, start: number, end: number): Promise<Buffer> {
  if (end <= start) return Buffer.alloc(0)
  const res = await fetch(await urlOf(fileID), { headers: { range: `bytes=${start}-${end - 1}` } })
  if (res.status === 416) return Buffer.alloc(0)
  if (!res.ok) throw Object.assign(new Error(`storage read ${res.status}`), { code: 'STORAGE_REQUEST_FAIL' })
  const buf = Buffer.from(await res.arrayBuffer())
  // a server without Range support answers 200 with everything: keep the asked part only
  return res.status === 200 ? buf.subarray(start, end) : buf
}

export async function openStream(fileID: string): Promise<Readable> {
  const res = await fetch(await urlOf(fileID))
  if (!res.ok || !res.body)
    throw Object.assign(new Error(`storage read ${res.status}`), { code: 'STORAGE_REQUEST_FAIL' })
  return Readable.fromWeb(res.body as never)
}

export async function upload(cloudPath: string, content: Buffer): Promise<string> {
  const res = await cloudApp().uploadFile({ cloudPath, fileContent: content })
  return (res as { fileID: string }).fileID
}

/** A temporary download address (1 hour) for a file this function wrote. */
export async function tempUrlOf(fileID: string): Promise<string | null> {
  try {
    return await tempUrl(fileID)
  } catch {
    return null
  }
}
