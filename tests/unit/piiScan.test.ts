/** The PII scan that npm test runs over every function response. */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { scanFunctionResponse } from '../../mock/emulator/piiScan'

const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'zj-pii-')), 'scan.jsonl')
const before = process.env.ZJ_PII_SCAN_FILE
beforeAll(() => {
  process.env.ZJ_PII_SCAN_FILE = file
})
afterAll(() => {
  if (before === undefined) delete process.env.ZJ_PII_SCAN_FILE
  else process.env.ZJ_PII_SCAN_FILE = before
})
const lines = () => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim().split('\n').filter(Boolean) : [])

test('given a list answer with a raw mobile number, the scan records a finding without repeating the number', () => {
  scanFunctionResponse('job', { action: 'get' }, { ok: true, data: { contact: '13812345678' } })
  const l = lines()
  expect(l).toHaveLength(1)
  expect(l[0]).toContain('"fn":"job"')
  expect(l[0]).not.toContain('13812345678')
})

test('masked numbers and the audited reveal actions pass the scan', () => {
  const n = lines().length
  scanFunctionResponse(
    'user',
    { action: 'getProfile' },
    { ok: true, data: { idNumber: '3701**********1234', phone: '138****5678' } },
  )
  scanFunctionResponse('outreach', { action: 'revealContact' }, { ok: true, data: { phone: '13812345678' } })
  expect(lines()).toHaveLength(n)
})

test('an unmasked 18-digit ID number anywhere in an answer is found', () => {
  const n = lines().length
  scanFunctionResponse(
    'feedback',
    { action: 'inbox' },
    { ok: true, data: { items: [{ note: '身份证370102199001011237已核实' }] } },
  )
  expect(lines()).toHaveLength(n + 1)
})

test('digit runs inside identifiers and hashes are not taken for numbers', () => {
  const n = lines().length
  scanFunctionResponse(
    'training',
    { action: 'signup' },
    { ok: true, data: { signupId: 'su_ab13812345678cd', uuid: '9f1c-4e2a-b13812345678' } },
  )
  expect(lines()).toHaveLength(n)
})
