import type { PolicyDocument } from './types'
import { aResident, livesInShandong, registeredUnemployed, SOURCE_164, without, workingAge } from './common'

export const publicWelfareJob: PolicyDocument = {
  id: 'public-welfare-job',
  version: 1,
  title: '公益性岗位安置',
  category: 'employment',
  level: 'national',
  summary: '通过市场渠道难以就业的就业困难人员和零就业家庭成员，可由政府开发的公益性岗位兜底安置。',
  audience: '已办理失业登记的就业困难人员、零就业家庭成员',
  effectiveFrom: '2017-10-13',
  effectiveTo: null,
  applicationWindow: null,
  amounts: [{ text: '按岗位发放工资，并按规定给予岗位补贴和社会保险补贴（补贴期限一般不超过3年）' }],
  materials: ['身份证', '失业登记证明', '就业困难人员认定证明或零就业家庭证明'],
  howToApply: ['向户籍地或常住地街道（乡镇）便民服务中心或社区（村）提出申请', '人社部门根据岗位空缺组织推荐上岗'],
  handledBy: '街道（乡镇）公共就业服务机构',
  sources: [SOURCE_164],
  rule: {
    op: 'all',
    of: [
      livesInShandong,
      workingAge,
      { op: 'keyGroup', groups: ['employmentDifficulty', 'zeroEmploymentFamily'] },
      registeredUnemployed,
    ],
  },
  examples: [
    {
      name: '已失业登记的零就业家庭成员符合',
      asOf: '2026-06-01',
      facts: aResident({
        birthDate: '1976-04-01',
        keyGroups: ['zeroEmploymentFamily'],
        employmentStatus: 'unemployed',
        registeredUnemployed: true,
        registeredUnemployedSince: '2025-11-01',
      }),
      expect: 'eligible',
    },
    {
      name: '未办理失业登记：登记后可申请',
      asOf: '2026-06-01',
      facts: aResident({ keyGroups: ['employmentDifficulty'], employmentStatus: 'unemployed' }),
      expect: 'ineligible',
    },
    {
      name: '不知道是否办理失业登记时待确定',
      asOf: '2026-06-01',
      facts: without(aResident({ keyGroups: ['employmentDifficulty'] }), 'registeredUnemployed'),
      expect: 'undetermined',
      missing: ['registeredUnemployed'],
    },
  ],
}
