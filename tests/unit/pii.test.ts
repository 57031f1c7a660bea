/** Identifiers at rest: sealing, tampering, key rotation and the refusal to run in the cloud without keys. */
import {
  decryptField,
  encryptField,
  inCloudRuntime,
  loadKeyring,
  protectIdentifiers,
  revealPersonIdentifiers,
  sealedKeyId,
} from '../../cloudfunctions/_core/pii'

test('a sealed ID number opens to the same number, differs every time, and names its key', () => {
  const a = encryptField('370102199001011237')
  const b = encryptField('370102199001011237')
  expect(a).not.toBe(b)
  expect(decryptField(a)).toBe('370102199001011237')
  expect(sealedKeyId(a)).toBe('dev1')
})

test('a tampered value does not open', () => {
  const a = encryptField('13912345678').split(':')
  a[3] = Buffer.from('00000000000', 'utf8').toString('base64url')
  expect(() => decryptField(a.join(':'))).toThrow()
})

test('the stored form keeps only masked numbers in the plain fields', () => {
  const p = protectIdentifiers('37010219900101123x', '13912345678')
  expect(p.idNumber).toBe('3701**********123X')
  expect(p.phone).toBe('139****5678')
  expect(revealPersonIdentifiers(p)).toEqual({ idNumber: '37010219900101123X', phone: '13912345678' })
})

test('in the CloudBase runtime without keys the module refuses; the emulator and local tools use development keys', () => {
  expect(inCloudRuntime({ TENCENTCLOUD_RUNENV: 'SCF' })).toBe(true)
  expect(inCloudRuntime({ TENCENTCLOUD_RUNENV: 'SCF', ZJ_EMULATOR: '1' })).toBe(false)
  expect(() => loadKeyring({ TENCENTCLOUD_RUNENV: 'SCF' })).toThrow(/ZJ_PII_KEYS/)
  expect(() =>
    loadKeyring({ SCF_NAMESPACE: 'prod', ZJ_PII_KEYS: JSON.stringify({ k1: Buffer.alloc(32).toString('base64') }) }),
  ).toThrow(/ZJ_PII_HASH_KEY/)
  expect(loadKeyring({}).current).toBe('dev1')
  expect(() => loadKeyring({ ZJ_PII_KEYS: JSON.stringify({ k1: 'c2hvcnQ=' }) })).toThrow(/32 bytes/)
})
