/**
 * WeChat subscription-message keyword types and their limits (微信订阅消息 模板参数值要求).
 * `checkKeyword` is what WeChat enforces (errcode 47003 otherwise); the WeChat double uses it too.
 * `fitKeyword` turns a producer's raw value into an accepted one by clear rules, or rejects it:
 *   - thing: whitespace collapsed; longer than 20 characters → the first 19 + '…'
 *   - time / date: an ISO-8601 instant is written in China time ('2026年11月23日 15:01' / '2026年11月23日');
 *     values already in an accepted format are kept
 *   - amount: a plain number gets two decimals and '元' ('12.5' → '12.50元')
 *   - every other type (number, letter, symbol, character_string, phone_number, car_number, name, phrase)
 *     is never shortened (a cut number, code, name or status would say something false): it is rejected.
 * Lengths are counted in Unicode code points. Pure: no I/O.
 */
import { cstWallClock } from '../calendar/chinaTime'

export const KEYWORD_TYPES = [
  'thing',
  'number',
  'letter',
  'symbol',
  'character_string',
  'time',
  'date',
  'amount',
  'phone_number',
  'car_number',
  'name',
  'phrase',
] as const
export type KeywordType = (typeof KEYWORD_TYPES)[number]

/** Maximum length of each type (name: 10 Chinese or 20 Latin characters; time/date: format-bound). */
export const KEYWORD_LIMITS: Record<KeywordType, number> = {
  thing: 20,
  number: 32,
  letter: 32,
  symbol: 5,
  character_string: 32,
  time: 40,
  date: 40,
  amount: 14,
  phone_number: 17,
  car_number: 8,
  name: 20,
  phrase: 5,
}

/** A template data key ('thing1', 'character_string12') names its type: the key without its digits. */
export function keywordTypeOfKey(key: string): KeywordType | null {
  const t = key.replace(/\d+$/, '')
  return (KEYWORD_TYPES as readonly string[]).includes(t) ? (t as KeywordType) : null
}

export const charLength = (s: string): number => Array.from(s).length
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/u
const ALL_CJK = /^[\u3400-\u9fff\uf900-\ufaff]+$/u

const DATE_CN = '\\d{4}年\\d{1,2}月\\d{1,2}日'
const DATE_DASH = '\\d{4}-\\d{1,2}-\\d{1,2}'
const CLOCK = '\\d{1,2}:\\d{2}(?::\\d{2})?'
const TIME_ONE = `(?:(?:${DATE_CN}|${DATE_DASH})\\s)?${CLOCK}`
const DATE_ONE = `(?:${DATE_CN}|${DATE_DASH})(?:\\s${CLOCK})?`
const TIME_RE = new RegExp(`^${TIME_ONE}(?:\\s?~\\s?${TIME_ONE})?$`)
const DATE_RE = new RegExp(`^${DATE_ONE}(?:\\s?~\\s?${DATE_ONE})?$`)

/** null when WeChat accepts `value` for `type`; else a short English reason (for 47003 and dead letters). */
export function checkKeyword(type: KeywordType, value: unknown): string | null {
  if (typeof value !== 'string') return 'value must be a string'
  if (value.length === 0) return 'empty value'
  const n = charLength(value)
  const over = (max: number) => (n > max ? `exceeds ${max} characters` : null)
  switch (type) {
    case 'thing':
      if (/[\r\n\t]/.test(value)) return 'line breaks are not allowed'
      return over(20)
    case 'number':
      return /^\d+(\.\d+)?$/.test(value) ? over(32) : 'digits only (a decimal point allowed)'
    case 'letter':
      return /^[A-Za-z]+$/.test(value) ? over(32) : 'letters only'
    case 'symbol':
      return /^[^\p{L}\p{N}\s]+$/u.test(value) ? over(5) : 'symbols only'
    case 'character_string':
      return /^[\x21-\x7e]+$/.test(value) ? over(32) : 'letters, digits and symbols only'
    case 'time':
      return TIME_RE.test(value) ? null : 'time format, e.g. 15:01 or 2019年10月1日 15:01'
    case 'date':
      return DATE_RE.test(value) ? null : 'date format, e.g. 2019年10月1日 or 2019年10月1日 15:01'
    case 'amount':
      return /^[¥￥$€£]?\d{1,10}(\.\d{1,2})?元?$/.test(value)
        ? null
        : 'one currency symbol and up to 10 digits, optional 元'
    case 'phone_number':
      return /^[\d+\-()\s]+$/.test(value) ? over(17) : 'digits and symbols only'
    case 'car_number':
      if (n > 8) return 'exceeds 8 characters'
      return /^[\u4e00-\u9fffA-Z0-9]?[A-Z0-9]+[\u4e00-\u9fffA-Z0-9]?$/u.test(value)
        ? null
        : 'first and last may be Chinese, others letters or digits'
    case 'name':
      if (!/^[\u3400-\u9fffA-Za-z·•.\s]+$/u.test(value)) return 'Chinese or Latin letters only'
      return CJK.test(value) ? over(10) : over(20)
    case 'phrase':
      return ALL_CJK.test(value) ? over(5) : 'Chinese characters only'
  }
}

export type FitResult = { ok: true; value: string; shortened: boolean } | { ok: false; reason: string }

const pad = (n: number) => String(n).padStart(2, '0')

/** An ISO-8601 instant with an offset (or 'Z'): written in China time (UTC+8). */
function isoToCst(value: string): { date: string; time: string } | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value)) return null
  const t = Date.parse(value)
  if (!Number.isFinite(t)) return null
  const d = cstWallClock(t)
  return {
    date: `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`,
    time: `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`,
  }
}

/** Fits one raw value to a keyword type (see the rules at the top of this file). */
export function fitKeyword(type: KeywordType, raw: unknown): FitResult {
  let value: string
  if (typeof raw === 'number' && Number.isFinite(raw)) value = String(raw)
  else if (typeof raw === 'string') value = raw.trim()
  else return { ok: false, reason: 'missing value' }
  let shortened = false
  if (type === 'thing') {
    value = value.replace(/\s+/g, ' ')
    if (charLength(value) > 20) {
      value = Array.from(value).slice(0, 19).join('') + '…'
      shortened = true
    }
  } else if (type === 'time' || type === 'date') {
    const cst = isoToCst(value)
    if (cst) value = type === 'time' ? `${cst.date} ${cst.time}` : cst.date
  } else if (type === 'amount' && /^\d{1,10}(\.\d{1,2})?$/.test(value)) {
    value = `${Number(value).toFixed(2)}元`
  }
  const reason = checkKeyword(type, value)
  return reason ? { ok: false, reason } : { ok: true, value, shortened }
}
