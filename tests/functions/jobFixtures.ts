/** Factories for job tests: a posting as staff would enter it, overridable field by field. */
let n = 0
export const STAFF = 'o_demo_handler'

export function aPosting(over: Record<string, unknown> = {}): Record<string, unknown> {
  n += 1
  return {
    action: 'post',
    title: '电焊工',
    occupationCode: '6-18-02-04',
    employerName: '蓝鲸测试机械有限公司',
    description: '负责钢结构焊接',
    districtCode: '370102',
    address: '济南市历下区测试路1号',
    lat: 36.67,
    lng: 117.07,
    salaryMin: 6000,
    salaryMax: 8000,
    salaryUnit: 'month',
    jobType: 'fullTime',
    skills: ['识图'],
    headcount: 2,
    contactName: '王经理',
    contactPhone: '13912345678',
    requestId: `fixture-${Date.now().toString(36)}-${n}`,
    ...over,
  }
}
