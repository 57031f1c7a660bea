/**
 * Departments (`departments`) that handle feedback: each district's and city's human resources and social
 * security bureau (人力资源和社会保障局) and the provincial department (厅), with the regions and feedback
 * categories they handle. Complaint routing picks the department of the item's region (district first, then
 * city, then province); escalation goes to `parent`.
 */
import { CITIES, PROVINCE } from './divisions'

export const FEEDBACK_CATEGORIES = ['consultation', 'complaint', 'suggestion', 'praise'] as const

export interface DepartmentDoc extends Record<string, unknown> {
  _id: string
  name: string
  level: 'province' | 'city' | 'district'
  regionCodes: string[]
  categories: string[]
  parent: string | null
  cityCode: string | null
}

export const departmentIdOf = (regionCode: string): string => `dept_${regionCode}`

export function buildDepartments(): DepartmentDoc[] {
  const all = [...FEEDBACK_CATEGORIES]
  const docs: DepartmentDoc[] = [
    {
      _id: departmentIdOf(PROVINCE.code),
      name: `${PROVINCE.name}人力资源和社会保障厅`,
      level: 'province',
      regionCodes: [PROVINCE.code],
      categories: [...all],
      parent: null,
      cityCode: null,
    },
  ]
  for (const c of CITIES) {
    docs.push({
      _id: departmentIdOf(c.code),
      name: `${c.name}人力资源和社会保障局`,
      level: 'city',
      regionCodes: [c.code],
      categories: [...all],
      parent: departmentIdOf(PROVINCE.code),
      cityCode: c.code,
    })
    for (const d of c.districts) {
      const name = d.kind === 'county' ? `${c.name}${d.name}人力资源和社会保障局` : `${d.name}人力资源和社会保障部门`
      docs.push({
        _id: departmentIdOf(d.code),
        name,
        level: 'district',
        regionCodes: [d.code],
        categories: [...all],
        parent: departmentIdOf(c.code),
        cityCode: c.code,
      })
    }
  }
  return docs
}
