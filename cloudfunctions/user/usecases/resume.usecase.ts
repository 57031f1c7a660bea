/**
 * resume / updateResume: 我的简历, built from the job-seeking profile, the register's education and the
 * lifelong training record; the person's edits (summary, skill and duty wording, hidden sections) are kept
 * apart in users.resume so that a later profile change still shows through where nothing was edited.
 * Name and phone are masked: the full number reaches staff only through an audited reveal after consent.
 */
import type { InputOf } from '../../../shared/actions/define'
import type { userActions } from '../../../shared/actions/user'
import { EDUCATION_LABELS } from '../../../shared/domain/person'
import { maskName, maskPhone } from '../../../shared/mask'
import { occupationName } from '../../../shared/occupations/occupations'
import type { PhraseSet } from '../../../shared/user/phrases'
import { PROFILE_JOB_TYPE_LABELS, type JobSeekingProfile, type WorkHistoryItem } from '../../../shared/user/profile'
import { toIsoCst } from '../../../shared/calendar/chinaTime'
import { requireCaller, type ActionContext } from '../../_core/function'
import type { UserDoc } from '../../_core/users.repository'
import { findPersonById } from '../repositories/person.repository'
import { regionNames } from '../repositories/reference.repository'
import { certificatesOf } from '../repositories/training.repository'
import { findUser, saveResumeEdits } from '../repositories/user.repository'
import { resumeWriter } from './resumeWriter'

type Section = 'summary' | 'education' | 'skills' | 'certificates' | 'workHistory' | 'desired'

export interface ResumeEdits {
  summary?: string | null
  skills?: string[] | null
  workHistory?: WorkHistoryItem[] | null
  hidden?: Section[]
  updatedAt?: string
}

export interface Resume {
  name: string
  phone: string
  summary: string
  education: { level: string | null; label: string | null; graduationYear: number | null }
  skills: string[]
  certificates: { name: string; source: 'training' | 'self'; at: string | null }[]
  workHistory: WorkHistoryItem[]
  desired: {
    occupations: { code: string; name: string }[]
    cities: { code: string; name: string }[]
    salaryMin: number | null
    salaryMax: number | null
    jobTypes: { code: string; label: string }[]
  }
  hidden: Section[]
}

export interface ResumeView {
  resume: Resume
  updatedAt: string
  /** Which parts the person wrote themselves (the rest follows the profile). */
  edited: { summary: boolean; skills: boolean; workHistory: boolean }
  suggestions: PhraseSet[]
  writer: string
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [])

export async function buildResume(user: UserDoc): Promise<ResumeView> {
  const profile = (user.profile ?? {}) as JobSeekingProfile
  const edits = ((user as UserDoc & { resume?: ResumeEdits }).resume ?? {}) as ResumeEdits
  const [person, training] = await Promise.all([user.personId ? findPersonById(user.personId) : null, certificatesOf(user._id)])
  const occupations = strings(profile.desiredOccupations)
  const cities = strings(profile.desiredCities)
  const names = await regionNames(cities)
  const profileSkills = [...new Set([...strings(profile.skills), ...strings(person?.skills)])]
  const education = profile.education ?? person?.education ?? null
  const occNames = occupations.map(occupationName)
  const autoSummary = [
    occNames.length ? `求职意向：${occNames.join('、')}。` : '',
    profileSkills.length ? `掌握${profileSkills.slice(0, 3).join('、')}。` : '',
    training.length ? `已完成${training[0].title}等${training.length}项职业培训。` : '',
  ].join('') || '请填写自我介绍'
  const writer = resumeWriter()
  const skills = edits.skills ?? profileSkills
  const resume: Resume = {
    name: maskName(person?.name ?? profile.nickname ?? ''),
    phone: maskPhone(person?.phone ?? ''),
    summary: edits.summary ?? profile.intro ?? autoSummary,
    education: {
      level: education,
      label: education ? (EDUCATION_LABELS as Record<string, string>)[education] ?? education : null,
      graduationYear: person?.graduationYear ?? null,
    },
    skills,
    certificates: [
      ...training.map((t) => ({ name: `${t.occupationName}${t.level ? `（${t.level}）` : ''}${t.certificateType ? ` ${t.certificateType}` : ''}`, source: 'training' as const, at: t.completedAt })),
      ...strings(profile.certificates).map((name) => ({ name, source: 'self' as const, at: null })),
    ],
    workHistory: edits.workHistory ?? profile.workHistory ?? [],
    desired: {
      occupations: occupations.map((code, i) => ({ code, name: occNames[i] })),
      cities: cities.map((code) => ({ code, name: names.get(code) ?? code })),
      salaryMin: profile.expectedSalaryMin ?? null,
      salaryMax: profile.expectedSalaryMax ?? null,
      jobTypes: (profile.jobTypes ?? []).map((code) => ({ code, label: PROFILE_JOB_TYPE_LABELS[code] ?? code })),
    },
    hidden: edits.hidden ?? [],
  }
  return {
    resume,
    updatedAt: edits.updatedAt ?? user.updatedAt,
    edited: { summary: edits.summary != null, skills: edits.skills != null, workHistory: edits.workHistory != null },
    suggestions: await writer.suggest({ occupationCodes: occupations, skills }),
    writer: writer.name,
  }
}

export async function getResume(ctx: ActionContext): Promise<ResumeView> {
  return buildResume(requireCaller(ctx).user)
}

/** A field sent as null goes back to following the profile; a field left out stays as it was. */
export async function updateResume(input: InputOf<typeof userActions, 'updateResume'>, ctx: ActionContext): Promise<ResumeView> {
  const caller = requireCaller(ctx)
  const at = toIsoCst(ctx.now())
  const current = ((caller.user as UserDoc & { resume?: ResumeEdits }).resume ?? {}) as ResumeEdits
  const next: Record<string, unknown> = { ...current, updatedAt: at }
  for (const [k, v] of Object.entries(input)) {
    if (v === null) delete next[k]
    else if (v !== undefined) next[k] = v
  }
  await saveResumeEdits(caller.openid, next, at)
  const fresh = await findUser(caller.openid)
  return buildResume(fresh ?? { ...caller.user, resume: next } as UserDoc)
}
