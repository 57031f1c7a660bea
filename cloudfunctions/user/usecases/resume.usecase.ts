/**
 * resume / updateResume: 我的简历, built from the job-seeking profile, the register's education and the
 * lifelong training record; the person's edits (summary, skill and duty wording, hidden sections) are kept
 * apart in users.resume so that a later profile change still shows through where nothing was edited.
 * Name and phone are masked: the full number reaches staff only through an audited reveal after consent.
 */
import type { InputOf } from '../../../shared/actions/define'
import type { userActions } from '../../../shared/actions/user'
import type { Resume, ResumeView } from '../../../shared/user/views'
import type { JobSeekingProfile } from '../../../shared/user/profile'
import { composeResume, type ResumeEdits } from '../../../shared/user/resume'
import { toIsoCst } from '../../../shared/calendar/chinaTime'
import { requireCaller, type ActionContext } from '../../_core/function'
import type { UserDoc } from '../../_core/users.repository'
import { findPersonById } from '../repositories/person.repository'
import { regionNames } from '../repositories/reference.repository'
import { certificatesOf } from '../../_core/trainingRecords.repository'
import { findUser, saveResumeEdits } from '../repositories/user.repository'
import { resumeWriter } from '../helpers/resumeWriter'

export type { Resume, ResumeView, ResumeEdits }

export async function buildResume(user: UserDoc): Promise<ResumeView> {
  const profile = (user.profile ?? {}) as JobSeekingProfile
  const edits = ((user as UserDoc & { resume?: ResumeEdits }).resume ?? {}) as ResumeEdits
  const [person, training] = await Promise.all([
    user.personId ? findPersonById(user.personId) : null,
    certificatesOf(user._id),
  ])
  const cities = Array.isArray(profile.desiredCities) ? profile.desiredCities : []
  const resume = composeResume({ profile, edits, person, training, regionNames: await regionNames(cities) })
  const writer = resumeWriter()
  return {
    resume,
    updatedAt: edits.updatedAt ?? user.updatedAt,
    edited: { summary: edits.summary != null, skills: edits.skills != null, workHistory: edits.workHistory != null },
    suggestions: await writer.suggest({
      occupationCodes: resume.desired.occupations.map((o) => o.code),
      skills: resume.skills,
    }),
    writer: writer.name,
  }
}

export async function getResume(ctx: ActionContext): Promise<ResumeView> {
  return buildResume(requireCaller(ctx).user)
}

/** A field sent as null goes back to following the profile; a field left out stays as it was. */
export async function updateResume(
  input: InputOf<typeof userActions, 'updateResume'>,
  ctx: ActionContext,
): Promise<ResumeView> {
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
  return buildResume(fresh ?? ({ ...caller.user, resume: next } as UserDoc))
}
