import type { PolicyDocument } from './types'
import { aResident, without, workingAge } from './common'

export const veteranSkillsTraining: PolicyDocument = {
  id: 'veteran-skills-training',
  version: 1,
  title: '退役军人免费职业技能培训',
  category: 'training',
  level: 'national',
  summary: '未就业或灵活就业的退役军人可免费参加职业技能培训，培训期间按规定享受生活补助。',
  audience: '未就业或灵活就业的退役军人',
  effectiveFrom: '2021-01-01',
  effectiveTo: null,
  applicationWindow: null,
  amounts: [{ text: '培训费用由政府承担，培训期间按规定给予生活补助（标准以当地为准）' }],
  materials: ['身份证', '退役证件'],
  howToApply: ['向户籍地县级退役军人服务中心或乡镇（街道）退役军人服务站报名', '选择承训机构和专业后参加培训'],
  handledBy: '县（市、区）退役军人事务部门',
  sources: [
    {
      title: '中华人民共和国退役军人保障法',
      issuer: '全国人民代表大会常务委员会',
      docNumber: '中华人民共和国主席令第六十三号',
    },
  ],
  rule: {
    op: 'all',
    of: [
      { op: 'keyGroup', groups: ['veteran'] },
      workingAge,
      { op: 'in', fact: 'employmentStatus', values: ['unemployed', 'flexible'], text: '目前未就业或灵活就业' },
    ],
  },
  examples: [
    {
      name: '未就业的退役军人符合',
      asOf: '2026-06-01',
      facts: aResident({ keyGroups: ['veteran'], employmentStatus: 'unemployed' }),
      expect: 'eligible',
    },
    {
      name: '已在单位就业的退役军人不符合',
      asOf: '2026-06-01',
      facts: aResident({ keyGroups: ['veteran'] }),
      expect: 'ineligible',
    },
    {
      name: '不知道出生日期时待确定',
      asOf: '2026-06-01',
      facts: without(aResident({ keyGroups: ['veteran'], employmentStatus: 'flexible' }), 'birthDate'),
      expect: 'undetermined',
      missing: ['birthDate'],
    },
  ],
}
