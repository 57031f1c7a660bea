/**
 * Personal identifiers at rest: the one place that knows how ID numbers are turned into lookup keys.
 * `idHash` is a keyed hash (HMAC-SHA256, a "blind index") of the normalised ID number, stored on persons so
 * that bindResident finds a record by an indexed equality query without scanning and without the plain number.
 * Issue 10 swaps in encryption at rest and key rotation behind these same functions.
 *
 * Key: ZJ_PII_HASH_KEY from configuration. The local emulator and the seed use the documented development
 * key below when none is set; production must set its own (docs/deploy.md).
 */
import { createHmac } from 'node:crypto'
import { normalizeIdNumber } from '../../shared/idNumber'

export const DEV_PII_HASH_KEY = 'zhijiu-local-development-key-not-for-production'

function hashKey(): string {
  return process.env.ZJ_PII_HASH_KEY || DEV_PII_HASH_KEY
}

/** Blind index of an ID number (hex). Same number, same key → same hash; x and X are the same number. */
export function idHash(idNumber: string): string {
  return createHmac('sha256', hashKey()).update(`id:${normalizeIdNumber(idNumber)}`).digest('hex')
}

/** Blind index of a mobile number (digits only). */
export function phoneHash(phone: string): string {
  return createHmac('sha256', hashKey()).update(`phone:${phone.replace(/\D/g, '')}`).digest('hex')
}

/** Names are compared without surrounding or inner blanks (全角 spaces included). */
export const normalizeName = (name: string): string => name.replace(/[\s\u3000·•]/g, (c) => (c === '·' || c === '•' ? '·' : '')).trim()

/**
 * A person's own identifiers in clear, for the audited reveals CONTRACT.md allows (a resident's own export, a grid
 * worker's call). The one function that turns a stored person into unmasked numbers.
 */
export function revealPersonIdentifiers(person: Record<string, unknown>): { idNumber: string | null; phone: string | null } {
  const idNumber = typeof person.idNumber === 'string' ? person.idNumber : null
  const phone = typeof person.phone === 'string' ? person.phone : null
  return { idNumber, phone }
}
