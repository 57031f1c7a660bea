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

const ID_RE = /(?<!\d)(\d{6})(\d{8})(\d{3}[\dXx])(?!\d)/g
const PHONE_RE = /(?<!\d)(1[3-9]\d)(\d{4})(\d{4})(?!\d)/g

/** Masks every ID number and mobile number found in free text (notes, logs, complaint content). */
export function maskText(text: string): string {
  return text
    .replace(ID_RE, (m) => maskIdNumber(m))
    .replace(PHONE_RE, (_m, a: string, _b: string, c: string) => `${a}****${c}`)
}

// For the scan: a number standing on its own, not a run of digits inside an identifier or a hash
// (e.g. `su_ab13812345678cd`, a UUID segment), which would make the scan flag random ids.
const ID_ALONE_RE = /(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])/g
const PHONE_ALONE_RE = /(?<![\dA-Za-z])1[3-9]\d{9}(?![\dA-Za-z])/g

/** Finds unmasked ID numbers or mobile numbers in any JSON-able value (used by the PII-scan harness). */
export function findUnmaskedPii(value: unknown): string[] {
  const found: string[] = []
  const s = typeof value === 'string' ? value : JSON.stringify(value) ?? ''
  for (const m of s.matchAll(ID_ALONE_RE)) found.push(m[0])
  for (const m of s.matchAll(PHONE_ALONE_RE)) found.push(m[0])
  return found
}
