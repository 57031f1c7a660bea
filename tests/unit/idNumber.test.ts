import {
  idCheckChar,
  idNumberFacts,
  idNumberProblem,
  ID_NUMBER_PROBLEM_TEXT,
  isValidIdNumber,
  normalizeIdNumber,
} from '../../shared/idNumber'

/** Builds a valid number from its parts, the way the standard defines it. */
const anId = (region = '370102', birth = '19900307', seq = '123') => {
  const first17 = region + birth + seq
  return first17 + idCheckChar(first17)
}

describe('resident ID numbers (GB 11643)', () => {
  test('the sample number of the standard is valid and its X check character may be typed in lower case', () => {
    expect(idNumberProblem('11010519491231002X')).toBeNull()
    expect(isValidIdNumber('11010519491231002x')).toBe(true)
    expect(normalizeIdNumber(' 11010519491231002x ')).toBe('11010519491231002X')
  })

  test('a single changed digit is caught by the check character', () => {
    const id = anId()
    for (let i = 0; i < 17; i++) {
      const changed = id.slice(0, i) + String((Number(id[i]) + 1) % 10) + id.slice(i + 1)
      expect(idNumberProblem(changed)).not.toBeNull()
    }
  })

  test('each kind of problem has its own Chinese explanation', () => {
    expect(idNumberProblem('37010219900307')).toBe('format')
    expect(idNumberProblem('3701021990030712A4')).toBe('format')
    expect(idNumberProblem(anId('370102', '19900230'))).toBe('birthDate')
    expect(idNumberProblem(anId('370102', '18890101'))).toBe('birthDate')
    const id = anId()
    const wrong = id.slice(0, 17) + (id[17] === '0' ? '1' : '0')
    expect(idNumberProblem(wrong)).toBe('checksum')
    for (const text of Object.values(ID_NUMBER_PROBLEM_TEXT)) expect(text).toMatch(/[\u4e00-\u9fa5]/)
  })

  test('birth date, sex and region are read from the number', () => {
    expect(idNumberFacts(anId('370102', '19900307', '123'))).toEqual({
      birthDate: '1990-03-07',
      sex: 'male',
      regionCode: '370102',
    })
    expect(idNumberFacts(anId('371302', '20011231', '246')).sex).toBe('female')
  })
})
