/**
 * 我的简历 composed from what is known about the person: the job-seeking profile, their own edits, the
 * register's education and the training record. Pure: the user function (user.resume) and the job function
 * (the snapshot attached to an application) read the data and both call this.
 */
import { EDUCATION_LABELS } from '../domain/person'
import { maskName, maskPhone } from '../mask'
import { occupationName } from '../occupations/occupations'
import { PROFILE_JOB_TYPE_LABELS, type JobSeekingProfile, type WorkHistoryItem } from './profile'
import type { Resume, ResumeSection, TrainingCertificate } from './views'

export interface ResumeEdits {
  summary?: string | null
  skills?: string[] | null
  workHistory?: WorkHistoryItem[] | null
  hidden?: ResumeSection[]
  updatedAt?: string
}

export interface ResumeSources {
  profile: JobSeekingProfile
  edits: ResumeEdits
  person: {
    name?: string
    phone?: string
    education?: string
    graduationYear?: number | null
    skills?: string[]
  } | null
  training: TrainingCertificate[]
  /** Names of the desired region codes. */
  regionNames: Map<string, string>
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [])

/** The skills the profile and the register know, without the person's own rewording. */
export const profileSkills = (s: Pick<ResumeSources, 'profile' | 'person'>): string[] => [
  ...new Set([...strings(s.profile.skills), ...strings(s.person?.skills)]),
]

export function composeResume(s: ResumeSources): Resume {
  const { profile, edits, person, training } = s
  const occupations = strings(profile.desiredOccupations)
  const occNames = occupations.map(occupationName)
  const known = profileSkills(s)
  const education = profile.education ?? person?.education ?? null
  const autoSummary =
    [
      occNames.length ? `求职意向：${occNames.join('、')}。` : '',
      known.length ? `掌握${known.slice(0, 3).join('、')}。` : '',
      training.length ? `已完成${training[0].title}等${training.length}项职业培训。` : '',
    ].join('') || '请填写自我介绍'
  return {
    name: maskName(person?.name ?? profile.nickname ?? ''),
    phone: maskPhone(person?.phone ?? ''),
    summary: edits.summary ?? profile.intro ?? autoSummary,
    education: {
      level: education,
      label: education ? ((EDUCATION_LABELS as Record<string, string>)[education] ?? education) : null,
      graduationYear: person?.graduationYear ?? null,
    },
    skills: edits.skills ?? known,
    certificates: [
      ...training.map((t) => ({
        name: `${t.occupationName}${t.level ? `（${t.level}）` : ''}${t.certificateType ? ` ${t.certificateType}` : ''}`,
        source: 'training' as const,
        at: t.completedAt,
      })),
      ...strings(profile.certificates).map((name) => ({ name, source: 'self' as const, at: null })),
    ],
    workHistory: edits.workHistory ?? profile.workHistory ?? [],
    desired: {
      occupations: occupations.map((code, i) => ({ code, name: occNames[i] })),
      cities: strings(profile.desiredCities).map((code) => ({ code, name: s.regionNames.get(code) ?? code })),
      salaryMin: profile.expectedSalaryMin ?? null,
      salaryMax: profile.expectedSalaryMax ?? null,
      jobTypes: (profile.jobTypes ?? []).map((code) => ({ code, label: PROFILE_JOB_TYPE_LABELS[code] ?? code })),
    },
    hidden: edits.hidden ?? [],
  }
}

/** What an employer sees: the hidden sections emptied (name and phone stay masked). */
export function shownResume(r: Resume): Resume {
  const hide = new Set(r.hidden)
  return {
    ...r,
    summary: hide.has('summary') ? '' : r.summary,
    education: hide.has('education') ? { level: null, label: null, graduationYear: null } : r.education,
    skills: hide.has('skills') ? [] : r.skills,
    certificates: hide.has('certificates') ? [] : r.certificates,
    workHistory: hide.has('workHistory') ? [] : r.workHistory,
    desired: hide.has('desired')
      ? { occupations: [], cities: [], salaryMin: null, salaryMax: null, jobTypes: [] }
      : r.desired,
  }
}

/** The résumé as lines of text, hidden sections left out: 我的简历's poster and printable page, the staff's application view. */
export function resumeLines(r: Resume): string[] {
  const hide = new Set(r.hidden)
  const out = [`${r.name}  ${r.phone}`]
  if (!hide.has('desired') && r.desired.occupations.length)
    out.push(
      `求职意向：${r.desired.occupations.map((o) => o.name).join('、')}${r.desired.cities.length ? ` · ${r.desired.cities.map((c) => c.name).join('、')}` : ''}${r.desired.salaryMin ? ` · ${r.desired.salaryMin}元起` : ''}`,
    )
  if (!hide.has('summary') && r.summary) out.push(`自我评价：${r.summary}`)
  if (!hide.has('education') && r.education.label)
    out.push(`学历：${r.education.label}${r.education.graduationYear ? `（${r.education.graduationYear}年毕业）` : ''}`)
  if (!hide.has('skills') && r.skills.length) out.push(`技能：${r.skills.join('、')}`)
  if (!hide.has('certificates') && r.certificates.length)
    out.push(`证书：${r.certificates.map((c) => c.name).join('、')}`)
  if (!hide.has('workHistory'))
    for (const w of r.workHistory)
      out.push(`${w.from}—${w.to ?? '至今'} ${w.employer} ${w.role}${w.duties ? `：${w.duties}` : ''}`)
  return out
}
