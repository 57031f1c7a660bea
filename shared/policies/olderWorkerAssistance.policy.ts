import type { PolicyDocument } from './types'
import { aResident, livesInShandong, registeredUnemployed, TO_VERIFY, without } from './common'

export const olderWorkerAssistance: PolicyDocument = {
  id: 'older-worker-assistance',
  version: 1,
  title: '大龄失业人员（“4050”人员）就业援助',
  category: 'employment',
  level: 'provincial',
  summary: '女性满40周岁、男性满50周岁的登记失业人员，可申请认定为就业困难人员，享受一对一就业援助。',
  audience: '女性40周岁以上、男性50周岁以上、未到法定退休年龄的登记失业人员',
  effectiveFrom: '2019-01-01',
  effectiveTo: null,
  applicationWindow: null,
  amounts: [{ text: '认定后可享受公益性岗位安置、社会保险补贴、免费职业指导和培训等援助' }],
  materials: ['身份证', '失业登记证明'],
  howToApply: ['向常住地街道（乡镇）便民服务中心申请就业困难人员认定', '认定后由就业援助员提供一对一帮扶'],
  handledBy: '街道（乡镇）公共就业服务机构',
  sources: [
    { title: '山东省就业困难人员认定办法', issuer: '山东省人力资源和社会保障厅', docNumber: null, note: TO_VERIFY },
  ],
  rule: {
    op: 'all',
    of: [
      livesInShandong,
      {
        op: 'any',
        code: 'age4050',
        text: '女性满40周岁或男性满50周岁，且未到退休年龄',
        of: [
          {
            op: 'all',
            code: 'female40',
            text: '女性40至54周岁',
            of: [
              { op: 'in', fact: 'sex', values: ['female'] },
              { op: 'age', min: 40, max: 54 },
            ],
          },
          {
            op: 'all',
            code: 'male50',
            text: '男性50至59周岁',
            of: [
              { op: 'in', fact: 'sex', values: ['male'] },
              { op: 'age', min: 50, max: 59 },
            ],
          },
        ],
      },
      registeredUnemployed,
    ],
  },
  examples: [
    {
      name: '45岁登记失业的女性符合',
      asOf: '2026-06-01',
      facts: aResident({
        sex: 'female',
        birthDate: '1981-01-15',
        employmentStatus: 'unemployed',
        registeredUnemployed: true,
        registeredUnemployedSince: '2026-01-01',
      }),
      expect: 'eligible',
    },
    {
      name: '45岁的男性不符合',
      asOf: '2026-06-01',
      facts: aResident({
        sex: 'male',
        birthDate: '1981-01-15',
        employmentStatus: 'unemployed',
        registeredUnemployed: true,
        registeredUnemployedSince: '2026-01-01',
      }),
      expect: 'ineligible',
    },
    {
      name: '39岁的女性：满40周岁后可申请',
      asOf: '2026-06-01',
      facts: aResident({
        sex: 'female',
        birthDate: '1986-09-20',
        employmentStatus: 'unemployed',
        registeredUnemployed: true,
        registeredUnemployedSince: '2026-01-01',
      }),
      expect: 'ineligible',
      eligibleFrom: '2026-09-20',
    },
    {
      name: '不知道性别时待确定',
      asOf: '2026-06-01',
      facts: without(
        aResident({ birthDate: '1972-01-01', registeredUnemployed: true, registeredUnemployedSince: '2026-01-01' }),
        'sex',
      ),
      expect: 'undetermined',
      missing: ['sex'],
    },
  ],
}
