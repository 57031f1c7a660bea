/**
 * Writes docs/import/: for each kind a template (header row + one example row) and an example file with several
 * rows (a few of them wrong on purpose, to see the report), plus README.md with every column, the accepted Chinese
 * values and every rejection reason. From shared/exchange (the parser's own tables), so docs and parser agree.
 *   npx tsx scripts/importTemplates.ts          # write
 *   npx tsx scripts/importTemplates.ts --check  # exit 1 when docs/import is out of date
 */
import fs from 'node:fs'
import path from 'node:path'
import { csvLine } from '../shared/exchange/csv'
import { REJECTIONS } from '../shared/exchange/rows'
import {
  EDUCATION_VALUES,
  EMPLOYMENT_STATUS_VALUES,
  IMPORT_KIND_LABELS,
  IMPORT_KINDS,
  KEY_GROUP_VALUES,
  NATURAL_KEY_TEXT,
  TEMPLATES,
} from '../shared/exchange/templates'
import { idCheckChar } from '../shared/idNumber'

const dir = path.join(__dirname, '..', 'docs', 'import')
const BOM = '\uFEFF'
const id = (region: string, birth: string, seq: string): string =>
  region + birth + seq + idCheckChar(region + birth + seq)

const csv = (rows: string[][]): string => BOM + rows.map(csvLine).join('\r\n') + '\r\n'

const examples: Record<string, string[][]> = {
  persons: [
    [
      '王小明',
      id('370102', '19990315', '011'),
      '13805310001',
      '370102',
      '370102001-01',
      '本科',
      '2022',
      '失业',
      '2025-07-01',
      '是',
      '2025-08-15',
      '高校毕业生、登记失业人员',
      '6',
      '城镇',
    ],
    [
      '李秀英',
      id('370102', '19750620', '022'),
      '13805310002',
      '370102',
      '370102001-01',
      '初中',
      '',
      '失业',
      '2025-03-01',
      '是',
      '2025-03-10',
      '登记失业人员、就业困难人员',
      '180',
      '城镇',
    ],
    [
      '张建国',
      id('370112', '19820908', '031'),
      '13805310003',
      '370112',
      '370102002-01',
      '高中',
      '2000',
      '灵活就业',
      '2024-05-01',
      '否',
      '',
      '',
      '96',
      '农村',
    ],
    [
      '赵敏',
      id('370102', '19970101', '042'),
      '13805310004',
      '370102',
      '370102001-01',
      '大专',
      '2018',
      '已就业',
      '2023-09-01',
      '否',
      '',
      '',
      '60',
      '城镇',
    ],
    // wrong on purpose: the check character, an unknown 学历, a missing 登记失业日期
    [
      '钱多多',
      '370102199001011230',
      '13805310005',
      '370102',
      '370102001-01',
      '本科',
      '2012',
      '失业',
      '2025-01-01',
      '是',
      '2025-01-05',
      '',
      '48',
      '城镇',
    ],
    [
      '孙悟',
      id('370102', '19880808', '051'),
      '13805310006',
      '370102',
      '370102001-01',
      '幼儿园',
      '',
      '失业',
      '2025-01-01',
      '否',
      '',
      '',
      '12',
      '城镇',
    ],
    [
      '周洁',
      id('370102', '19930303', '062'),
      '13805310007',
      '370102',
      '370102001-01',
      '硕士',
      '2019',
      '失业',
      '2025-02-01',
      '是',
      '',
      '',
      '70',
      '城镇',
    ],
  ],
  jobs: [
    [
      '济南示例机械有限公司',
      '电焊工',
      '6-18-02-04',
      '370102',
      '历下区经十路100号',
      '5000',
      '7000',
      '元/月',
      '全职',
      '高中',
      '3',
      '李经理',
      '13900001111',
      '电焊、识图',
      '持焊工证',
      '',
      '',
      '',
    ],
    [
      '济南示例物流有限公司',
      '叉车司机',
      'L-4-10',
      '370112',
      '历城区工业北路8号',
      '200',
      '260',
      '元/天',
      '零工',
      '',
      '5',
      '王主管',
      '13900002222',
      '叉车驾驶',
      '',
      '',
      '',
      '',
    ],
    // wrong on purpose: 薪资下限 above 薪资上限
    [
      '济南示例餐饮有限公司',
      '厨师',
      '4-03-02-01',
      '370102',
      '历下区泉城路1号',
      '9000',
      '6000',
      '元/月',
      '全职',
      '',
      '1',
      '刘店长',
      '13900003333',
      '',
      '',
      '',
      '',
      '',
    ],
  ],
  courses: [
    [
      '济南示例职业培训学校',
      '焊工（初级）培训班',
      '6-18-02-04',
      '370102',
      '2027-03-10 09:00',
      '2027-03-20 17:00',
      '2027-03-05 18:00',
      '30',
      '初级',
      '线下',
      '历下区解放路20号',
      '0',
    ],
    [
      '济南示例职业培训学校',
      '养老护理员（中级）',
      '4-10-01-05',
      '370112',
      '2027-04-01 09:00',
      '2027-04-15 17:00',
      '2027-03-25 18:00',
      '40',
      '中级',
      '线下',
      '历城区花园路5号',
      '0',
    ],
    // wrong on purpose: 报名截止 after 开课时间
    [
      '济南示例职业培训学校',
      '电商直播运营',
      'L-4-02',
      '370102',
      '2027-03-01 09:00',
      '',
      '2027-03-02 18:00',
      '50',
      '初级',
      '线上',
      '',
      '0',
    ],
  ],
}

function readme(): string {
  const out: string[] = [
    '# 数据导入模板（数据汇聚）',
    '',
    '由 `npx tsx scripts/importTemplates.ts` 按 `shared/exchange/templates.ts` 生成，请勿手改。',
    '',
    '文件：CSV（UTF-8 或 GB18030，即 Excel「CSV（逗号分隔）」另存的格式；逗号、制表符、分号分隔均可）或 XLSX（第一个工作表）。',
    '列名按名称匹配，顺序不限；模板以外的列忽略并在报告中列出；缺少必填列则整个文件不导入。一行有误不影响其他行。',
    '同一记录再次导入不会重复：' +
      IMPORT_KINDS.map((k) => `${IMPORT_KIND_LABELS[k]}按「${NATURAL_KEY_TEXT[k]}」识别`).join('；') +
      '。内容有变化的更新，没变化的计为「未变」。',
    '',
  ]
  for (const kind of IMPORT_KINDS) {
    out.push(
      `## ${IMPORT_KIND_LABELS[kind]}（${kind}）`,
      '',
      `模板：[${kind}-template.csv](${kind}-template.csv)　示例：[${kind}-example.csv](${kind}-example.csv)（最后几行故意有错，用来查看报告）`,
      '',
      '| 列名 | 必填 | 示例 | 说明 |',
      '| --- | --- | --- | --- |',
    )
    for (const c of TEMPLATES[kind])
      out.push(`| ${c.header} | ${c.required ? '是' : '否'} | ${c.example} | ${c.note ?? ''} |`)
    out.push('')
  }
  const labels = (v: Record<string, string>) => Object.keys(v).join('、')
  out.push(
    '## 可填的中文值',
    '',
    `- 学历：${labels(EDUCATION_VALUES)}`,
    `- 就业状态：${labels(EMPLOYMENT_STATUS_VALUES)}`,
    `- 重点群体（多个用「、」分隔）：${labels(KEY_GROUP_VALUES)}`,
    '- 是否登记失业：是、否',
    '',
  )
  out.push(
    '## 拒绝原因',
    '',
    '被拒的行在报告中给出行号（表头为第1行）、列名和原因，并可下载「被拒行」文件，改正后只导入这些行即可。',
    '',
  )
  for (const [k, v] of Object.entries(REJECTIONS))
    out.push(
      `- \`${k}\`：${typeof v === 'function' ? (v as (...a: unknown[]) => string)(...(k === 'enumValue' ? ['某值', '可填的值'] : k === 'tooLong' ? [30] : [2])) : v}`,
    )
  out.push(
    '- 身份证号：身份证号码应为18位 / 出生日期不正确 / 校验位不正确（与实名绑定同一校验）',
    '- 岗位、课程的其他字段按「发布岗位」「新建课程」的同一规则校验（如最低薪资不能高于最高薪资）',
    '',
  )
  return out.join('\n')
}

const files: Record<string, string> = { 'README.md': readme() }
for (const kind of IMPORT_KINDS) {
  const cols = TEMPLATES[kind]
  files[`${kind}-template.csv`] = csv([cols.map((c) => c.header), cols.map((c) => c.example)])
  files[`${kind}-example.csv`] = csv([cols.map((c) => c.header), ...examples[kind]])
}
const check = process.argv.includes('--check')
let stale = false
fs.mkdirSync(dir, { recursive: true })
for (const [name, text] of Object.entries(files)) {
  const p = path.join(dir, name)
  if (check) {
    if (!fs.existsSync(p) || fs.readFileSync(p, 'utf8') !== text) {
      console.error(`docs/import/${name} is out of date: npx tsx scripts/importTemplates.ts`)
      stale = true
    }
  } else fs.writeFileSync(p, text)
}
if (stale) process.exit(1)
