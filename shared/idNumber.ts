/**
 * Resident identity card numbers (GB 11643-1999): 6-digit region code, 8-digit birth date,
 * 3-digit sequence (odd = male), ISO 7064 MOD 11-2 check character.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const CHECK = '10X98765432'

export function idCheckChar(first17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i]
  return CHECK[sum % 11]
}

export type IdNumberProblem = 'format' | 'birthDate' | 'checksum'

/**
 * Why an ID number is not valid, or null when it is. Accepts a lower-case x.
 * `today` (YYYY-MM-DD, China time) refuses a birth date after it; without it only the calendar is checked.
 */
export function idNumberProblem(raw: string, today?: string): IdNumberProblem | null {
  const id = raw.toUpperCase()
  if (!/^\d{17}[\dX]$/.test(id)) return 'format'
  const y = Number(id.slice(6, 10)),
    m = Number(id.slice(10, 12)),
    d = Number(id.slice(12, 14))
  const date = new Date(Date.UTC(y, m - 1, d))
  if (y < 1900 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d)
    return 'birthDate'
  if (today && `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}` > today) return 'birthDate'
  if (idCheckChar(id) !== id[17]) return 'checksum'
  return null
}

export const isValidIdNumber = (raw: string): boolean => idNumberProblem(raw) === null

export const ID_NUMBER_PROBLEM_TEXT: Record<IdNumberProblem, string> = {
  format: '身份证号码应为18位，最后一位可以是数字或X',
  birthDate: '身份证号码中的出生日期不正确（不是有效日期或晚于今天）',
  checksum: '身份证号码校验位不正确，请核对后重新输入',
}

/** Birth date (YYYY-MM-DD) and sex encoded in a valid ID number. */
export function idNumberFacts(id: string): { birthDate: string; sex: 'male' | 'female'; regionCode: string } {
  return {
    birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
    sex: Number(id[16]) % 2 === 1 ? 'male' : 'female',
    regionCode: id.slice(0, 6),
  }
}

/** Normalise for storage and comparison: upper-case X. */
export const normalizeIdNumber = (raw: string): string => raw.trim().toUpperCase()
