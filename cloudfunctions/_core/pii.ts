/**
 * Personal identifiers at rest: the one place that knows how ID and phone numbers are stored and revealed.
 *
 * - Encryption at rest: AES-256-GCM (authenticated), each value stored as `v1:<keyId>:<iv>:<ciphertext>:<tag>`
 *   (base64url) so keys can be rotated: values name the key that sealed them, and the `rekey` job of the privacy
 *   function re-encrypts old values and migrates any plaintext left from earlier versions (docs/adr/0009-pii-at-rest.md).
 * - Blind index: `idHash`/`phoneHash` = HMAC-SHA256 of the normalised number, for indexed equality lookups
 *   without the plain number.
 * - Display: the stored `idNumber`/`phone` fields hold only the masked forms, so lists never need a key.
 *
 * Keys come from configuration: ZJ_PII_KEYS = JSON {"<keyId>": "<base64 of 32 bytes>", …}, ZJ_PII_KEY_ID = the key
 * that seals new values, ZJ_PII_HASH_KEY = the blind-index key. Locally (the emulator, tests, the seed) documented
 * development keys are used. In a real CloudBase function (SCF runtime) without keys this module refuses to load,
 * so the function refuses to start.
 */
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto'
import { normalizeIdNumber } from '../../shared/idNumber'
import { maskIdNumber, maskPhone } from '../../shared/mask'

export const DEV_PII_HASH_KEY = 'zhijiu-local-development-key-not-for-production'
export const DEV_KEY_ID = 'dev1'
const DEV_KEY = createHash('sha256').update('zhijiu-local-encryption-key-not-for-production').digest()
/** The development key in the ZJ_PII_KEYS format (for rotation tests and local tools only). */
export const DEV_KEY_BASE64 = DEV_KEY.toString('base64')

/** In a real cloud function (not the local emulator, tests or tools). */
export function inCloudRuntime(env: Record<string, string | undefined> = process.env): boolean {
  return env.ZJ_EMULATOR !== '1' && (env.TENCENTCLOUD_RUNENV === 'SCF' || !!env.SCF_NAMESPACE)
}

interface Keyring {
  current: string
  keys: Map<string, Buffer>
}
let ring: Keyring | null = null

export function loadKeyring(env: Record<string, string | undefined> = process.env): Keyring {
  if (env.ZJ_PII_KEYS) {
    const parsed = JSON.parse(env.ZJ_PII_KEYS) as Record<string, string>
    const keys = new Map(Object.entries(parsed).map(([k, v]) => [k, Buffer.from(v, 'base64')] as const))
    for (const [k, v] of keys) if (v.length !== 32) throw new Error(`ZJ_PII_KEYS: key ${k} must be 32 bytes (base64)`)
    const current = env.ZJ_PII_KEY_ID ?? [...keys.keys()].pop() ?? ''
    if (!keys.has(current)) throw new Error('ZJ_PII_KEY_ID names no key in ZJ_PII_KEYS')
    if (inCloudRuntime(env) && !env.ZJ_PII_HASH_KEY) throw new Error('ZJ_PII_HASH_KEY is required in the cloud runtime')
    return { current, keys }
  }
  if (inCloudRuntime(env))
    throw new Error('ZJ_PII_KEYS is not configured: refusing to start a function that stores personal data')
  return { current: DEV_KEY_ID, keys: new Map([[DEV_KEY_ID, DEV_KEY]]) }
}

function keyring(): Keyring {
  if (!ring) ring = loadKeyring()
  return ring
}
/** Forget the loaded keys (tests of rotation). */
export function resetKeyring(): void {
  ring = null
}

// refuse to start in the cloud without keys: fail when the function loads, not on the first resident's request
if (inCloudRuntime()) keyring()

function hashKey(): string {
  return process.env.ZJ_PII_HASH_KEY || DEV_PII_HASH_KEY
}

const b64 = (b: Buffer) => b.toString('base64url')

/** Seals a value with the current key: `v1:<keyId>:<iv>:<ciphertext>:<tag>`. */
export function encryptField(plain: string): string {
  const { current, keys } = keyring()
  const iv = randomBytes(12)
  const c = createCipheriv('aes-256-gcm', keys.get(current) as Buffer, iv)
  c.setAAD(Buffer.from(`zj:${current}`))
  const ct = Buffer.concat([c.update(plain, 'utf8'), c.final()])
  return `v1:${current}:${b64(iv)}:${b64(ct)}:${b64(c.getAuthTag())}`
}

export const isSealed = (v: unknown): v is string => typeof v === 'string' && v.startsWith('v1:')
export const sealedKeyId = (v: string): string => v.split(':')[1] ?? ''

/** Opens a sealed value (throws when tampered with or the key is unknown). */
export function decryptField(sealed: string): string {
  const [ver, kid, iv, ct, tag] = sealed.split(':')
  if (ver !== 'v1' || !kid || !iv || !ct || !tag) throw new Error('not a sealed value')
  const key = keyring().keys.get(kid)
  if (!key) throw new Error(`unknown PII key ${kid}`)
  const d = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'))
  d.setAAD(Buffer.from(`zj:${kid}`))
  d.setAuthTag(Buffer.from(tag, 'base64url'))
  return Buffer.concat([d.update(Buffer.from(ct, 'base64url')), d.final()]).toString('utf8')
}

/** The stored form of a person's identifiers: masked for display, sealed for the audited reveals, hashed for lookup. */
export function protectIdentifiers(
  idNumber: string,
  phone: string,
): { idNumber: string; idNumberEnc: string; idHash: string; phone: string; phoneEnc: string; phoneHash: string } {
  const id = normalizeIdNumber(idNumber)
  return {
    idNumber: maskIdNumber(id),
    idNumberEnc: encryptField(id),
    idHash: idHash(id),
    phone: maskPhone(phone),
    phoneEnc: encryptField(phone),
    phoneHash: phoneHash(phone),
  }
}

/** True when a stored person still holds a plaintext identifier or one sealed with an older key. */
export function needsRekey(person: Record<string, unknown>): boolean {
  const current = keyring().current
  const plainId = typeof person.idNumber === 'string' && /^\d{17}[\dXx]$/.test(person.idNumber)
  const plainPhone = typeof person.phone === 'string' && /^1\d{10}$/.test(person.phone)
  const oldKey = [person.idNumberEnc, person.phoneEnc].some((v) => isSealed(v) && sealedKeyId(v) !== current)
  return plainId || plainPhone || oldKey
}

/** Blind index of an ID number (hex). Same number, same key → same hash; x and X are the same number. */
export function idHash(idNumber: string): string {
  return createHmac('sha256', hashKey())
    .update(`id:${normalizeIdNumber(idNumber)}`)
    .digest('hex')
}

/** Blind index of a mobile number (digits only). */
export function phoneHash(phone: string): string {
  return createHmac('sha256', hashKey())
    .update(`phone:${phone.replace(/\D/g, '')}`)
    .digest('hex')
}

/** Names are compared without surrounding or inner blanks (全角 spaces included). */
export const normalizeName = (name: string): string =>
  name.replace(/[\s\u3000·•]/g, (c) => (c === '·' || c === '•' ? '·' : '')).trim()

/**
 * A person's own identifiers in clear, for the audited reveals docs/contract.md allows (a resident's own export, a grid
 * worker's call, a handler's call to a consenting submitter). Plaintext left from earlier versions is read as is.
 */
export function revealPersonIdentifiers(person: Record<string, unknown>): {
  idNumber: string | null
  phone: string | null
} {
  const open = (sealed: unknown, plain: unknown, re: RegExp): string | null =>
    isSealed(sealed) ? decryptField(sealed) : typeof plain === 'string' && re.test(plain) ? plain : null
  return {
    idNumber: open(person.idNumberEnc, person.idNumber, /^\d{17}[\dXx]$/),
    phone: open(person.phoneEnc, person.phone, /^1\d{10}$/),
  }
}

/** A single sealed-or-plain phone (e.g. a feedback contact number), for an audited reveal. */
export function revealPhone(sealed: unknown, plain?: unknown): string | null {
  return revealPersonIdentifiers({ phoneEnc: sealed, phone: plain }).phone
}

/** Blind index of an openid (hex): what logs that must not hold the openid itself store instead. */
export function openidHash(openid: string): string {
  return createHmac('sha256', hashKey()).update(`openid:${openid}`).digest('hex')
}
