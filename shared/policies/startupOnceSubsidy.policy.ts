import type { PolicyDocument } from './types'
import { aResident, hasBusiness, livesInShandong, TO_VERIFY, without } from './common'

export const startupOnceSubsidy: PolicyDocument = {
  id: 'startup-once-subsidy',
  version: 1,
  title: '一次性创业补贴',
  category: 'entrepreneurship',
  level: 'provincial',
  summary: '重点人员首次创办小微企业或个体工商户，正常经营满1年的，可一次性领取创业补贴。',
  audience: '毕业5年内高校毕业生、登记失业人员、就业困难人员、返乡入乡人员、退役军人、脱贫人口、残疾人等首次创业者',
  effectiveFrom: '2019-01-01',
  effectiveTo: null,
  applicationWindow: null,
  amounts: [{ text: '一次性补贴，山东省标准不低于1.2万元（以当地公布标准为准）', maxYuan: 12000 }],
  materials: ['身份证', '营业执照', '经营场所证明', '带动就业人员社会保险缴费证明', '本人社会保障卡（银行账户）'],
  howToApply: [
    '登录“爱山东”或当地人社部门网上服务平台，搜索“一次性创业补贴”在线申请',
    '也可到经营所在地街道（乡镇）便民服务中心窗口申请',
    '人社部门审核公示后，补贴发放到本人社会保障卡',
  ],
  handledBy: '经营所在地县（市、区）人力资源社会保障部门',
  sources: [
    {
      title: '山东省关于一次性创业补贴的实施规定（省人力资源社会保障厅、省财政厅）',
      issuer: '山东省人力资源和社会保障厅 山东省财政厅',
      docNumber: null,
      note: TO_VERIFY,
    },
  ],
  rule: {
    op: 'all',
    of: [
      livesInShandong,
      {
        op: 'keyGroup',
        code: 'keyGroup',
        groups: [
          'recentGraduate',
          'registeredUnemployed',
          'employmentDifficulty',
          'returnedMigrant',
          'veteran',
          'povertyAlleviated',
          'disabled',
        ],
      },
      hasBusiness,
      {
        op: 'monthsSince',
        fact: 'businessRegisteredAt',
        min: 12,
        lessThan: 36,
        code: 'operatingOneYear',
        text: '领取营业执照满1年（正常经营1年以上），且在3年内申请',
      },
    ],
  },
  examples: [
    {
      name: '返乡创业满15个月的农民工符合',
      asOf: '2026-06-01',
      facts: aResident({
        keyGroups: ['returnedMigrant'],
        businessRegisteredAt: '2025-03-01',
        employmentStatus: 'selfEmployed',
      }),
      expect: 'eligible',
    },
    {
      name: '开业刚4个月的高校毕业生：满1年后可申请',
      asOf: '2026-06-01',
      facts: aResident({ keyGroups: ['recentGraduate'], businessRegisteredAt: '2026-01-10' }),
      expect: 'ineligible',
      eligibleFrom: '2027-01-10',
    },
    {
      name: '不属于重点人员的创业者不符合',
      asOf: '2026-06-01',
      facts: aResident({ businessRegisteredAt: '2024-05-01' }),
      expect: 'ineligible',
    },
    {
      name: '没有营业执照不符合',
      asOf: '2026-06-01',
      facts: aResident({ keyGroups: ['veteran'] }),
      expect: 'ineligible',
    },
    {
      name: '不知道人员类别时待确定',
      asOf: '2026-06-01',
      facts: without(aResident({ businessRegisteredAt: '2025-01-01' }), 'keyGroups'),
      expect: 'undetermined',
      missing: ['keyGroups'],
    },
  ],
}
