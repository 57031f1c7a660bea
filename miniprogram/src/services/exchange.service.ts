/**
 * 数据导入导出 (the exchange function): templates, uploading an import file, starting an import (or a dry run),
 * its progress and report, the list of imports, exports. Every call goes through services/cloud.ts; the file
 * itself goes to cloud storage first (weapp: Taro.cloud.uploadFile; H5: the H5 server's upload route).
 */
import Taro from '@tarojs/taro'
import type { ImportKind } from '@shared/exchange/templates'
import type { Envelope } from '@shared/errors'
import { callAction, failure, H5_UPLOAD_PATH, toEnvelope, type ActionInput } from './cloud'
import { getDemoOpenid } from './demoIdentity'

export type { ImportState, ImportSummary, ImportReport, ImportTemplate, ExportAnswer } from '@shared/exchange/views'

export const fetchTemplate = (kind: ImportKind) => callAction('exchange', 'template', { kind })
export const startImport = (input: ActionInput<'exchange', 'importStart'>) =>
  callAction('exchange', 'importStart', input)
export const fetchImportStatus = (jobId: string) => callAction('exchange', 'importStatus', { jobId })
export const fetchImports = (cursor?: string) => callAction('exchange', 'imports', { cursor, pageSize: 20 })
export const exportRecords = (input: ActionInput<'exchange', 'export'>) => callAction('exchange', 'export', input)

const UPLOAD_FAILED = '文件上传失败，请检查网络后重试'
export const IMPORT_EXTENSIONS = ['csv', 'xlsx'] as const

/** The file a staff member picked: weapp a temp path from chooseMessageFile, H5 a browser File. */
export type PickedFile = { name: string; size: number; path?: string; blob?: Blob }

export const extensionOf = (name: string): string => (/\.([A-Za-z0-9]+)$/.exec(name)?.[1] ?? '').toLowerCase()

/** Uploads an import file to cloud storage; the answer is its cloud:// file id. Never throws. */
export async function uploadImportFile(file: PickedFile): Promise<Envelope<string>> {
  const ext = extensionOf(file.name)
  if (!(IMPORT_EXTENSIONS as readonly string[]).includes(ext))
    return failure('VALIDATION_FAILED', '只能导入 CSV 或 XLSX 文件（旧版 .xls 请先另存为 .xlsx）')
  if (process.env.TARO_ENV === 'h5') {
    if (!file.blob) return failure('VALIDATION_FAILED', '请选择文件')
    try {
      const headers: Record<string, string> = { 'content-type': 'application/octet-stream' }
      const openid = getDemoOpenid()
      if (openid) headers['x-demo-openid'] = openid
      const res = await fetch(`${H5_UPLOAD_PATH}?dir=exchange&ext=${ext}`, { method: 'POST', headers, body: file.blob })
      const raw: unknown = await res.json().catch(() => undefined)
      if (raw === undefined) return failure('UPSTREAM_UNAVAILABLE', UPLOAD_FAILED)
      const env = toEnvelope<{ fileID?: unknown }>(raw)
      if (!env.ok) return env
      return typeof env.data?.fileID === 'string' ? { ok: true, data: env.data.fileID } : failure('INTERNAL')
    } catch {
      return failure('UPSTREAM_UNAVAILABLE', UPLOAD_FAILED)
    }
  }
  try {
    const res = await Taro.cloud.uploadFile({
      cloudPath: `exchange/uploads/${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}.${ext}`,
      filePath: file.path ?? '',
    })
    return { ok: true, data: res.fileID }
  } catch {
    return failure('UPSTREAM_UNAVAILABLE', UPLOAD_FAILED)
  }
}

/** Offers a file to the staff member: H5 downloads it (a link, or text as a blob); weapp copies the link. */
export async function offerDownload(opts: { url?: string | null; text?: string; name: string }): Promise<void> {
  if (process.env.TARO_ENV === 'h5') {
    let blob: Blob
    try {
      blob =
        opts.text !== undefined
          ? new Blob([opts.text], { type: 'text/csv;charset=utf-8' })
          : await (await fetch(opts.url ?? '')).blob()
    } catch {
      await Taro.showToast({ title: '下载失败，请检查网络后重试', icon: 'none' })
      return
    }
    const a = document.createElement('a')
    a.href = URL.createObjectURL(blob)
    a.download = opts.name
    a.rel = 'noopener'
    document.body.appendChild(a)
    a.click()
    a.remove()
    return
  }
  if (opts.url) {
    await Taro.setClipboardData({ data: opts.url })
    await Taro.showToast({ title: '下载链接已复制，请在电脑浏览器中打开', icon: 'none' })
  } else if (opts.text !== undefined) {
    await Taro.setClipboardData({ data: opts.text })
    await Taro.showToast({ title: '模板内容已复制，可粘贴到表格中', icon: 'none' })
  }
}
