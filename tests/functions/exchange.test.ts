/**
 * 数据汇聚与回流 through the real SDK and the emulator: files uploaded to storage, importStart, the `continue`
 * trigger, importStatus; GB18030 CSV and XLSX alike, every rejection reason, idempotent re-imports, changed rows,
 * binding an imported person, department scope, a crash mid-import, sealed identifiers, exports.
 */
import fs from 'node:fs'
import path from 'node:path'
import ExcelJS from 'exceljs'
import iconv from 'iconv-lite'
import { startEmulator } from '../helpers/emulator'
import { idCheckChar } from '../../shared/idNumber'
import { findUnmaskedPii } from '../../shared/mask'
import { REJECTIONS } from '../../shared/exchange/rows'
import { PERSON_COLUMNS } from '../../shared/exchange/templates'
import { csvLine } from '../../shared/exchange/csv'

jest.setTimeout(120_000)

type Emu = Awaited<ReturnType<typeof startEmulator>>
let emu: Emu

const ADMIN = 'o_demo_admin'
const HANDLER = 'o_demo_handler' // department of 370102
const HANDLER2 = 'o_demo_handler2' // department of 370202
const GRID_CODE = '370102001-01'
/** The seed and the emulator clock start here (the tests never read the real date). */
const NOW = '2026-11-18T10:00:00+08:00'

let otherGrid = '' // a community grid of 370202 (another department)
let seq = 0

const idNumber = (n: number, birth = '19900101', region = '370102'): string => {
  const first17 = `${region}${birth}${String(n % 1000).padStart(3, '0')}`
  return first17 + idCheckChar(first17)
}
const phoneOf = (n: number): string => `139${String(50_000_000 + n).padStart(8, '0')}`

/** A valid register row by header; `over` replaces cells. */
function personRow(n: number, over: Record<string, string> = {}): Record<string, string> {
  return {
    姓名: `测试${'甲乙丙丁戊己庚辛壬癸'[n % 10]}${n}`,
    身份证号: idNumber(n, `1990${String((n % 12) + 1).padStart(2, '0')}15`),
    手机号: phoneOf(n),
    户籍地区划代码: '370102',
    网格编码: GRID_CODE,
    学历: '本科',
    毕业年份: '2012',
    就业状态: '失业',
    状态起始日期: '2026-03-01',
    是否登记失业: '是',
    登记失业日期: '2026-03-10',
    重点群体: '登记失业人员、就业困难人员',
    社保缴费月数: '36',
    ...over,
  }
}

const HEADERS = PERSON_COLUMNS.map((c) => c.header).filter((h) => h !== '户口性质')
const csvOf = (rows: Record<string, string>[], headers = HEADERS, extra: string[] = []): string =>
  [
    csvLine([...headers, ...extra]),
    ...rows.map((r) => csvLine([...headers.map((h) => r[h] ?? ''), ...extra.map(() => 'x')])),
  ].join('\r\n') + '\r\n'

async function xlsxOf(rows: Record<string, string>[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('人员')
  // the office's column order differs from the template's: headers are matched by name
  const headers = [...HEADERS].reverse()
  ws.addRow(headers)
  for (const r of rows)
    ws.addRow(
      headers.map((h) =>
        h === '社保缴费月数' ? Number(r[h]) : h === '状态起始日期' ? new Date(`${r[h]}T00:00:00Z`) : r[h],
      ),
    )
  return Buffer.from(await wb.xlsx.writeBuffer())
}

async function upload(openid: string, name: string, content: Buffer | string): Promise<string> {
  const res = await emu.sdk(openid).uploadFile({
    cloudPath: `exchange/uploads/${openid}/${++seq}-${name}`,
    fileContent: typeof content === 'string' ? Buffer.from(content, 'utf8') : content,
  })
  return (res as { fileID: string }).fileID
}

const call = (openid: string | null, action: string, data: Record<string, unknown> = {}) =>
  emu.call(openid, 'exchange', { action, ...data })

/** importStart, then the trigger until the job is done or failed; the final importStatus. */
async function runImport(openid: string, kind: string, fileID: string, dryRun = false): Promise<any> {
  const start = await call(openid, 'importStart', { kind, fileID, dryRun })
  expect(start).toMatchObject({ ok: true })
  return finish(openid, start.data.jobId)
}

async function finish(openid: string, jobId: string): Promise<any> {
  for (let i = 0; i < 20; i++) {
    const s = await call(openid, 'importStatus', { jobId })
    expect(s.ok).toBe(true)
    if (s.data.state === 'done' || s.data.state === 'failed') return s.data
    await emu.trigger('exchange', 'continue')
  }
  throw new Error('import did not finish')
}

const db = () => emu.sdk().database()
async function personsByIds(ids: string[]): Promise<any[]> {
  const _ = db().command
  const out: any[] = []
  for (let i = 0; i < ids.length; i += 100)
    out.push(
      ...((
        await db()
          .collection('persons')
          .where({ _id: _.in(ids.slice(i, i + 100)) })
          .limit(100)
          .get()
      ).data as any[]),
    )
  return out.sort((a, b) => String(a._id).localeCompare(String(b._id)))
}
async function personsImportedBy(jobId: string): Promise<any[]> {
  return (await db().collection('persons').where({ 'source.jobId': jobId }).orderBy('_id', 'asc').limit(1000).get())
    .data as any[]
}
const countPersons = async (): Promise<number> => (await db().collection('persons').count()).total as number

beforeAll(async () => {
  emu = await startEmulator({ seed: { now: new Date(NOW) } })
  await emu.setClock(NOW)
  const g = await db()
    .collection('grids')
    .where({ regionCode: '370202', level: 'community' })
    .orderBy('_id', 'asc')
    .limit(1)
    .get()
  otherGrid = (g.data as { _id: string }[])[0]._id
}, 120_000)
afterAll(async () => {
  await emu?.stop()
})

describe('exchange imports', () => {
  const rows = Array.from({ length: 12 }, (_, i) => personRow(100 + i))
  let firstJob = ''

  test('a GB18030 CSV and an XLSX of the same rows import to the same records', async () => {
    const gb = iconv.encode(csvOf(rows), 'gb18030')
    expect(gb.includes(Buffer.from('姓名', 'utf8'))).toBe(false) // really not UTF-8
    const before = await countPersons()
    const csv = await runImport(ADMIN, 'persons', await upload(ADMIN, 'register.csv', gb))
    expect(csv).toMatchObject({
      state: 'done',
      dryRun: false,
      total: 12,
      imported: 12,
      updated: 0,
      unchanged: 0,
      rejected: 0,
      errors: [],
    })
    firstJob = csv.jobId
    expect(await countPersons()).toBe(before + 12)
    const fromCsv = await personsImportedBy(csv.jobId)
    expect(fromCsv.map((p) => p.name).sort()).toEqual(rows.map((r) => r.姓名).sort())
    expect(fromCsv[0]).toMatchObject({
      education: 'bachelor',
      employmentStatus: 'unemployed',
      registeredUnemployed: true,
      residenceRegion: '370102',
      gridCode: GRID_CODE,
      socialInsuranceMonths: 36,
    })
    expect(fromCsv[0].keyGroups).toEqual(['registeredUnemployed', 'employmentDifficulty'])

    const xlsx = await runImport(ADMIN, 'persons', await upload(ADMIN, 'register.xlsx', await xlsxOf(rows)))
    expect(xlsx).toMatchObject({ state: 'done', total: 12, imported: 0, updated: 0, unchanged: 12, rejected: 0 })
    const strip = (p: any) => ({ ...p, idNumberEnc: undefined, phoneEnc: undefined })
    expect((await personsByIds(fromCsv.map((p) => p._id))).map(strip)).toEqual(fromCsv.map(strip))
  })

  test('importing the same file again adds nothing', async () => {
    const before = await countPersons()
    const again = await runImport(ADMIN, 'persons', await upload(ADMIN, 'again.csv', csvOf(rows)))
    expect(again).toMatchObject({ state: 'done', total: 12, imported: 0, updated: 0, unchanged: 12, rejected: 0 })
    expect(await countPersons()).toBe(before)
  })

  test('a dry run reports what would happen and writes nothing', async () => {
    const before = await countPersons()
    const changed = rows.map((r, i) => (i === 0 ? { ...r, 社保缴费月数: '40' } : r))
    const dry = await runImport(
      ADMIN,
      'persons',
      await upload(ADMIN, 'dry.csv', csvOf([...changed, personRow(900)])),
      true,
    )
    expect(dry).toMatchObject({ state: 'done', dryRun: true, total: 13, imported: 1, updated: 1, unchanged: 11 })
    expect(await countPersons()).toBe(before)
    const p = (await personsImportedBy(firstJob)).find((x) => x.name === rows[0].姓名)
    expect(p.socialInsuranceMonths).toBe(36)
  })

  test('a changed row updates the record, marks its facts changed and the policy batch re-matches it', async () => {
    const target = (await personsImportedBy(firstJob)).find((x) => x.name === rows[1].姓名)
    await emu.trigger('policy', 'rematch')
    const matchesBefore = (await db().collection('policy_matches').where({ personId: target._id }).limit(100).get())
      .data as any[]
    expect(matchesBefore.length).toBeGreaterThan(0)
    await emu.advance(60_000)
    const changed = rows.map((r, i) =>
      i === 1
        ? { ...r, 就业状态: '已就业', 是否登记失业: '否', 登记失业日期: '', 重点群体: '', 状态起始日期: '2026-11-01' }
        : r,
    )
    const res = await runImport(ADMIN, 'persons', await upload(ADMIN, 'changed.csv', csvOf(changed)))
    expect(res).toMatchObject({ imported: 0, updated: 1, unchanged: 11, rejected: 0 })
    const after = (await personsByIds([target._id]))[0]
    expect(after).toMatchObject({
      employmentStatus: 'employed',
      registeredUnemployed: false,
      keyGroups: [],
      employmentStatusSince: '2026-11-01',
    })
    expect(after.factsChangedAtMs).toBeGreaterThan(target.factsChangedAtMs)
    await emu.trigger('policy', 'rematch')
    const matchesAfter = (await db().collection('policy_matches').where({ personId: target._id }).limit(100).get())
      .data as any[]
    const eligible = (ms: any[]) =>
      ms
        .filter((m) => m.status === 'eligible')
        .map((m) => m.policyId)
        .sort()
    expect(eligible(matchesAfter)).not.toEqual(eligible(matchesBefore))
  })

  test('a person imported here can bind their WeChat account with name and ID number', async () => {
    const r = rows[2]
    const bound = await emu.call('o_exchange_new_resident', 'user', {
      action: 'bindResident',
      name: r.姓名,
      idNumber: r.身份证号,
    })
    expect(bound).toMatchObject({ ok: true, data: { bound: true } })
    const profile = await emu.call('o_exchange_new_resident', 'user', { action: 'getProfile' })
    expect(profile.data.bound).toBe(true)
    expect(profile.data.person.idNumber).toBe(`${r.身份证号.slice(0, 4)}**********${r.身份证号.slice(-4)}`)
  })

  test('every rejection reason, with row, column and a Chinese reason; the rejected rows file holds them to fix', async () => {
    const bad: [Record<string, string>, string, string][] = [
      [personRow(201, { 姓名: '' }), '姓名', REJECTIONS.required],
      [personRow(202, { 身份证号: '37010219900101123' }), '身份证号', '身份证号码应为18位'],
      [personRow(203, { 身份证号: '370102199002301234' }), '身份证号', '身份证号码中的出生日期不正确'],
      [
        personRow(204, { 身份证号: idNumber(204).slice(0, 17) + (idNumber(204).endsWith('0') ? '1' : '0') }),
        '身份证号',
        '身份证号码校验位不正确，请核对后重新输入',
      ],
      [personRow(205, { 手机号: '2381234567' }), '手机号', REJECTIONS.phone],
      [personRow(206, { 户籍地区划代码: '3701' }), '户籍地区划代码', REJECTIONS.regionFormat],
      [personRow(207, { 户籍地区划代码: '379999' }), '户籍地区划代码', REJECTIONS.regionUnknown],
      [personRow(208, { 网格编码: '370102999-99' }), '网格编码', REJECTIONS.gridUnknown],
      [personRow(209, { 学历: '幼儿园' }), '学历', '无法识别「幼儿园」'],
      [personRow(210, { 就业状态: '摸鱼' }), '就业状态', '无法识别「摸鱼」'],
      [personRow(211, { 状态起始日期: '2026-13-01' }), '状态起始日期', REJECTIONS.dateFormat],
      [personRow(212, { 状态起始日期: '2027-01-01' }), '状态起始日期', REJECTIONS.dateInFuture],
      [personRow(213, { 状态起始日期: '1980-01-01' }), '状态起始日期', REJECTIONS.dateBeforeBirth],
      [personRow(214, { 是否登记失业: '也许' }), '是否登记失业', '无法识别「也许」'],
      [personRow(215, { 登记失业日期: '' }), '登记失业日期', REJECTIONS.registeredDateMissing],
      [personRow(216, { 重点群体: '登记失业人员、外星人' }), '重点群体', '无法识别「外星人」'],
      [personRow(217, { 社保缴费月数: '-3' }), '社保缴费月数', REJECTIONS.nonNegativeInt],
      [personRow(218, { 毕业年份: '2099' }), '毕业年份', REJECTIONS.year],
      [personRow(219, { 网格编码: 'OTHER' }), '网格编码', REJECTIONS.gridUnknown],
      [personRow(220, { 姓名: '名'.repeat(31) }), '姓名', REJECTIONS.tooLong(30)],
    ]
    const good = personRow(250)
    const dup = { ...personRow(250), 姓名: '重复者' }
    const fileRows = [good, ...bad.map((b) => b[0]), dup]
    const res = await runImport(ADMIN, 'persons', await upload(ADMIN, 'bad.csv', csvOf(fileRows, HEADERS, ['备注'])))
    expect(res).toMatchObject({
      state: 'done',
      total: fileRows.length,
      imported: 1,
      rejected: bad.length + 1,
      unknownColumns: ['备注'],
    })
    bad.forEach(([, column, message], i) => {
      const e = res.errors.find((x: any) => x.row === i + 3)
      expect({ row: e?.row, column: e?.column, message: e?.message.slice(0, message.length) }).toEqual({
        row: i + 3,
        column,
        message,
      })
    })
    expect(res.errors.find((x: any) => x.row === fileRows.length + 1)).toEqual({
      row: fileRows.length + 1,
      column: '身份证号',
      message: REJECTIONS.duplicateInFile(2),
    })
    expect(res.errorsFileID).toMatch(/^cloud:\/\//)
    const file = await emu.sdk(ADMIN).downloadFile({ fileID: res.errorsFileID })
    const text = Buffer.from((file as { fileContent: Buffer }).fileContent).toString('utf8')
    const lines = text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
    expect(lines[0]).toBe(['行号', '错误列', '原因', ...HEADERS, '备注'].join(','))
    expect(lines).toHaveLength(bad.length + 2)
    expect(lines[1].startsWith('3,姓名,姓名：必填项为空,,')).toBe(true)
  })

  test("another department's rows are refused; a department imports its own regions", async () => {
    const mine = personRow(301)
    const theirs = personRow(302, { 网格编码: otherGrid })
    const res = await runImport(HANDLER, 'persons', await upload(HANDLER, 'dept.csv', csvOf([mine, theirs])))
    expect(res).toMatchObject({ imported: 1, rejected: 1 })
    expect(res.errors).toEqual([{ row: 3, column: '网格编码', message: REJECTIONS.outOfScope }])
    const other = await runImport(HANDLER2, 'persons', await upload(HANDLER2, 'dept2.csv', csvOf([personRow(303)])))
    expect(other).toMatchObject({
      imported: 0,
      rejected: 1,
      errors: [{ row: 2, column: '网格编码', message: REJECTIONS.outOfScope }],
    })
    // another department's import is not theirs to read
    expect(await call(HANDLER2, 'importStatus', { jobId: res.jobId })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
  })

  test('a file without a required column fails with the missing columns named', async () => {
    const res = await runImport(
      ADMIN,
      'persons',
      await upload(
        ADMIN,
        'nocol.csv',
        csvOf(
          [personRow(401)],
          HEADERS.filter((h) => h !== '身份证号'),
        ),
      ),
    )
    expect(res).toMatchObject({ state: 'failed', errors: [{ row: 1, column: '身份证号', message: '缺少必填列' }] })
  })

  test('a crash mid-import resumes without gaps or doubles', async () => {
    await emu.setFunctionEnv('exchange', { EXCHANGE_CHUNK_BYTES: '2048' }) // ~12 rows a chunk
    const many = Array.from({ length: 60 }, (_, i) => personRow(500 + i, i === 30 ? { 手机号: 'bad' } : {}))
    const before = await countPersons()
    const start = await call(ADMIN, 'importStart', {
      kind: 'persons',
      fileID: await upload(ADMIN, 'crash.csv', csvOf(many)),
    })
    await emu.setFunctionEnv('exchange', { EXCHANGE_IMPORT_CRASH_AFTER_CHUNKS: '2' })
    const crashed = await emu.trigger('exchange', 'continue')
    expect(crashed.results[0].result).toMatchObject({ ok: false })
    const mid = await call(ADMIN, 'importStatus', { jobId: start.data.jobId })
    expect(mid.data.state).toBe('running')
    expect(mid.data.total).toBeGreaterThan(0)
    expect(mid.data.total).toBeLessThan(60)
    // the lease of the crashed run expires; the next run takes over from the last checkpoint
    await emu.advance(120_000)
    const done = await finish(ADMIN, start.data.jobId)
    expect(done).toMatchObject({ state: 'done', total: 60, imported: 59, updated: 0, unchanged: 0, rejected: 1 })
    expect(done.errors).toEqual([{ row: 32, column: '手机号', message: REJECTIONS.phone }])
    expect(await countPersons()).toBe(before + 59)
    const names = (await personsImportedBy(start.data.jobId)).map((p) => p.name)
    expect(new Set(names).size).toBe(59)
    await emu.setFunctionEnv('exchange', { EXCHANGE_CHUNK_BYTES: null })
  })

  test('an XLSX import that crashes resumes from its checkpoint row without gaps or doubles', async () => {
    await emu.setFunctionEnv('exchange', { EXCHANGE_XLSX_BATCH: '8' })
    const many = Array.from({ length: 30 }, (_, i) => personRow(700 + i))
    const before = await countPersons()
    const start = await call(ADMIN, 'importStart', {
      kind: 'persons',
      fileID: await upload(ADMIN, 'crash.xlsx', await xlsxOf(many)),
    })
    await emu.setFunctionEnv('exchange', { EXCHANGE_IMPORT_CRASH_AFTER_CHUNKS: '2' })
    expect((await emu.trigger('exchange', 'continue')).results[0].result).toMatchObject({ ok: false })
    const mid = await call(ADMIN, 'importStatus', { jobId: start.data.jobId })
    expect(mid.data).toMatchObject({ state: 'running', total: 8 })
    await emu.advance(120_000)
    const done = await finish(ADMIN, start.data.jobId)
    expect(done).toMatchObject({ state: 'done', total: 30, imported: 30, unchanged: 0, rejected: 0 })
    expect(await countPersons()).toBe(before + 30)
    await emu.setFunctionEnv('exchange', { EXCHANGE_XLSX_BATCH: null })
  })

  test('no plaintext ID or phone number is stored (persons, rejections, jobs)', async () => {
    const persons = (await db().collection('persons').where({ 'source.kind': 'import' }).limit(1000).get())
      .data as any[]
    expect(persons.length).toBeGreaterThan(50)
    expect(findUnmaskedPii(persons)).toEqual([])
    const rejections = (await db().collection('import_rejections').limit(1000).get()).data as any[]
    expect(rejections.length).toBeGreaterThan(10)
    expect(findUnmaskedPii(rejections)).toEqual([])
    expect(findUnmaskedPii((await db().collection('import_jobs').limit(100).get()).data)).toEqual([])
    const audits = (await db().collection('audit_logs').where({ event: 'exchange.import.finished' }).limit(100).get())
      .data as any[]
    expect(audits.length).toBeGreaterThan(5)
    expect(audits[0].detail).toHaveProperty('imported')
  })

  test('jobs and courses: imported, natural keys make a second import a no-op', async () => {
    const jobCsv = [
      csvLine([
        '用人单位',
        '岗位名称',
        '职业编码',
        '工作地区划代码',
        '工作地址',
        '薪资下限',
        '薪资上限',
        '薪资单位',
        '用工形式',
        '联系人',
        '联系电话',
        '技能要求',
      ]),
      csvLine([
        '济南测试机械有限公司',
        '电焊工',
        '6-18-02-04',
        '370102',
        '经十路1号',
        '5000',
        '7000',
        '元/月',
        '全职',
        '李经理',
        '13900001111',
        '电焊、识图',
      ]),
      csvLine([
        '济南测试机械有限公司',
        '电焊工',
        '6-18-02-04',
        '370102',
        '经十路1号',
        '9000',
        '7000',
        '元/月',
        '全职',
        '李经理',
        '13900001111',
        '',
      ]),
      csvLine([
        '济南测试机械有限公司',
        '叉车司机',
        '9-99-99-99',
        '370102',
        '经十路1号',
        '5000',
        '7000',
        '元/月',
        '全职',
        '李经理',
        '13900001111',
        '',
      ]),
    ].join('\n')
    const j1 = await runImport(ADMIN, 'jobs', await upload(ADMIN, 'jobs.csv', jobCsv))
    expect(j1).toMatchObject({ state: 'done', total: 3, imported: 1, rejected: 2 })
    // the order of the salaries is job.post's own rule (the shared schema), in its words
    expect(j1.errors.map((e: any) => e.message)).toEqual(['最低薪资不能高于最高薪资', REJECTIONS.occupationUnknown])
    const search = await emu.call('o_demo_resident', 'job', {
      action: 'search',
      keyword: '电焊工',
      districtCode: '370102',
    })
    expect(search.data.items.some((j: any) => j.employerName === '济南测试机械有限公司')).toBe(true)
    const j2 = await runImport(ADMIN, 'jobs', await upload(ADMIN, 'jobs2.csv', jobCsv))
    expect(j2).toMatchObject({ imported: 0, unchanged: 1, rejected: 2 })
    const jobDocs = (await db().collection('jobs').where({ employerName: '济南测试机械有限公司' }).limit(10).get())
      .data as any[]
    expect(jobDocs).toHaveLength(1)
    expect(findUnmaskedPii(jobDocs)).toEqual([])

    const courseCsv = [
      csvLine(['培训机构', '课程名称', '职业编码', '开课地区划代码', '开课时间', '报名截止', '名额', '培训等级']),
      csvLine([
        '济南测试培训学校',
        '焊工初级班',
        '6-18-02-04',
        '370102',
        '2027-01-10 09:00',
        '2027-01-05 18:00',
        '30',
        '初级',
      ]),
      csvLine([
        '济南测试培训学校',
        '焊工初级班',
        '6-18-02-04',
        '370102',
        '2027-01-10 09:00',
        '2027-01-12 18:00',
        '30',
        '初级',
      ]),
    ].join('\n')
    const c1 = await runImport(ADMIN, 'courses', await upload(ADMIN, 'courses.csv', iconv.encode(courseCsv, 'gb18030')))
    expect(c1).toMatchObject({
      state: 'done',
      imported: 1,
      rejected: 1,
      errors: [{ row: 3, column: '报名截止', message: REJECTIONS.deadlineAfterStart }],
    })
    const c2 = await runImport(ADMIN, 'courses', await upload(ADMIN, 'courses2.csv', courseCsv.replace(',30,', ',40,')))
    expect(c2).toMatchObject({ imported: 0, updated: 1 })
  })
})

describe('docs/import examples', () => {
  test.each([
    ['persons', { imported: 4, rejected: 3 }],
    ['jobs', { imported: 2, rejected: 1 }],
    ['courses', { imported: 2, rejected: 1 }],
  ])('the %s example imports as documented (its last rows are wrong on purpose)', async (kind, counts) => {
    const text = fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'import', `${kind}-example.csv`))
    const res = await runImport(ADMIN, kind, await upload(ADMIN, `${kind}-example.csv`, text), true)
    expect(res).toMatchObject({ state: 'done', dryRun: true, unknownColumns: [], ...counts })
  })
})

describe('exchange exports and access', () => {
  test('residents and grid workers get FORBIDDEN, anonymous UNAUTHENTICATED', async () => {
    for (const who of ['o_demo_resident', 'o_demo_grid']) {
      for (const action of ['importStart', 'importStatus', 'imports', 'export', 'template']) {
        expect((await call(who, action, {})).error.code).toBe('FORBIDDEN')
      }
    }
    expect((await call(null, 'imports', {})).error.code).toBe('UNAUTHENTICATED')
  })

  test('the template shows its ID and mobile examples masked, and its example row imports nothing', async () => {
    const t = await call(HANDLER, 'template', { kind: 'persons' })
    expect(t.ok).toBe(true)
    expect(findUnmaskedPii(t.data)).toEqual([])
    const id = t.data.columns.find((c: { header: string }) => c.header === '身份证号')
    expect(id.example).toMatch(/^\d{4}\*+\d{3}[\dX]$/)
    const res = await runImport(
      HANDLER,
      'persons',
      await upload(HANDLER, 'template.csv', Buffer.from(t.data.csv, 'utf8')),
      true,
    )
    expect(res).toMatchObject({ state: 'done', total: 1, imported: 0, updated: 0, rejected: 1 })
  })

  test("a street's list, masked by default; unmasked only for an admin with a reason, audited", async () => {
    const masked = await call(HANDLER, 'export', { kind: 'persons', regionCode: '370102001' })
    expect(masked).toMatchObject({ ok: true })
    expect(masked.data.rows).toBeGreaterThan(10)
    const file = await emu.sdk(HANDLER).downloadFile({ fileID: masked.data.fileID })
    const text = Buffer.from((file as { fileContent: Buffer }).fileContent).toString('utf8')
    expect(text.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe(PERSON_COLUMNS.map((c) => c.header).join(','))
    expect(findUnmaskedPii(text)).toEqual([])
    expect(text).toContain('测试')

    expect((await call(HANDLER, 'export', { kind: 'persons', regionCode: '370202' })).error.code).toBe('FORBIDDEN')
    expect(
      (
        await call(HANDLER, 'export', {
          kind: 'persons',
          regionCode: '370102001',
          unmasked: true,
          reason: '社区核对名单',
        })
      ).error.code,
    ).toBe('FORBIDDEN')
    expect((await call(ADMIN, 'export', { kind: 'persons', regionCode: '370102001', unmasked: true })).error.code).toBe(
      'VALIDATION_FAILED',
    )
    const open = await call(ADMIN, 'export', {
      kind: 'persons',
      regionCode: '370102001-01',
      unmasked: true,
      reason: '社区核对名单',
      format: 'xlsx',
    })
    expect(open).toMatchObject({ ok: true })
    const wb = new ExcelJS.Workbook()
    const f2 = await emu.sdk(ADMIN).downloadFile({ fileID: open.data.fileID })
    await wb.xlsx.load((f2 as { fileContent: Buffer }).fileContent as never)
    const ids = wb.worksheets[0].getColumn(2).values.slice(2).map(String)
    expect(ids.some((v) => /^\d{17}[\dX]$/.test(v))).toBe(true)
    const a = (await db().collection('audit_logs').where({ event: 'exchange.export.unmasked' }).limit(10).get())
      .data as any[]
    expect(a).toHaveLength(1)
    expect(a[0]).toMatchObject({ actor: ADMIN, detail: { reason: '社区核对名单', unmasked: true } })
  })

  test("the services export lists the region's visits, applications and training", async () => {
    const r = await call(HANDLER, 'export', { kind: 'services', regionCode: '370102' })
    expect(r).toMatchObject({ ok: true })
    const file = await emu.sdk(HANDLER).downloadFile({ fileID: r.data.fileID })
    const text = Buffer.from((file as { fileContent: Buffer }).fileContent).toString('utf8')
    expect(text.split('\r\n')[0]).toContain('服务类型')
    expect(findUnmaskedPii(text)).toEqual([])
  })

  test('the province extract: records of a year in the template columns', async () => {
    const r = await call(ADMIN, 'export', { kind: 'courses', regionCode: '370102', year: 2026 })
    expect(r).toMatchObject({ ok: true })
    expect(r.data.rows).toBeGreaterThan(0)
  })
})
