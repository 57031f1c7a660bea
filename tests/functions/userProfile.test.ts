/**
 * A new resident becomes a user (issue 14), through the real SDK against the local emulator: binding 孙悦's
 * unbound record, the job-seeking profile of 我的资料 with its limits, 长辈版 kept on the server, and 我的简历
 * with the writing helper. Every refusal leaves the stored user, person and attempt log as they were.
 * The clock is pinned: the seed and the emulator both start at NOW.
 */
import { startEmulator, type TestEmulator } from '../helpers/emulator'
import { demoIdentityCards } from '../../mock/seed/base/demo'
import { findUnmaskedPii } from '../../shared/mask'
import { idCheckChar } from '../../shared/idNumber'
import { aPosting, STAFF } from './jobFixtures'

const NOW = '2026-11-18T10:00:00+08:00'
let emu: TestEmulator
const cards = demoIdentityCards(Date.parse(NOW))
let n = 0
const aNewOpenid = (label: string) => `o_test_${label}_${++n}`
const withCheck = (first17: string) => first17 + idCheckChar(first17)

beforeAll(async () => {
  emu = await startEmulator({ now: NOW })
}, 120_000)
afterAll(async () => {
  await emu?.stop()
})

const call = (openid: string | null, action: string, data: Record<string, unknown> = {}) =>
  emu.call(openid, 'user', { action, ...data })
const db = () => emu.sdk(null).database()
const userDoc = async (openid: string) =>
  ((await db().collection('users').doc(openid).get()).data as Record<string, unknown>[])[0]
const personDoc = async (id: string) =>
  ((await db().collection('persons').doc(id).get()).data as Record<string, unknown>[])[0]
const attempts = async (openid: string) =>
  Number((await db().collection('bind_attempts').where({ openid }).count()).total)

/** A full job-seeking profile as 我的资料 sends it. */
const aProfile = (over: Record<string, unknown> = {}) => ({
  desiredOccupations: ['6-18-02-04', 'L-4-10'],
  desiredCities: ['370100', '370102'],
  seekingSince: '2026-10-01',
  jobTypes: ['fullTime'],
  expectedSalaryMin: 5000,
  expectedSalaryMax: 8000,
  education: 'bachelor',
  skills: ['二氧化碳气体保护焊', '识图'],
  certificates: ['叉车司机证'],
  workHistory: [{ employer: '济南某机械厂', role: '焊工', from: '2019-03', to: '2024-06', duties: '负责车架焊接' }],
  availability: 'withinWeek',
  intro: '踏实肯干，有五年焊接经验',
  ...over,
})

describe('a brand-new resident binds their record', () => {
  test('given 孙悦 opening the app for the first time, when she binds her record, then she sees the register facts masked, the person is marked for rematching and she has policy matches where before there were none', async () => {
    const me = aNewOpenid('sunyue')
    expect((await call(me, 'login')).data).toMatchObject({ bound: false, person: null, profile: {} })
    expect((await emu.call(me, 'policy', { action: 'myMatches', pageSize: 10 })).data).toMatchObject({
      items: [],
      bound: false,
    })
    const card = cards.p_demo_bind1
    const before = emu.server.now().getTime()
    const r = await call(me, 'bindResident', { name: card.name, idNumber: card.idNumber })
    expect(r).toMatchObject({
      ok: true,
      data: {
        bound: true,
        person: {
          personId: 'p_demo_bind1',
          name: '孙*',
          residenceRegion: expect.stringMatching(/^\d{6}$/),
          // the grid by its name, not its internal code
          gridName: expect.stringMatching(/网格$/),
        },
      },
    })
    expect(findUnmaskedPii(r)).toEqual([])
    const profile = await call(me, 'getProfile')
    expect(profile.data).toMatchObject({
      bound: true,
      person: { name: '孙*', idNumber: expect.stringMatching(/^\d{4}\*{10}\d{3}[\dX]$/) },
    })
    expect(profile.data.person.name).not.toContain('悦')
    // a registered unemployed graduate of last summer (the register says so, years from the seed's now)
    expect(profile.data.person).toMatchObject({
      registeredUnemployed: true,
      keyGroups: expect.arrayContaining([
        expect.objectContaining({ code: 'registeredUnemployed' }),
        expect.objectContaining({ code: 'recentGraduate' }),
      ]),
    })
    expect(Number((await personDoc('p_demo_bind1')).factsChangedAtMs)).toBeGreaterThanOrEqual(before)
    const after = await emu.call(me, 'policy', { action: 'myMatches', pageSize: 10 })
    expect(after.data.items.map((m: { title: string }) => m.title)).toEqual(
      expect.arrayContaining(['离校未就业高校毕业生实名服务']),
    )
  })

  test('given a recent graduate opening the app for the first time, when she binds her record, then her policy matches are there at once (no wait for the batch)', async () => {
    const me = aNewOpenid('graduate')
    const before = await emu.call(me, 'policy', { action: 'myMatches', pageSize: 10 })
    expect(before.data).toMatchObject({ items: [], bound: false })
    const card = cards.p_demo_g1_03
    expect((await call(me, 'bindResident', { name: card.name, idNumber: card.idNumber })).ok).toBe(true)
    const after = await emu.call(me, 'policy', { action: 'myMatches', pageSize: 10 })
    expect(after.data.items.map((m: { title: string }) => m.title)).toEqual(
      expect.arrayContaining(['离校未就业高校毕业生实名服务']),
    )
  })

  test('given an ID number whose birth date is in the future (a right check character), when someone binds, then it is refused as a wrong birth date and nothing is recorded', async () => {
    const me = aNewOpenid('future')
    const r = await call(me, 'bindResident', { name: '孙悦', idNumber: withCheck('37010320900308682') })
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', message: expect.stringContaining('出生日期') },
    })
    expect(await attempts(me)).toBe(0)
    expect((await userDoc(me))?.personId ?? null).toBeNull()
  })

  test('given a wrong check character, when someone binds, then the message names the check character and nothing is recorded', async () => {
    const me = aNewOpenid('check')
    const good = cards.p_demo_bind2.idNumber
    const r = await call(me, 'bindResident', {
      name: '欧阳娜娜',
      idNumber: good.slice(0, 17) + (good[17] === '1' ? '2' : '1'),
    })
    expect(r.error).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('校验位') })
    expect(await attempts(me)).toBe(0)
  })

  test('given the right ID number with another name, when someone binds five times, then each refusal says how many tries are left, the sixth says when to try again, and the person stays unbound', async () => {
    const me = aNewOpenid('mismatch')
    const card = cards.p_demo_bind2
    const messages: string[] = []
    for (let i = 0; i < 5; i++) {
      const r = await call(me, 'bindResident', { name: '欧阳丽丽', idNumber: card.idNumber })
      expect(r.error.code).toBe('NOT_FOUND')
      messages.push(r.error.message)
    }
    expect(messages[0]).toContain('不匹配')
    expect(messages[0]).toContain('还可尝试4次')
    expect(messages[4]).toContain('明天再试')
    const sixth = await call(me, 'bindResident', { name: card.name, idNumber: card.idNumber })
    expect(sixth.error).toMatchObject({
      code: 'RATE_LIMITED',
      message: expect.stringContaining('11月19日 10:0'),
      details: { retryAt: expect.stringMatching(/^2026-11-19T10:0\d:\d{2}(\.\d{3})?\+08:00$/) },
    })
    expect(sixth.error.message).toContain('后可再试')
    expect((await personDoc('p_demo_bind2')).boundOpenid ?? null).toBeNull()
    expect((await userDoc(me))?.personId ?? null).toBeNull()
  })
})

describe('我的资料: the job-seeking profile', () => {
  test('given a bound resident, when they save the whole profile, then every field comes back, the facts are marked changed, and 长辈版 follows them to another phone', async () => {
    const me = aNewOpenid('profile')
    await call(me, 'bindResident', { name: cards.p_demo_bind3.name, idNumber: cards.p_demo_bind3.idNumber })
    await emu.advance(60_000)
    const before = emu.server.now().getTime()
    const r = await call(me, 'updateProfile', aProfile({ largeFont: true }))
    expect(r.ok).toBe(true)
    expect(r.data.profile).toEqual(aProfile({ largeFont: true }))
    expect(Number((await personDoc('p_demo_bind3')).factsChangedAtMs)).toBeGreaterThanOrEqual(before)
    // another phone: the same openid logging in gets the 长辈版 setting from the server
    expect((await call(me, 'login')).data.profile.largeFont).toBe(true)
  })

  test.each([
    ['an unknown occupation code', { desiredOccupations: ['9-99-99-99'] }, '未知的职业代码'],
    [
      'six occupations',
      { desiredOccupations: ['6-18-02-04', '6-31-01-03', '6-18-01-01', '4-10-01-05', '4-10-01-06', '4-10-01-02'] },
      '最多选5个',
    ],
    ['an over-long self-introduction', { intro: '很'.repeat(301) }, '不能超过300个字'],
    ['an over-long skill', { skills: ['焊'.repeat(21)] }, '不能超过20个字'],
    ['a region code not in GB/T 2260', { desiredCities: ['379999'] }, '未知的地区代码'],
    ['a job-seeking date after today', { seekingSince: '2090-01-01' }, '不能晚于今天'],
    ['a pay ceiling under the floor', { expectedSalaryMin: 8000, expectedSalaryMax: 5000 }, '上限不能低于下限'],
    [
      'a job that ends before it starts',
      { workHistory: [{ employer: '某厂', role: '焊工', from: '2024-06', to: '2019-03' }] },
      '结束时间不能早于开始时间',
    ],
    ['an unknown availability', { availability: 'someday' }, ''],
  ])(
    'given a saved profile, when the resident sends %s, then they are told what is wrong and nothing changes',
    async (_what, bad, message) => {
      const me = aNewOpenid('bad')
      await call(me, 'updateProfile', aProfile())
      const before = await userDoc(me)
      const r = await call(me, 'updateProfile', { nickname: '新名字', ...bad })
      expect(r.error.code).toBe('VALIDATION_FAILED')
      expect(r.error.message).toContain(message)
      expect(await userDoc(me)).toEqual(before)
    },
  )
})

describe('意向地区: the districts of a chosen city', () => {
  test('given 济南市, when a resident asks for its districts, then the GB/T 2260 districts come by code without development zones; a district code is refused', async () => {
    const me = aNewOpenid('districts')
    const r = await call(me, 'districts', { cityCode: '370100' })
    expect(r.ok).toBe(true)
    const codes = r.data.items.map((d: { code: string }) => d.code)
    expect(codes).toEqual([...codes].sort())
    expect(r.data.items).toEqual(expect.arrayContaining([{ code: '370102', name: '历下区' }]))
    expect(codes.every((c: string) => /^3701\d{2}$/.test(c) && c !== '370100')).toBe(true)
    expect((await call(me, 'districts', { cityCode: '370102' })).error.code).toBe('VALIDATION_FAILED')
    expect((await call(me, 'districts', { cityCode: '379900' })).data.items).toEqual([])
    expect((await call(null, 'districts', { cityCode: '370100' })).error.code).toBe('UNAUTHENTICATED')
  })
})

describe('我的简历', () => {
  test('given a profile and a completed training, when the resident opens the résumé, then it is built from them, masked, with cited wording for the occupation', async () => {
    const me = aNewOpenid('resume')
    await call(me, 'bindResident', { name: cards.p_demo_g2_04.name, idNumber: cards.p_demo_g2_04.idNumber })
    await call(me, 'updateProfile', aProfile())
    await db()
      .collection('training_records')
      .add({
        _id: `tr_${me}`,
        openid: me,
        courseId: 'c_x',
        title: '焊工（初级）培训',
        providerName: '某职业培训学校',
        occupationCode: '6-18-02-04',
        occupationName: '焊工',
        level: '五级/初级工',
        certificateType: '职业技能等级证书',
        certificateNo: null,
        completedAt: '2026-09-30T17:00:00+08:00',
        completedAtMs: Date.parse('2026-09-30T17:00:00+08:00'),
      })
    const r = await call(me, 'resume')
    expect(r.ok).toBe(true)
    const { resume, suggestions } = r.data
    expect(resume.name).toMatch(/^.\*+.?$/)
    expect(resume.phone).toMatch(/^1\d{2}\*{4}\d{4}$/)
    expect(findUnmaskedPii(r)).toEqual([])
    expect(resume.summary).toBe('踏实肯干，有五年焊接经验')
    expect(resume.desired).toMatchObject({
      occupations: [
        { code: '6-18-02-04', name: '焊工' },
        { code: 'L-4-10', name: '叉车司机' },
      ],
      salaryMin: 5000,
    })
    expect(resume.desired.cities.map((c: { name: string }) => c.name).join()).toContain('济南')
    expect(resume.certificates).toEqual([
      expect.objectContaining({ source: 'training', name: expect.stringContaining('焊工') }),
      { name: '叉车司机证', source: 'self', at: null },
    ])
    expect(resume.workHistory).toEqual(aProfile().workHistory)
    expect(suggestions[0]).toMatchObject({
      occupationCode: '6-18-02-04',
      source: expect.stringContaining('国家职业技能标准《焊工》'),
    })
    expect(suggestions[0].duties.length).toBeGreaterThan(1)
    expect(suggestions[1].source).toContain('无官方出处')
  })

  test('given a résumé, when the resident rewrites the summary and hides the work history, then it shows their wording, and null goes back to the profile', async () => {
    const me = aNewOpenid('edit')
    await call(me, 'updateProfile', aProfile())
    await emu.advance(1000)
    const r = await call(me, 'updateResume', { summary: '五年车架焊接经验，持焊工证', hidden: ['workHistory'] })
    expect(r.data).toMatchObject({
      resume: { summary: '五年车架焊接经验，持焊工证', hidden: ['workHistory'] },
      edited: { summary: true },
    })
    // a later profile change still shows where nothing was edited
    await call(me, 'updateProfile', { skills: ['氩弧焊'] })
    expect((await call(me, 'resume')).data.resume).toMatchObject({
      summary: '五年车架焊接经验，持焊工证',
      skills: ['氩弧焊'],
    })
    const back = await call(me, 'updateResume', { summary: null })
    expect(back.data).toMatchObject({ resume: { summary: '踏实肯干，有五年焊接经验' }, edited: { summary: false } })
  })

  test('given a work history in the profile, when the resident rewords a duty line in the résumé, then the résumé shows it while the profile keeps its own, and an over-long line changes nothing', async () => {
    const me = aNewOpenid('duties')
    await call(me, 'updateProfile', aProfile())
    const reworded = [{ ...aProfile().workHistory[0], duties: '负责车架焊接；按图纸完成焊接并自检焊缝质量' }]
    const r = await call(me, 'updateResume', { workHistory: reworded })
    expect(r.data).toMatchObject({ resume: { workHistory: reworded }, edited: { workHistory: true } })
    expect((await call(me, 'getProfile')).data.profile.workHistory).toEqual(aProfile().workHistory)
    const before = await userDoc(me)
    const tooLong = await call(me, 'updateResume', {
      workHistory: [{ ...reworded[0], duties: '焊'.repeat(201) }],
    })
    expect(tooLong.error.code).toBe('VALIDATION_FAILED')
    expect(await userDoc(me)).toEqual(before)
    const back = await call(me, 'updateResume', { workHistory: null })
    expect(back.data).toMatchObject({ resume: { workHistory: aProfile().workHistory }, edited: { workHistory: false } })
  })

  test('given a résumé, when the resident sends an over-long summary or an unknown section, then nothing changes', async () => {
    const me = aNewOpenid('badresume')
    await call(me, 'updateResume', { summary: '原来的摘要' })
    const before = await userDoc(me)
    expect((await call(me, 'updateResume', { summary: '长'.repeat(501) })).error).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: expect.stringContaining('500'),
    })
    expect((await call(me, 'updateResume', { hidden: ['salary'] })).error.code).toBe('VALIDATION_FAILED')
    expect(await userDoc(me)).toEqual(before)
  })

  test('given an anonymous caller, when they ask for a résumé, then they are asked to log in', async () => {
    expect((await call(null, 'resume')).error.code).toBe('UNAUTHENTICATED')
  })
})

describe('the résumé on a job application', () => {
  test('given a résumé with a hidden section, when the resident applies, then staff see the résumé as shown, with name and phone masked', async () => {
    const me = aNewOpenid('apply')
    await call(me, 'bindResident', { name: cards.p_demo_g2_05.name, idNumber: cards.p_demo_g2_05.idNumber })
    await call(me, 'updateProfile', aProfile())
    await call(me, 'updateResume', { summary: '五年车架焊接经验', hidden: ['certificates'] })
    const posted = await emu.call(STAFF, 'job', aPosting())
    const jobId = posted.data.id
    expect((await emu.call(me, 'job', { action: 'apply', jobId, requestId: `apply-${me}` })).ok).toBe(true)
    const list = await emu.call(STAFF, 'job', { action: 'applications', jobId })
    const snapshot = list.data.items[0].resume
    expect(snapshot.resume).toMatchObject({
      summary: '五年车架焊接经验',
      certificates: [],
      workHistory: aProfile().workHistory,
      desired: { occupations: [{ name: '焊工' }, { name: '叉车司机' }] },
    })
    expect(snapshot.resume.phone).toMatch(/^1\d{2}\*{4}\d{4}$/)
    expect(snapshot.resume.name).not.toBe(cards.p_demo_g2_05.name)
    expect(findUnmaskedPii(list)).toEqual([])
  })
})

describe('用户与角色: the current roles first', () => {
  test('given a grid worker, when an admin looks them up, then their roles and grid are shown; a resident may not look', async () => {
    expect((await call('o_demo_admin', 'getRoles', { openid: 'o_demo_grid' })).data).toMatchObject({
      exists: true,
      roles: ['resident', 'grid'],
      gridCodes: [expect.any(String)],
    })
    expect((await call('o_demo_admin', 'getRoles', { openid: aNewOpenid('nobody') })).data).toMatchObject({
      exists: false,
      roles: ['resident'],
    })
    expect((await call('o_demo_resident', 'getRoles', { openid: 'o_demo_grid' })).error.code).toBe('FORBIDDEN')
    expect((await call('o_demo_admin', 'getRoles', { openid: '$where' })).error.code).toBe('VALIDATION_FAILED')
  })
})
