/**
 * 数据导入 in the H5 app (headless Chromium): the admin opens 工作台 → 数据导入导出, downloads the persons
 * template, picks a GB18030 CSV with some bad rows, runs 试运行 then 正式导入 while the background trigger works,
 * sees the progress and the report (counts, rows with their reasons) and downloads the rejected rows.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import iconv from 'iconv-lite'
import tcb from '@cloudbase/node-sdk'
import { buttonByText, openBrowser, useAppStack } from '../helpers/browser'
import { csvLine } from '../../shared/exchange/csv'
import { PERSON_COLUMNS } from '../../shared/exchange/templates'
import { idCheckChar } from '../../shared/idNumber'

jest.setTimeout(420_000)
const app = useAppStack()

const id = (n: number) => {
  const first17 = `37010219920202${String(n).padStart(3, '0')}`
  return first17 + idCheckChar(first17)
}
const row = (n: number, over: Record<string, string> = {}): string[] => {
  const base: Record<string, string> = {
    姓名: `浏览器${n}`,
    身份证号: id(n),
    手机号: `1370000${String(n).padStart(4, '0')}`,
    户籍地区划代码: '370102',
    网格编码: '370102001-01',
    学历: '大专',
    毕业年份: '2014',
    就业状态: '失业',
    状态起始日期: '2026-05-01',
    是否登记失业: '是',
    登记失业日期: '2026-05-06',
    重点群体: '登记失业人员',
    社保缴费月数: '60',
    户口性质: '城镇',
    ...over,
  }
  return PERSON_COLUMNS.map((c) => base[c.header])
}

test('an admin downloads the template, imports a file with bad rows, follows the progress and downloads the rejected rows', async () => {
  const headers = PERSON_COLUMNS.map((c) => c.header)
  const lines = [headers, row(1), row(2), row(3, { 学历: '幼儿园' }), row(4), row(5, { 手机号: '12345' })]
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'zj-import-')), '登记名单.csv')
  fs.writeFileSync(file, iconv.encode(lines.map(csvLine).join('\r\n') + '\r\n', 'gb18030'))

  const b = await openBrowser({ baseUrl: app.url, identity: 'o_demo_admin', testName: 'exchange-import' })
  try {
    const page = b.page
    await page.goto(b.url('/packages/staff/index/index'))
    await page.locator('[data-testid="entry-exchange"]').click()
    await page.locator('[data-testid="import-template"]').waitFor({ timeout: 60_000 })
    await page.getByText('身份证号*').first().waitFor()
    await b.screenshot('01-template')

    // the template: a CSV whose header row is the template's
    const [download] = await Promise.all([page.waitForEvent('download'), buttonByText(b, '下载模板').click()])
    const template = fs.readFileSync((await download.path()) as string, 'utf8').replace(/^\uFEFF/, '')
    expect(template.split('\r\n')[0]).toBe(headers.join(','))

    // a dry run first: what would happen, nothing written
    await page.locator('[data-testid="import-file"]').setInputFiles(file)
    await buttonByText(b, '试运行').click()
    await page.locator('[data-testid="import-progress"]').waitFor({ timeout: 30_000 })
    await b.screenshot('02-queued')
    await app.emulator.trigger('exchange', 'continue')
    await page.locator('[data-testid="import-counts"]').getByText('将新增 3').waitFor({ timeout: 30_000 })
    await page.getByText('试运行没有写入任何数据').waitFor()

    // the real import
    await buttonByText(b, '正式导入').click()
    await page.locator('[data-testid="import-progress"]').waitFor({ timeout: 30_000 })
    await app.emulator.trigger('exchange', 'continue')
    const report = page.locator('[data-testid="import-report"]')
    await report.getByText('已完成').waitFor({ timeout: 30_000 })
    await expect(report.getByText('新增 3').count()).resolves.toBe(1)
    await expect(report.getByText('拒绝 2').count()).resolves.toBe(1)
    const errors = await page.locator('[data-testid="import-error"]').allInnerTexts()
    expect(errors).toEqual([
      expect.stringContaining('第 4 行 · 学历：无法识别「幼儿园」'),
      expect.stringContaining('第 6 行 · 手机号：手机号应为11位数字且以1开头'),
    ])
    await b.screenshot('03-report')

    // the rejected rows, to fix and import again
    const [rejected] = await Promise.all([page.waitForEvent('download'), buttonByText(b, '下载被拒行').click()])
    const text = fs.readFileSync((await rejected.path()) as string, 'utf8').replace(/^\uFEFF/, '')
    const out = text.trim().split('\r\n')
    expect(out[0]).toBe(['行号', '错误列', '原因', ...headers].join(','))
    expect(out.slice(1).map((l) => l.split(',')[0])).toEqual(['4', '6'])
    expect(out[1]).toContain('幼儿园')

    // the people are in the register now
    const db = tcb
      .init({ env: 'local', serviceUrl: app.emulator.serviceUrl, secretId: 'local', secretKey: 'local' } as never)
      .database()
    const found = await db
      .collection('persons')
      .where({ name: db.RegExp({ regexp: '^浏览器' }) })
      .count()
    expect(found.total).toBe(3)
  } finally {
    await b.close()
  }
})
