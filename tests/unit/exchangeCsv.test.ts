/** shared/exchange: encodings, separators, records cut on bytes across chunk boundaries, headers in any order. */
import iconv from 'iconv-lite'
import { detectDelimiter, detectEncoding, parseRecord, splitRecords, csvField } from '../../shared/exchange/csv'
import { mapHeaders } from '../../shared/exchange/templates'
import { normalizeDate, normalizeDateTime, parsePersonRow } from '../../shared/exchange/rows'

const text = '姓名,备注\r\n王小明,"住址：经十路, 100号\n二楼"\r\n"李""四",无\r\n'

test.each([['utf8'], ['gb18030']] as const)(
  '%s: the encoding is recognised and records survive any chunk boundary',
  (enc) => {
    const bytes = enc === 'utf8' ? Buffer.from(text, 'utf8') : iconv.encode(text, 'gb18030')
    expect(detectEncoding(bytes).encoding).toBe(enc)
    const whole = splitRecords(bytes, true).records.map(([s, e]) => iconv.decode(bytes.subarray(s, e), enc))
    expect(whole.map((l) => parseRecord(l, ','))).toEqual([
      ['姓名', '备注'],
      ['王小明', '住址：经十路, 100号\n二楼'],
      ['李"四', '无'],
    ])
    // reading in pieces of every size gives the same records
    for (let size = 1; size < bytes.length; size += 3) {
      const got: string[] = []
      let offset = 0
      while (offset < bytes.length) {
        const end = Math.min(bytes.length, offset + size)
        let len = end - offset
        let split = splitRecords(bytes.subarray(offset, offset + len), offset + len >= bytes.length)
        while (!split.records.length && offset + len < bytes.length) {
          len = Math.min(bytes.length - offset, len * 2)
          split = splitRecords(bytes.subarray(offset, offset + len), offset + len >= bytes.length)
        }
        for (const [s, e] of split.records) got.push(iconv.decode(bytes.subarray(offset + s, offset + e), enc))
        offset += split.consumed || len
      }
      expect(got).toEqual(whole)
    }
  },
)

test('a UTF-8 BOM is recognised and skipped', () => {
  expect(detectEncoding(Buffer.from('\uFEFF姓名', 'utf8'))).toEqual({ encoding: 'utf8', bom: 3 })
})

test('the separator is the one the header uses most, outside quotes', () => {
  expect(detectDelimiter('姓名\t身份证号\t手机号')).toBe('\t')
  expect(detectDelimiter('姓名;身份证号;"a,b"')).toBe(';')
  expect(detectDelimiter('姓名,身份证号')).toBe(',')
})

test('a field that Excel would run as a formula is neutralised; numbers stay numbers', () => {
  expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`)
  expect(csvField('-3')).toBe('-3')
})

test('headers are matched by name in any order; unknown ones reported, missing required ones listed', () => {
  const m = mapHeaders('persons', ['手机号', ' 姓名 ', '身份证号*', '备注', '学历（最高）'])
  expect(m.columns).toEqual(['phone', 'name', 'idNumber', null, 'education'])
  expect(m.unknown).toEqual(['备注'])
  expect(m.missing).toEqual(['户籍地区划代码', '网格编码', '就业状态', '是否登记失业', '社保缴费月数'])
})

test('dates as offices write them', () => {
  expect(['2025-07-01', '2025/7/1', '2025.7.1', '20250701', '2025年7月1日'].map(normalizeDate)).toEqual(
    Array(5).fill('2025-07-01'),
  )
  expect(normalizeDate('2025-02-30')).toBeNull()
  expect(normalizeDateTime('2027/1/10 9:00')).toBe('2027-01-10T09:00:00+08:00')
})

test('Chinese values map to the stored enumerations; 重点群体 split on 、', () => {
  const r = parsePersonRow(
    {
      name: '王 小明',
      idNumber: '370102199001011231',
      phone: '13812345678',
      hukouRegion: '370102',
      gridCode: '370102001-01',
      education: '中专',
      employmentStatus: '灵活就业',
      registeredUnemployed: '否',
      keyGroups: '退役军人、脱贫人口',
      socialInsuranceMonths: '12',
      hukouType: '农村',
    },
    { today: '2026-11-18', nowMs: Date.parse('2026-11-18T10:00:00+08:00') },
  )
  expect(r).toMatchObject({
    ok: true,
    value: {
      name: '王小明',
      education: 'secondaryVocational',
      employmentStatus: 'flexible',
      registeredUnemployed: false,
      keyGroups: ['veteran', 'povertyAlleviated'],
      hukouType: 'rural',
      birthDate: '1990-01-01',
      sex: 'male',
    },
  })
})
