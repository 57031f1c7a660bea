import type { PolicyDocument } from './types'
import { aResident, without } from './common'

export const disabledStartupSupport: PolicyDocument = {
  id: 'disabled-startup-support',
  version: 1,
  title: '残疾人自主创业扶持',
  category: 'entrepreneurship',
  level: 'national',
  summary: '残疾人自主创业或从事个体经营的，可享受税费减免、场地和资金扶持。',
  audience: '持有残疾人证、自主创业或从事个体经营的残疾人',
  effectiveFrom: '2007-05-01',
  effectiveTo: null,
  applicationWindow: null,
  amounts: [{ text: '按规定减免税费，并可获得经营场地、贷款贴息等扶持（以当地残联和人社部门公布为准）' }],
  materials: ['身份证', '残疾人证', '营业执照'],
  howToApply: ['向户籍地县级残疾人联合会或残疾人就业服务机构申请', '税费减免向主管税务机关申请'],
  handledBy: '县（市、区）残疾人联合会',
  sources: [{ title: '残疾人就业条例', issuer: '国务院', docNumber: '国务院令第488号' }],
  rule: {
    op: 'all',
    of: [
      { op: 'keyGroup', groups: ['disabled'] },
      {
        op: 'any',
        code: 'selfEmployed',
        text: '自主创业或从事个体经营',
        of: [
          { op: 'in', fact: 'employmentStatus', values: ['selfEmployed'], text: '目前自主创业' },
          {
            op: 'monthsSince',
            fact: 'businessRegisteredAt',
            min: 0,
            text: '已领取营业执照',
            hint: '办理营业执照后可申请',
          },
        ],
      },
    ],
  },
  examples: [
    {
      name: '开网店的残疾人符合',
      asOf: '2026-06-01',
      facts: aResident({ keyGroups: ['disabled'], employmentStatus: 'selfEmployed' }),
      expect: 'eligible',
    },
    {
      name: '未创业的残疾人：办理营业执照后可申请',
      asOf: '2026-06-01',
      facts: aResident({ keyGroups: ['disabled'] }),
      expect: 'ineligible',
    },
    {
      name: '不知道人员类别时待确定',
      asOf: '2026-06-01',
      facts: without(aResident({ employmentStatus: 'selfEmployed' }), 'keyGroups'),
      expect: 'undetermined',
      missing: ['keyGroups'],
    },
  ],
}
