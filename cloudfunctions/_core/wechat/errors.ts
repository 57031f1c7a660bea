/**
 * Typed errors of the WeChat server API client. Callers branch on the class (or `kind`), never on errcodes.
 *
 * | errcode / event                  | error                       | what the caller does                       |
 * | -------------------------------- | --------------------------- | ------------------------------------------ |
 * | 40001 / 42001 (after one refresh) | WechatAuthError             | retry later (the client already retried)   |
 * | token grant refused (40013 …)    | WechatAuthError             | configuration problem; retry later, alert  |
 * | -1, HTTP 5xx, network (after retries) | WechatUnavailableError  | retry later with backoff                   |
 * | send timed out after the request left | WechatUncertainError    | do not resend blindly (may be delivered)   |
 * | 45009                            | WechatQuotaError            | pause until resumeAtMs (next China-time day) |
 * | 43101                            | WechatNoConsentError        | no consent left: the producer's fallback   |
 * | 47003 / 40037 / 41030 / 40003 …  | WechatPermanentError        | dead letter with the reason                |
 * | msgSecCheck 87014                | (a value: suggest 'risky')  | the content is rejected                    |
 */
import { nextCstMidnightMs } from '../../../shared/calendar/chinaTime'
export type WechatErrorKind = 'auth' | 'unavailable' | 'uncertain' | 'quota' | 'noConsent' | 'permanent'

export class WechatError extends Error {
  readonly kind: WechatErrorKind
  readonly errcode: number | null
  /** Set for the kinds a function should answer as UPSTREAM_UNAVAILABLE (see createFunction). */
  readonly code?: 'UPSTREAM_UNAVAILABLE'
  constructor(kind: WechatErrorKind, errcode: number | null, message: string) {
    super(message)
    this.name = 'WechatError'
    this.kind = kind
    this.errcode = errcode
    if (kind === 'auth' || kind === 'unavailable' || kind === 'uncertain' || kind === 'quota')
      this.code = 'UPSTREAM_UNAVAILABLE'
  }
  /** Worth trying again later (not the same message's fault). */
  get retryable(): boolean {
    return this.kind === 'auth' || this.kind === 'unavailable' || this.kind === 'quota'
  }
}

export class WechatAuthError extends WechatError {
  constructor(errcode: number | null, message: string) {
    super('auth', errcode, message)
    this.name = 'WechatAuthError'
  }
}
export class WechatUnavailableError extends WechatError {
  constructor(errcode: number | null, message: string) {
    super('unavailable', errcode, message)
    this.name = 'WechatUnavailableError'
  }
}
export class WechatUncertainError extends WechatError {
  constructor(message: string) {
    super('uncertain', null, message)
    this.name = 'WechatUncertainError'
  }
}
export class WechatQuotaError extends WechatError {
  /** When the daily quota resets: the next midnight, China time. */
  readonly resumeAtMs: number
  constructor(errcode: number, message: string, resumeAtMs: number) {
    super('quota', errcode, message)
    this.name = 'WechatQuotaError'
    this.resumeAtMs = resumeAtMs
  }
}
export class WechatNoConsentError extends WechatError {
  constructor(message: string) {
    super('noConsent', 43101, message)
    this.name = 'WechatNoConsentError'
  }
}
export class WechatPermanentError extends WechatError {
  constructor(errcode: number | null, message: string) {
    super('permanent', errcode, message)
    this.name = 'WechatPermanentError'
  }
}

/** The next 00:00 in China time (UTC+8) after `nowMs`. */
export function nextCstMidnight(nowMs: number): number {
  return nextCstMidnightMs(nowMs)
}

/** When sending may resume after a quota error: 45009 (daily quota) at the next China-time midnight, 45011 after a minute. */
export function quotaResumeAt(errcode: number | null, nowMs: number): number {
  return errcode === 45011 ? nowMs + 60_000 : nextCstMidnight(nowMs)
}

/** Maps an API errcode (not 0, not a token error) to its typed error. */
export function errorFor(errcode: number, errmsg: string, nowMs: number): WechatError {
  const msg = `wechat ${errcode}: ${errmsg}`
  if (errcode === -1) return new WechatUnavailableError(errcode, msg)
  if (errcode === 45009 || errcode === 45011) return new WechatQuotaError(errcode, msg, quotaResumeAt(errcode, nowMs))
  if (errcode === 43101) return new WechatNoConsentError(msg)
  if (errcode === 40001 || errcode === 42001 || errcode === 41001) return new WechatAuthError(errcode, msg)
  return new WechatPermanentError(errcode, msg)
}
