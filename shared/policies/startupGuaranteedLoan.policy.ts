import type { PolicyDocument } from './types'
import { aResident, hasBusiness, livesInShandong, workingAge, without } from './common'

export const startupGuaranteedLoan: PolicyDocument = {
  id: 'startup-guaranteed-loan',
  version: 1,
  title: '创业担保贷款及贴息',
  category: 'entrepreneurship',
  level: 'national',
  summary: '重点人员自主创业，可申请由政府性融资担保机构担保的创业贷款，财政按规定给予贴息。',
  audience: '城镇登记失业人员、就业困难人员、退役军人、高校毕业生、返乡创业农民工、脱贫人口、残疾人等自主创业者',
  effectiveFrom: '2020-04-01',
  effectiveTo: null,
  applicationWindow: null,
  amounts: [
    { text: '个人创业担保贷款最高20万元（各地可适当提高，以经办银行核定为准）', maxYuan: 200000 },
    { text: '贷款期限最长3年，财政按规定给予贴息' },
  ],
  materials: [
    '身份证',
    '营业执照',
    '创业项目说明或经营计划',
    '重点人员身份证明（如失业登记、毕业证、退役证等）',
    '担保机构要求的其他材料',
  ],
  howToApply: [
    '向经营所在地人社部门或创业担保贷款经办银行提出申请',
    '人社部门审核资格，担保机构审核担保，银行审批放款',
    '按期还款，贴息由财政直接拨付经办银行',
  ],
  handledBy: '县（市、区）人力资源社会保障部门、政府性融资担保机构、经办银行',
  sources: [
    {
      title: '关于进一步加大创业担保贷款贴息力度全力支持重点群体创业就业的通知',
      issuer: '财政部 人力资源社会保障部 中国人民银行',
      docNumber: '财金〔2020〕21号',
    },
  ],
  rule: {
    op: 'all',
    of: [
      livesInShandong,
      workingAge,
      {
        op: 'any',
        code: 'targetGroup',
        text: '属于创业担保贷款扶持对象',
        of: [
          {
            op: 'keyGroup',
            groups: [
              'registeredUnemployed',
              'employmentDifficulty',
              'veteran',
              'recentGraduate',
              'returnedMigrant',
              'povertyAlleviated',
              'disabled',
            ],
          },
          { op: 'is', fact: 'registeredUnemployed' },
        ],
      },
      hasBusiness,
    ],
  },
  examples: [
    {
      name: '登记失业后开店的居民符合',
      asOf: '2026-06-01',
      facts: aResident({
        registeredUnemployed: true,
        registeredUnemployedSince: '2025-01-01',
        businessRegisteredAt: '2026-03-01',
        employmentStatus: 'selfEmployed',
      }),
      expect: 'eligible',
    },
    {
      name: '退役军人开办个体户符合',
      asOf: '2026-06-01',
      facts: aResident({ keyGroups: ['veteran'], businessRegisteredAt: '2020-08-01' }),
      expect: 'eligible',
    },
    {
      name: '超过60周岁不符合',
      asOf: '2026-06-01',
      facts: aResident({ birthDate: '1960-01-01', keyGroups: ['returnedMigrant'], businessRegisteredAt: '2025-01-01' }),
      expect: 'ineligible',
    },
    {
      name: '未满16周岁的创业者：年满16周岁后可申请',
      asOf: '2026-06-01',
      facts: aResident({
        birthDate: '2010-09-01',
        keyGroups: ['povertyAlleviated'],
        businessRegisteredAt: '2026-05-01',
      }),
      expect: 'ineligible',
      eligibleFrom: '2026-09-01',
    },
    {
      name: '不在山东居住不符合',
      asOf: '2026-06-01',
      facts: aResident({ residenceRegion: '110101', keyGroups: ['veteran'], businessRegisteredAt: '2025-01-01' }),
      expect: 'ineligible',
    },
    {
      name: '不知道是否有营业执照时待确定',
      asOf: '2026-06-01',
      facts: without(aResident({ keyGroups: ['disabled'] }), 'businessRegisteredAt'),
      expect: 'undetermined',
      missing: ['businessRegisteredAt'],
    },
  ],
}
