import { createLogger } from '../../cloudfunctions/_core/log'
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
    const found = findUnmaskedPii({
      ok: true,
      data: { items: [{ note: '联系 13900001111' }, { id: '11010519491231002X' }] },
    })
    expect(found.sort()).toEqual(['11010519491231002X', '13900001111'])
    expect(findUnmaskedPii({ phone: '139****1111', id: '1101**********002X' })).toEqual([])
  })

  test.each([
    ['spaces', '电话 139 1234 5678 请回电', '电话 139****5678 请回电'],
    ['dashes', '电话139-1234-5678', '电话139****5678'],
    ['full-width digits', '电话１３９１２３４５６７８', '电话139****5678'],
    ['full-width dashes', '１３９－１２３４－５６７８', '139****5678'],
    ['+86 prefix', '+86 13912345678', '139****5678'],
    ['an ID in groups', '证件 370102 19900101 1234', '证件 3701**********1234'],
    ['a full-width ID with Ｘ', '３７０１０２１９９００１０１１２３Ｘ', '3701**********123X'],
  ])('a number written with %s is masked in text and found by the scan', (_how, text, masked) => {
    expect(maskText(text)).toBe(masked)
    expect(findUnmaskedPii(text)).toHaveLength(1)
    expect(findUnmaskedPii(maskText(text))).toEqual([])
  })

  test('dates, times, timestamps, decimals and ids with digits are not taken for numbers', () => {
    for (const t of [
      '2026-11-18 10:00:00',
      '{"atMs":1763431200000}',
      '36.13912345678',
      'su_ab13812345678cd',
      '订单号20261123001',
    ]) {
      expect(findUnmaskedPii(t)).toEqual([])
    }
    expect(maskText('2026-11-18 10:00:00，共 3 5 7 人')).toBe('2026-11-18 10:00:00，共 3 5 7 人')
  })

  test('a log line masks a number however it is written', () => {
    const lines: string[] = []
    const spy = jest.spyOn(console, 'log').mockImplementation((l: string) => {
      lines.push(l)
    })
    const old = process.env.ZJ_LOG
    delete process.env.ZJ_LOG
    try {
      createLogger({ fn: 't' }).warn('回电 139 1234 5678', {
        note: '１３９１２３４５６７８',
        id: '370102 19900101 1234',
      })
    } finally {
      spy.mockRestore()
      process.env.ZJ_LOG = old
    }
    expect(lines).toHaveLength(1)
    expect(findUnmaskedPii(lines[0])).toEqual([])
  })
})
