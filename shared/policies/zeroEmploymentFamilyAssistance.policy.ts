import type { PolicyDocument } from './types'
import { aResident, without, workingAge } from './common'

export const zeroEmploymentFamilyAssistance: PolicyDocument = {
  id: 'zero-employment-family-assistance',
  version: 1,
  title: '零就业家庭就业援助',
  category: 'employment',
  level: 'national',
  summary: '家庭中劳动年龄内的成员都没有工作的，政府确保至少一人尽快就业，提供岗位推荐和兜底安置。',
  audience: '法定劳动年龄内的家庭成员均处于失业状况的城市居民家庭（零就业家庭）中有劳动能力和就业意愿的成员',
  effectiveFrom: '2008-01-01',
  effectiveTo: null,
  applicationWindow: null,
  amounts: [{ text: '优先推荐岗位，必要时通过公益性岗位托底安置，确保零就业家庭至少一人就业' }],
  materials: ['身份证', '户口簿', '家庭成员就业状况说明'],
  howToApply: [
    '向住所地街道、社区公共就业服务机构申请就业援助（零就业家庭认定）',
    '经确认属实的，由公共就业服务机构为家庭中至少一人提供适当的就业岗位，就业援助员上门帮扶',
  ],
  handledBy: '街道（乡镇）公共就业服务机构',
  sources: [
    {
      title: '中华人民共和国就业促进法（就业援助一章）',
      issuer: '全国人民代表大会常务委员会',
      docNumber: '中华人民共和国主席令第七十号',
      note: '2007年8月30日公布；2015年修正的公布令号未核实',
    },
  ],
  rule: {
    op: 'all',
    of: [
      { op: 'keyGroup', groups: ['zeroEmploymentFamily'] },
      workingAge,
      { op: 'in', fact: 'employmentStatus', values: ['unemployed'], text: '目前未就业' },
    ],
  },
  examples: [
    {
      name: '零就业家庭的失业成员符合',
      asOf: '2026-06-01',
      facts: aResident({ keyGroups: ['zeroEmploymentFamily'], employmentStatus: 'unemployed' }),
      expect: 'eligible',
    },
    {
      name: '已就业后不再需要援助',
      asOf: '2026-06-01',
      facts: aResident({ keyGroups: ['zeroEmploymentFamily'] }),
      expect: 'ineligible',
    },
    {
      name: '不知道就业状态时待确定',
      asOf: '2026-06-01',
      facts: without(aResident({ keyGroups: ['zeroEmploymentFamily'] }), 'employmentStatus'),
      expect: 'undetermined',
      missing: ['employmentStatus'],
    },
  ],
}
