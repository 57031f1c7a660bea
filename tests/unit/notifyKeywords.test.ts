import {
  checkKeyword,
  fitKeyword,
  keywordTypeOfKey,
  KEYWORD_TYPES,
  type KeywordType,
} from '../../shared/notify/keywords'
import { fitMessage, TEMPLATES, TEMPLATE_LIST, templatesOfGroup, CONSENT_GROUPS } from '../../shared/notify/templates'

const repeat = (s: string, n: number) => Array.from({ length: n }, () => s).join('')

describe('keyword fitting, one rule per WeChat keyword type', () => {
  it('thing: up to 20 characters kept; longer → first 19 + …; line breaks collapsed', () => {
    expect(fitKeyword('thing', repeat('政', 20))).toEqual({ ok: true, value: repeat('政', 20), shortened: false })
    const long = fitKeyword('thing', '济南市历下区2026年高校毕业生一次性求职创业补贴申领')
    expect(long.ok && long.value).toBe('济南市历下区2026年高校毕业生一次性…')
    expect(long.ok && Array.from(long.value).length).toBe(20)
    expect(long.ok && long.shortened).toBe(true)
    expect(fitKeyword('thing', '第一行\n第二行')).toMatchObject({ ok: true, value: '第一行 第二行' })
    expect(fitKeyword('thing', '   ')).toMatchObject({ ok: false })
  })

  it('number: digits with an optional decimal point, ≤ 32; never cut', () => {
    expect(fitKeyword('number', 12.5)).toMatchObject({ ok: true, value: '12.5' })
    expect(fitKeyword('number', '12a')).toMatchObject({ ok: false })
    expect(fitKeyword('number', repeat('9', 33))).toMatchObject({ ok: false })
  })

  it('letter: Latin letters only, ≤ 32', () => {
    expect(fitKeyword('letter', 'ABC')).toMatchObject({ ok: true, value: 'ABC' })
    expect(fitKeyword('letter', 'AB1')).toMatchObject({ ok: false })
    expect(fitKeyword('letter', repeat('a', 33))).toMatchObject({ ok: false })
  })

  it('symbol: symbols only, ≤ 5', () => {
    expect(fitKeyword('symbol', '%')).toMatchObject({ ok: true })
    expect(fitKeyword('symbol', '%%%%%%')).toMatchObject({ ok: false })
    expect(fitKeyword('symbol', 'a%')).toMatchObject({ ok: false })
  })

  it('character_string: ASCII letters, digits, symbols, ≤ 32; a tracking number is never cut', () => {
    expect(fitKeyword('character_string', 'FK20261123-0001')).toMatchObject({ ok: true, value: 'FK20261123-0001' })
    expect(fitKeyword('character_string', '编号1')).toMatchObject({ ok: false })
    expect(fitKeyword('character_string', repeat('A', 33))).toMatchObject({ ok: false })
  })

  it('time: an ISO instant is written in China time; accepted formats kept; others rejected', () => {
    expect(fitKeyword('time', '2026-11-23T07:01:00Z')).toMatchObject({ ok: true, value: '2026年11月23日 15:01' })
    expect(fitKeyword('time', '2026-11-23T15:01:00+08:00')).toMatchObject({ ok: true, value: '2026年11月23日 15:01' })
    expect(fitKeyword('time', '15:01')).toMatchObject({ ok: true, value: '15:01' })
    expect(fitKeyword('time', '2026年11月23日 09:00~2026年11月23日 11:00')).toMatchObject({ ok: true })
    expect(fitKeyword('time', '明天下午')).toMatchObject({ ok: false })
  })

  it('date: an ISO instant becomes the China-time date; a date with time is kept', () => {
    expect(fitKeyword('date', '2026-12-31T20:00:00Z')).toMatchObject({ ok: true, value: '2027年1月1日' })
    expect(fitKeyword('date', '2026年11月23日 15:01')).toMatchObject({ ok: true })
    expect(fitKeyword('date', '2026-11-23')).toMatchObject({ ok: true })
    expect(fitKeyword('date', '下周一')).toMatchObject({ ok: false })
  })

  it('amount: a plain number gets two decimals and 元; a currency symbol is allowed; >10 digits rejected', () => {
    expect(fitKeyword('amount', '1500')).toMatchObject({ ok: true, value: '1500.00元' })
    expect(fitKeyword('amount', '¥1500.5')).toMatchObject({ ok: true, value: '¥1500.5' })
    expect(fitKeyword('amount', '12345678901')).toMatchObject({ ok: false })
  })

  it('phone_number: digits and symbols, ≤ 17', () => {
    expect(fitKeyword('phone_number', '0531-12333')).toMatchObject({ ok: true })
    expect(fitKeyword('phone_number', '12333转人工')).toMatchObject({ ok: false })
    expect(fitKeyword('phone_number', repeat('1', 18))).toMatchObject({ ok: false })
  })

  it('car_number: ≤ 8, Chinese only first or last', () => {
    expect(fitKeyword('car_number', '鲁A12345')).toMatchObject({ ok: true })
    expect(fitKeyword('car_number', '鲁A1234567')).toMatchObject({ ok: false })
  })

  it('name: ≤ 10 Chinese or ≤ 20 Latin characters; never cut', () => {
    expect(fitKeyword('name', '张三')).toMatchObject({ ok: true, value: '张三' })
    expect(fitKeyword('name', 'Zhang San')).toMatchObject({ ok: true })
    expect(fitKeyword('name', repeat('张', 11))).toMatchObject({ ok: false })
    expect(fitKeyword('name', repeat('a', 20))).toMatchObject({ ok: true })
    expect(fitKeyword('name', '张3')).toMatchObject({ ok: false })
  })

  it('phrase: ≤ 5 Chinese characters only; a status is never cut', () => {
    expect(fitKeyword('phrase', '已受理')).toMatchObject({ ok: true, value: '已受理' })
    expect(fitKeyword('phrase', '已转交承办部门')).toMatchObject({ ok: false })
    expect(fitKeyword('phrase', 'OK')).toMatchObject({ ok: false })
  })

  it('covers every declared keyword type and names types from data keys', () => {
    const tested: KeywordType[] = [
      'thing',
      'number',
      'letter',
      'symbol',
      'character_string',
      'time',
      'date',
      'amount',
      'phone_number',
      'car_number',
      'name',
      'phrase',
    ]
    expect([...KEYWORD_TYPES].sort()).toEqual([...tested].sort())
    expect(keywordTypeOfKey('character_string12')).toBe('character_string')
    expect(keywordTypeOfKey('thing1')).toBe('thing')
    expect(keywordTypeOfKey('foo1')).toBeNull()
    expect(checkKeyword('thing', 42)).not.toBeNull()
  })
})

describe('fitMessage over the template registry', () => {
  it('given a policy whose name is too long, when fitted, then it is shortened and the time is in China time', () => {
    const r = fitMessage(TEMPLATES.policyMatch, {
      policyName: '济南市历下区2026年高校毕业生一次性求职创业补贴申领',
      result: '可申请',
      tip: '点击查看申领条件和材料',
      at: '2026-11-23T02:00:00Z',
    })
    expect(r).toEqual({
      ok: true,
      shortened: ['thing1'],
      data: {
        thing1: { value: '济南市历下区2026年高校毕业生一次性…' },
        phrase2: { value: '可申请' },
        thing3: { value: '点击查看申领条件和材料' },
        time4: { value: '2026年11月23日 10:00' },
      },
    })
  })

  it('given a status that is not a phrase, when fitted, then the message is rejected naming the keyword', () => {
    const r = fitMessage(TEMPLATES.feedbackUpdate, {
      trackingNo: 'FK1',
      status: '已转交承办部门处理',
      department: '历下区人社局',
      at: '10:00',
    })
    expect(r.ok).toBe(false)
    expect(!r.ok && r.keyword).toBe('phrase2')
  })

  it('given a missing value, when fitted, then it is rejected', () => {
    expect(fitMessage(TEMPLATES.applicationStatus, { jobTitle: '电焊工' }).ok).toBe(false)
  })

  it('values may be given by data key instead of name', () => {
    const r = fitMessage(TEMPLATES.visitReminder, {
      name1: '李网格',
      time2: '09:30',
      thing3: '就业政策上门讲解',
      thing4: '请保持电话畅通',
    })
    expect(r.ok).toBe(true)
  })

  it('every consent group asks for at most 3 templates of one kind, and ids are unique', () => {
    for (const g of CONSENT_GROUPS) {
      const ts = templatesOfGroup(g)
      expect(ts.length).toBeGreaterThan(0)
      expect(ts.length).toBeLessThanOrEqual(3)
      expect(new Set(ts.map((t) => t.kind)).size).toBe(1)
    }
    expect(new Set(TEMPLATE_LIST.map((t) => t.id)).size).toBe(TEMPLATE_LIST.length)
    for (const t of TEMPLATE_LIST) for (const k of t.keywords) expect(keywordTypeOfKey(k.key)).toBe(k.type)
  })
})

describe('the producers already in the code base fit their templates', () => {
  it('training reminder, waitlist promotion and feedback update values (by alias) fit', () => {
    expect(
      fitMessage(TEMPLATES.trainingReminder, {
        courseTitle: '育婴师（五级）培训班',
        startAt: '2026-11-24T09:00:00+08:00',
        address: '历下区人力资源市场三楼',
        status: '明天开课',
      }),
    ).toMatchObject({
      ok: true,
      data: {
        thing1: { value: '育婴师（五级）培训班' },
        time2: { value: '2026年11月24日 09:00' },
        thing3: { value: '历下区人力资源市场三楼' },
        phrase4: { value: '明天开课' },
      },
    })
    expect(
      fitMessage(TEMPLATES.trainingPromoted, {
        courseTitle: '电工',
        startAt: '2026-11-24T09:00:00+08:00',
        address: '线上课程',
        status: '候补成功',
      }).ok,
    ).toBe(true)
    expect(
      fitMessage(TEMPLATES.feedbackUpdate, {
        trackingNo: 'FK20261123001',
        status: '超期督办',
        step: '督办',
        department: '历下区人社局',
        time: '2026-11-23 15:01',
      }),
    ).toMatchObject({
      ok: true,
      data: {
        character_string1: { value: 'FK20261123001' },
        thing3: { value: '历下区人社局' },
        time4: { value: '2026-11-23 15:01' },
      },
    })
  })
})
