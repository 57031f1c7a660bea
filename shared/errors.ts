/**
 * Error codes of the public contract (`docs/contract.md`) and their zh-CN messages.
 * Every function answers `{ ok: true, data }` or `{ ok: false, error: { code, message } }`.
 * Pure: no I/O, no SDK imports.
 */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'NOT_ELIGIBLE',
  'QUOTA_EXHAUSTED',
  'RATE_LIMITED',
  'CONTENT_REJECTED',
  'UPSTREAM_UNAVAILABLE',
  'INTERNAL',
] as const

export type ErrorCode = (typeof ERROR_CODES)[number]

/** One default Chinese message per code; a use case may give a more specific one. */
export const ERROR_MESSAGES: Record<ErrorCode, string> = {
  VALIDATION_FAILED: '提交的信息有误，请检查后重试',
  UNAUTHENTICATED: '请先登录',
  FORBIDDEN: '没有权限进行此操作',
  NOT_FOUND: '内容不存在或已删除',
  CONFLICT: '操作冲突，请刷新后重试',
  NOT_ELIGIBLE: '暂不符合条件',
  QUOTA_EXHAUSTED: '名额或次数已用完',
  RATE_LIMITED: '操作太频繁，请稍后再试',
  CONTENT_REJECTED: '内容未通过安全审核，请修改后重新提交',
  UPSTREAM_UNAVAILABLE: '服务暂时不可用，请稍后再试',
  INTERNAL: '系统繁忙，请稍后再试',
}

export interface ErrorBody {
  code: ErrorCode
  message: string
  /** Optional machine-readable detail, e.g. the failing field paths of a validation error. Never PII. */
  details?: unknown
}

export type Envelope<T> = { ok: true; data: T } | { ok: false; error: ErrorBody }

/** An expected failure. Use cases throw it; the function wrapper turns it into the error envelope. */
export class AppError extends Error {
  readonly code: ErrorCode
  readonly details?: unknown
  constructor(code: ErrorCode, message?: string, details?: unknown) {
    super(message ?? ERROR_MESSAGES[code])
    this.name = 'AppError'
    this.code = code
    this.details = details
  }
  toBody(): ErrorBody {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details }
  }
}

export const fail = (code: ErrorCode, message?: string, details?: unknown): AppError =>
  new AppError(code, message, details)

export const isErrorCode = (x: unknown): x is ErrorCode =>
  typeof x === 'string' && (ERROR_CODES as readonly string[]).includes(x)

export const ok = <T>(data: T): Envelope<T> => ({ ok: true, data })
export const errorEnvelope = (code: ErrorCode, message?: string, details?: unknown): Envelope<never> => ({
  ok: false,
  error: new AppError(code, message, details).toBody(),
})
