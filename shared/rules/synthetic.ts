/**
 * Synthetic facts for tests, the bench and the seed: plausible Shandong residents, with a share of facts
 * left unknown (undefined) or "none" (null) so that every branch of the engine is exercised.
 * Deterministic for a given random source.
 */
import type { KeyGroup } from '../domain/person'
import { EDUCATIONS, EMPLOYMENT_STATUSES, KEY_GROUPS } from './facts'
import type { Facts } from './types'
import { pick, type Random } from '../random'

const SHANDONG = [
  '370102',
  '370103',
  '370104',
  '370112',
  '370202',
  '370203',
  '370211',
  '370302',
  '370402',
  '370502',
  '370602',
  '370702',
  '370811',
  '370902',
  '371002',
  '371102',
  '371302',
  '371402',
  '371502',
  '371602',
  '371702',
]
const ELSEWHERE = ['110101', '320102', '410102', '130102']

const pad = (n: number) => String(n).padStart(2, '0')
function dateIn(r: Random, fromYear: number, toYear: number): string {
  const y = fromYear + Math.floor(r() * (toYear - fromYear + 1))
  const m = 1 + Math.floor(r() * 12)
  const d = 1 + Math.floor(r() * 31)
  const dd = Math.min(
    d,
    m === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31,
  )
  return `${y}-${pad(m)}-${pad(dd)}`
}

export interface SyntheticOptions {
  /** Share of facts left undefined (default 0.05). */
  missing?: number
  /** The year "now" is around (default 2026). */
  year?: number
}

export function syntheticFacts(r: Random, opts: SyntheticOptions = {}): Facts {
  const miss = opts.missing ?? 0.05
  const year = opts.year ?? 2026
  const known = () => r() >= miss
  const f: Facts = {}
  if (known()) f.birthDate = dateIn(r, year - 70, year - 14)
  if (known()) f.sex = r() < 0.5 ? 'male' : 'female'
  if (known()) f.hukouRegion = r() < 0.9 ? pick(r, SHANDONG) : pick(r, ELSEWHERE)
  if (known()) f.hukouType = r() < 0.45 ? 'rural' : 'urban'
  if (known()) f.residenceRegion = r() < 0.93 ? pick(r, SHANDONG) : pick(r, ELSEWHERE)
  if (known()) f.education = pick(r, EDUCATIONS)
  if (known()) f.graduationYear = r() < 0.35 ? year - Math.floor(r() * 8) + (r() < 0.05 ? 1 : 0) : null
  if (known()) f.employmentStatus = pick(r, EMPLOYMENT_STATUSES)
  if (known()) f.employmentStatusSince = dateIn(r, year - 6, year)
  const reg = r() < 0.25
  if (known()) f.registeredUnemployed = reg
  if (known()) f.registeredUnemployedSince = reg ? dateIn(r, year - 3, year) : null
  if (known()) {
    const gs: KeyGroup[] = []
    for (const g of KEY_GROUPS) if (r() < 0.12) gs.push(g)
    f.keyGroups = gs
  }
  if (known()) f.socialInsuranceMonths = Math.floor(r() * 240)
  if (known()) f.unemploymentInsuranceMonths = Math.floor(r() * 120)
  if (known()) f.involuntarilyUnemployed = r() < 0.3
  if (known()) f.businessRegisteredAt = r() < 0.2 ? dateIn(r, year - 6, year) : null
  if (known()) f.skillCertificateAt = r() < 0.2 ? dateIn(r, year - 3, year) : null
  if (known()) f.trainingCompletedAt = r() < 0.2 ? dateIn(r, year - 3, year) : null
  if (known()) f.lowIncomeFamily = r() < 0.08
  if (known()) f.worksOutsideProvince = r() < 0.15
  if (known()) f.employeesHired = r() < 0.8 ? 0 : Math.floor(r() * 12)
  return f
}
