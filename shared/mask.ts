/**
 * Masked display of personal identifiers (GB/T 35273 style): used in every answer and every log line.
 * 370102199001011234 → 3701**********1234 ; 13812345678 → 138****5678
 */
export function maskIdNumber(id: string | null | undefined): string {
  if (!id) return ''
  if (id.length <= 8) return '*'.repeat(id.length)
  return id.slice(0, 4) + '*'.repeat(id.length - 8) + id.slice(-4)
}

export function maskPhone(phone: string | null | undefined): string {
  if (!phone) return ''
  const digits = phone.replace(/\s+/g, '')
  if (digits.length < 7) return '*'.repeat(digits.length)
  return digits.slice(0, 3) + '*'.repeat(digits.length - 7) + digits.slice(-4)
}

/** 张三 → 张*, 欧阳娜娜 → 欧**娜 */
export function maskName(name: string | null | undefined): string {
  if (!name) return ''
  const chars = Array.from(name)
  if (chars.length === 1) return chars[0]
  if (chars.length === 2) return chars[0] + '*'
  return chars[0] + '*'.repeat(chars.length - 2) + chars[chars.length - 1]
}

/*
 * Numbers as people write them: half- or full-width digits (０-９, Ｘ), with a space, dash or similar between any
 * two digits ("139 1234 5678", "139-1234-5678", "１３９１２３４５６７８", "370102 19900101 123X"), a phone
 * optionally after +86. One separator at most between two digits, so that dates and times ("2026-11-18 10:00")
 * and lists of small numbers are not taken for a phone. The same patterns mask answers and logs (maskText) and
 * drive the test-suite PII scan (findUnmaskedPii).
 */
const D = '[0-9\uFF10-\uFF19]'
const SEP = '[ \u00A0\u2000-\u200B\u3000\\-\u2010-\u2015\uFF0D\u2212]?'
const X = '[0-9\uFF10-\uFF19Xx\uFF38\uFF58]'
const digitsAfter = (n: number) => `(?:${SEP}${D}){${n}}`
const PHONE_SRC = `(?:(?:\\+|\uFF0B)?(?:86|\uFF18\uFF16)${SEP})?[1\uFF11]${SEP}[3-9\uFF13-\uFF19]${digitsAfter(9)}`
const ID_SRC = `${D}${digitsAfter(16)}${SEP}${X}`
const ID_RE = new RegExp(`(?<![0-9\uFF10-\uFF19])${ID_SRC}(?![0-9\uFF10-\uFF19])`, 'g')
const PHONE_RE = new RegExp(`(?<![0-9\uFF10-\uFF19])${PHONE_SRC}(?![0-9\uFF10-\uFF19])`, 'g')

/** Full-width digits and X to ASCII, separators dropped: "１３９ 1234-5678" → "13912345678". */
export function normalizeDigits(s: string): string {
  return s
    .replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xff10 + 48))
    .replace(/[\uFF38\uFF58x]/g, 'X')
    .replace(/[^0-9X]/g, '')
}
const phoneDigits = (m: string) => normalizeDigits(m).slice(-11)

/** Masks every ID number and mobile number found in free text (notes, logs, complaint content), however written. */
export function maskText(text: string): string {
  return text
    .replace(ID_RE, (m) => maskIdNumber(normalizeDigits(m)))
    .replace(PHONE_RE, (m) => {
      const d = phoneDigits(m)
      return `${d.slice(0, 3)}****${d.slice(-4)}`
    })
}

// For the scan: a number standing on its own, not a run of digits inside an identifier, a hash or a decimal
// (e.g. `su_ab13812345678cd`, a UUID segment, 36.13912345678), which would make the scan flag random ids.
const NOT_BEFORE = '(?<![0-9\uFF10-\uFF19A-Za-z.])'
const NOT_AFTER = '(?![0-9\uFF10-\uFF19A-Za-z])'
const ID_ALONE_RE = new RegExp(`${NOT_BEFORE}${ID_SRC}${NOT_AFTER}`, 'g')
const PHONE_ALONE_RE = new RegExp(`${NOT_BEFORE}${PHONE_SRC}${NOT_AFTER}`, 'g')

/** Finds unmasked ID numbers or mobile numbers (however written) in any JSON-able value (the PII-scan harness). */
export function findUnmaskedPii(value: unknown): string[] {
  const found: string[] = []
  const s = typeof value === 'string' ? value : (JSON.stringify(value) ?? '')
  for (const m of s.matchAll(ID_ALONE_RE)) found.push(normalizeDigits(m[0]))
  for (const m of s.replace(ID_ALONE_RE, ' ').matchAll(PHONE_ALONE_RE)) found.push(phoneDigits(m[0]))
  return found
}
