import { idHash, normalizeName, phoneHash } from '../../cloudfunctions/_core/pii'
import { decodeCursor, encodeCursor } from '../../cloudfunctions/_core/paging'
import { toIsoCst } from '../../shared/calendar/chinaTime'

describe('blind index of identifiers', () => {
  const saved = process.env.ZJ_PII_HASH_KEY
  afterEach(() => {
    if (saved === undefined) delete process.env.ZJ_PII_HASH_KEY
    else process.env.ZJ_PII_HASH_KEY = saved
  })

  test('the same ID number gives the same hash whatever the case of X and surrounding blanks; the number is not in it', () => {
    expect(idHash('11010519491231002x')).toBe(idHash(' 11010519491231002X'))
    expect(idHash('11010519491231002X')).not.toBe(idHash('110105194912310037'))
    expect(idHash('11010519491231002X')).toMatch(/^[0-9a-f]{64}$/)
    expect(phoneHash('138 1234 5678')).toBe(phoneHash('13812345678'))
  })

  test('another key gives other hashes (the key comes from configuration)', () => {
    const dev = idHash('11010519491231002X')
    process.env.ZJ_PII_HASH_KEY = 'another-key'
    expect(idHash('11010519491231002X')).not.toBe(dev)
  })

  test('names compare without blanks', () => {
    expect(normalizeName(' 李 晓明\u3000')).toBe('李晓明')
    expect(normalizeName('阿依古丽·买买提')).toBe('阿依古丽·买买提')
  })
})

describe('core helpers', () => {
  test('times are ISO-8601 with +08:00', () => {
    expect(toIsoCst(Date.parse('2026-01-31T16:30:00Z'))).toBe('2026-02-01T00:30:00.000+08:00')
  })

  test('a cursor round-trips, and one that does not decode is a validation error', () => {
    const isPos = (v: unknown): v is { after: number } => typeof (v as { after?: unknown })?.after === 'number'
    expect(decodeCursor(encodeCursor({ after: 5 }), isPos)).toEqual({ after: 5 })
    expect(decodeCursor(undefined, isPos)).toBeNull()
    expect(() => decodeCursor('not-a-cursor', isPos)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }))
    expect(() => decodeCursor(encodeCursor({ after: 'x' }), isPos)).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    )
  })
})
