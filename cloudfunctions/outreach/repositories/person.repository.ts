/**
 * The `persons` register as the outreach module reads and updates it. The only place in the module that
 * reads a plain phone number (`readPhone`): issue 10's encryption at rest swaps in decryption here.
 */
import { revealPersonIdentifiers } from '../../_core/pii'
import type { Education, EmploymentStatus, KeyGroup } from '../../../shared/domain/person'
import { db } from '../../_core/app'

export interface PersonRecord {
  _id: string
  name: string
  idNumber: string
  phone: string
  sex?: 'male' | 'female'
  birthDate?: string
  residenceRegion?: string
  streetCode?: string
  gridCode: string
  education?: Education
  graduationYear?: number | null
  employmentStatus: EmploymentStatus
  employmentStatusSince?: string | null
  registeredUnemployed?: boolean
  registeredUnemployedSince?: string | null
  keyGroups?: KeyGroup[]
  createdAt?: string
}

const FIELDS = {
  _id: true,
  name: true,
  idNumber: true,
  phone: true,
  phoneEnc: true,
  sex: true,
  birthDate: true,
  residenceRegion: true,
  streetCode: true,
  gridCode: true,
  education: true,
  graduationYear: true,
  employmentStatus: true,
  employmentStatusSince: true,
  registeredUnemployed: true,
  registeredUnemployedSince: true,
  keyGroups: true,
  createdAt: true,
}

/** Upper bound on persons read for one list (a grid holds hundreds to a few thousand residents). */
export const MAX_PERSONS_PER_LIST = 20_000

/** Every person of the grids, read in _id order by ranges (never large skips). */
export async function personsInGrids(gridCodes: readonly string[]): Promise<PersonRecord[]> {
  if (gridCodes.length === 0) return []
  const _ = db().command
  const out: PersonRecord[] = []
  for (let g = 0; g < gridCodes.length; g += 100) {
    const codes = gridCodes.slice(g, g + 100)
    let last: string | null = null
    for (;;) {
      const where: Record<string, unknown> = { gridCode: _.in(codes) }
      if (last !== null) where._id = _.gt(last)
      const res = await db().collection('persons').where(where).field(FIELDS).orderBy('_id', 'asc').limit(1000).get()
      const page = (res.data ?? []) as PersonRecord[]
      out.push(...page)
      if (page.length < 1000 || out.length >= MAX_PERSONS_PER_LIST) break
      last = page[page.length - 1]._id
    }
    if (out.length >= MAX_PERSONS_PER_LIST) break
  }
  return out
}

export async function findPerson(personId: string): Promise<PersonRecord | null> {
  const res = await db().collection('persons').doc(personId).field(FIELDS).get()
  return ((res.data ?? []) as PersonRecord[])[0] ?? null
}

/** The person's phone number in full, for revealContact only. */
export function readPhone(p: PersonRecord): string {
  return revealPersonIdentifiers(p as unknown as Record<string, unknown>).phone ?? ''
}

export async function updateEmploymentStatus(
  personId: string,
  status: EmploymentStatus,
  since: string,
  nowIso: string,
): Promise<void> {
  await db()
    .collection('persons')
    .doc(personId)
    .update({ employmentStatus: status, employmentStatusSince: since, updatedAt: nowIso })
}
