/**
 * The ONLY place that talks to the backend.
 * - weapp: `Taro.cloud.callFunction` (after one `Taro.cloud.init`); WeChat injects the caller's identity.
 * - H5: POST `{name, data}` to the H5 server's `/__cloud/call` with the chosen demo identity; the server
 *   forwards it to the emulator exactly as the real SDK does (mock/h5server.ts).
 * Every answer is the contract envelope; a network failure becomes a typed UPSTREAM_UNAVAILABLE envelope.
 * Images go the same two ways: `Taro.cloud.uploadFile` in weapp, `/__cloud/upload` of the H5 server in H5 (which
 * checks and stores them in the same cloud storage); both give a `cloud://` file id (`uploadImage`, `imageSrc`).
 */
import Taro from '@tarojs/taro'
import type { z } from 'zod'
import type { FunctionName, registry } from '@shared/actions'
import { type Envelope, type ErrorCode, ERROR_MESSAGES, isErrorCode } from '@shared/errors'
import type { ActionOutputs } from './actionOutputs'
import { getDemoOpenid } from './demoIdentity'

type Registry = typeof registry
export type ActionName<F extends FunctionName> = Extract<keyof Registry[F]['actions'], string>
type SpecOf<F extends FunctionName, A extends ActionName<F>> = Registry[F]['actions'][A]
/** The input an action accepts (before defaults), typed from its shared zod schema. */
export type ActionInput<F extends FunctionName, A extends ActionName<F>> =
  SpecOf<F, A> extends { input: infer S extends z.ZodType } ? z.input<S> : never
/** The answer's data, as declared in ActionOutputs (unknown when undeclared). */
export type ActionOutput<F extends FunctionName, A extends ActionName<F>> = `${F}.${A}` extends keyof ActionOutputs
  ? ActionOutputs[`${F}.${A}`]
  : unknown

export const NETWORK_ERROR_MESSAGE = '网络连接失败，请检查网络后重试'
export const H5_CALL_PATH = '/__cloud/call'
export const H5_UPLOAD_PATH = '/__cloud/upload'
export const H5_FILE_PATH = '/__cloud/file'
const UPLOAD_FAILED_MESSAGE = '图片上传失败，请检查网络后重试'
const UNSUPPORTED_IMAGE_MESSAGE = '只能上传 JPG、PNG 或 WebP 格式的图片，请更换后重试'
const TIMEOUT_MS = 15000

export type CloudEnvelope<T> = Envelope<T>

/** Listeners told about every network failure (the offline banner uses it). */
type NetworkListener = (online: boolean) => void
const networkListeners = new Set<NetworkListener>()
export function onCallNetworkState(fn: NetworkListener): () => void {
  networkListeners.add(fn)
  return () => networkListeners.delete(fn)
}
function notifyNetwork(online: boolean): void {
  networkListeners.forEach((fn) => fn(online))
}

export function failure(code: ErrorCode, message?: string): Envelope<never> {
  return { ok: false, error: { code, message: message ?? ERROR_MESSAGES[code] } }
}

/** Anything that is not a well-formed envelope is reported as INTERNAL (never passed on as data). */
export function toEnvelope<T>(result: unknown): Envelope<T> {
  if (result && typeof result === 'object' && 'ok' in result) {
    const r = result as { ok: unknown; data?: unknown; error?: { code?: unknown; message?: unknown } }
    if (r.ok === true) return { ok: true, data: r.data as T }
    if (r.ok === false && r.error && isErrorCode(r.error.code)) {
      const message =
        typeof r.error.message === 'string' && r.error.message ? r.error.message : ERROR_MESSAGES[r.error.code]
      return { ok: false, error: { code: r.error.code, message } }
    }
  }
  return failure('INTERNAL')
}

let initialised = false
function ensureCloudInit(): void {
  if (initialised) return
  initialised = true
  Taro.cloud.init(CLOUD_ENV ? { env: CLOUD_ENV, traceUser: true } : { traceUser: true })
}

async function callWeapp(name: string, data: Record<string, unknown>): Promise<unknown> {
  ensureCloudInit()
  const res = await Taro.cloud.callFunction({ name, data })
  return res.result
}

function h5Headers(contentType: string): Record<string, string> {
  const headers: Record<string, string> = { 'content-type': contentType }
  const openid = getDemoOpenid()
  if (openid) headers['x-demo-openid'] = openid
  return headers
}

async function callH5(name: string, data: Record<string, unknown>): Promise<unknown> {
  const headers = h5Headers('application/json')
  const controller = typeof AbortController === 'undefined' ? null : new AbortController()
  const timer = controller ? setTimeout(() => controller.abort(), TIMEOUT_MS) : null
  try {
    const res = await fetch(H5_CALL_PATH, {
      method: 'POST',
      headers,
      body: JSON.stringify({ name, data }),
      signal: controller?.signal,
    })
    // The H5 server answers an envelope even on failure; anything else (proxy page, empty body) is a network error.
    const body: unknown = await res.json().catch(() => undefined)
    if (body === undefined) throw new Error(`HTTP ${res.status}`)
    return body
  } finally {
    if (timer) clearTimeout(timer)
  }
}

/** Calls a cloud function with a raw payload (`data.action` selects the action). Never throws. */
export async function callFunction<T = unknown>(name: string, data: Record<string, unknown>): Promise<Envelope<T>> {
  let raw: unknown
  try {
    raw = process.env.TARO_ENV === 'h5' ? await callH5(name, data) : await callWeapp(name, data)
  } catch {
    notifyNetwork(false)
    return failure('UPSTREAM_UNAVAILABLE', NETWORK_ERROR_MESSAGE)
  }
  notifyNetwork(true)
  return toEnvelope<T>(raw)
}

/**
 * The typed helper module services use: `callAction('job', 'search', { keyword: '焊工' })`.
 * The input type comes from the shared schema; the data type from ActionOutputs.
 */
export function callAction<F extends FunctionName, A extends ActionName<F>>(
  fn: F,
  action: A,
  input: ActionInput<F, A>,
): Promise<Envelope<ActionOutput<F, A>>> {
  return callFunction<ActionOutput<F, A>>(fn, { ...(input as Record<string, unknown>), action })
}

/** A client-made id for requestId / clientId (idempotent writes). */
export function newRequestId(prefix = 'r'): string {
  const rand = Math.random().toString(36).slice(2, 10)
  return `${prefix}-${Date.now().toString(36)}-${rand}`
}

/**
 * Uploads a chosen image (a `Taro.chooseImage` temp path) into cloud storage under `dir/`; the answer is its
 * `cloud://` file id. weapp: `Taro.cloud.uploadFile` to `dir/name.ext`. H5: the bytes go to the H5 server,
 * which checks size and type itself and names the file (`name` is not used). Never throws.
 */
export async function uploadImage(dir: 'feedback', name: string, localPath: string): Promise<Envelope<string>> {
  if (process.env.TARO_ENV === 'h5') return uploadImageH5(dir, localPath)
  // photos are JPEG, PNG or WebP only (as the H5 upload route and feedback.submit take them): say so here, before
  // anything is uploaded, instead of failing later as if the network were at fault
  const ext = await imageExtOf(localPath)
  if (!ext) return failure('VALIDATION_FAILED', UNSUPPORTED_IMAGE_MESSAGE)
  try {
    ensureCloudInit()
    const res = await Taro.cloud.uploadFile({ cloudPath: `${dir}/${name}.${ext}`, filePath: localPath })
    return { ok: true, data: res.fileID }
  } catch {
    return failure('UPSTREAM_UNAVAILABLE', UPLOAD_FAILED_MESSAGE)
  }
}

/** The stored extension of a picked file by what WeChat decodes it as (`getImageInfo`); null when not JPEG/PNG/WebP. */
async function imageExtOf(localPath: string): Promise<string | null> {
  try {
    const { type } = await Taro.getImageInfo({ src: localPath })
    return type === 'png' || type === 'webp' ? type : type === 'jpeg' || type === 'jpg' ? 'jpg' : null
  } catch {
    return null
  }
}

async function uploadImageH5(dir: string, localPath: string): Promise<Envelope<string>> {
  let raw: unknown
  try {
    // the temp path of H5 chooseImage is a blob: URL of the picked file
    const blob = await (await fetch(localPath)).blob()
    const res = await fetch(`${H5_UPLOAD_PATH}?dir=${encodeURIComponent(dir)}`, {
      method: 'POST',
      headers: h5Headers(blob.type || 'application/octet-stream'),
      body: blob,
    })
    raw = await res.json().catch(() => undefined)
    if (raw === undefined) throw new Error(`HTTP ${res.status}`)
  } catch {
    return failure('UPSTREAM_UNAVAILABLE', UPLOAD_FAILED_MESSAGE)
  }
  const env = toEnvelope<{ fileID?: unknown }>(raw)
  if (!env.ok) return env
  return typeof env.data?.fileID === 'string' ? { ok: true, data: env.data.fileID } : failure('INTERNAL')
}

/** What an <Image> shows for a stored file id: the id itself in weapp (WeChat resolves cloud://), the H5 server's file path in H5. */
export function imageSrc(fileId: string): string {
  if (process.env.TARO_ENV !== 'h5' || !fileId.startsWith('cloud://')) return fileId
  return `${H5_FILE_PATH}?fileID=${encodeURIComponent(fileId)}`
}
