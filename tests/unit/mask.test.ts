import { findUnmaskedPii, maskIdNumber, maskName, maskPhone, maskText } from '../../shared/mask'

describe('masked display of personal identifiers', () => {
  test('an ID number keeps its first four and last four characters', () => {
    expect(maskIdNumber('370102199001011234')).toBe('3701**********1234')
    expect(maskIdNumber('11010519491231002X')).toBe('1101**********002X')
    expect(maskIdNumber('')).toBe('')
    expect(maskIdNumber(null)).toBe('')
    expect(maskIdNumber('1234')).toBe('****')
  })

  test('a mobile number keeps its first three and last four digits', () => {
    expect(maskPhone('13812345678')).toBe('138****5678')
    expect(maskPhone('138 1234 5678')).toBe('138****5678')
    expect(maskPhone(undefined)).toBe('')
  })

  test('a name keeps its first and (for three or more characters) last character', () => {
    expect(maskName('张三')).toBe('张*')
    expect(maskName('李晓明')).toBe('李*明')
    expect(maskName('欧阳娜娜')).toBe('欧**娜')
    expect(maskName('王')).toBe('王')
  })

  test('identifiers inside free text are masked, other numbers are left alone', () => {
    const text = '居民370102199001011234，电话13812345678，订单号20261123001，座机0531-12345678'
    const masked = maskText(text)
    expect(masked).toBe('居民3701**********1234，电话138****5678，订单号20261123001，座机0531-12345678')
    expect(findUnmaskedPii(masked)).toEqual([])
  })

  test('the PII scan finds unmasked numbers anywhere in a JSON value', () => {
    const found = findUnmaskedPii({ ok: true, data: { items: [{ note: '联系 13900001111' }, { id: '11010519491231002X' }] } })
    expect(found.sort()).toEqual(['11010519491231002X', '13900001111'])
    expect(findUnmaskedPii({ phone: '139****1111', id: '1101**********002X' })).toEqual([])
  })
})
