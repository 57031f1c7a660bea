import type { PolicyDocument } from './types'
import { aResident, hukouInShandong, TO_VERIFY, without } from './common'

export const povertyTransportSubsidy: PolicyDocument = {
  id: 'poverty-transport-subsidy',
  version: 1,
  title: '脱贫劳动力跨省就业一次性交通补助',
  category: 'employment',
  level: 'provincial',
  summary: '山东户籍的脱贫劳动力到省外务工的，可领取一次性交通补助。',
  audience: '山东户籍、跨省务工就业的脱贫人口',
  effectiveFrom: '2021-01-01',
  effectiveTo: null,
  applicationWindow: { from: '2026-01-01', to: '2026-12-31', note: '每年申领一次，具体时间以户籍地通知为准' },
  amounts: [{ text: '一次性交通补助，标准以户籍地公布为准' }],
  materials: ['身份证', '务工地劳动合同或工资流水等就业证明', '往返车票（如有）'],
  howToApply: ['向户籍地乡镇（街道）便民服务中心或村（社区）提出申请', '县级人社部门审核后发放到本人社会保障卡'],
  handledBy: '户籍地县（市、区）人力资源社会保障部门',
  sources: [
    {
      title: '山东省脱贫劳动力外出务工一次性交通补助相关规定',
      issuer: '山东省人力资源和社会保障厅 山东省财政厅 山东省乡村振兴局',
      docNumber: null,
      note: TO_VERIFY,
    },
  ],
  rule: {
    op: 'all',
    of: [
      hukouInShandong,
      { op: 'keyGroup', groups: ['povertyAlleviated'] },
      { op: 'is', fact: 'worksOutsideProvince' },
      { op: 'in', fact: 'employmentStatus', values: ['employed', 'flexible'], text: '目前已就业（含灵活就业）' },
    ],
  },
  examples: [
    {
      name: '在江苏打工的脱贫人口符合',
      asOf: '2026-06-01',
      facts: aResident({
        hukouType: 'rural',
        keyGroups: ['povertyAlleviated'],
        worksOutsideProvince: true,
        residenceRegion: '320102',
      }),
      expect: 'eligible',
    },
    {
      name: '在省内务工的不符合本项',
      asOf: '2026-06-01',
      facts: aResident({ keyGroups: ['povertyAlleviated'] }),
      expect: 'ineligible',
    },
    {
      name: '不知道务工地点时待确定',
      asOf: '2026-06-01',
      facts: without(aResident({ keyGroups: ['povertyAlleviated'] }), 'worksOutsideProvince'),
      expect: 'undetermined',
      missing: ['worksOutsideProvince'],
    },
  ],
}
