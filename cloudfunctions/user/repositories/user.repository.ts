/** Users as the user function changes them (the shared reads/creation live in _core/users.repository). */
import { db } from '../../_core/app'
import { findUser, getOrCreateUser, updateUser, type UserDoc } from '../../_core/users.repository'

export { findUser, getOrCreateUser, updateUser, type UserDoc }

/** Replaces the profile object as a whole (no dot-path merge surprises). */
export async function saveProfile(openid: string, profile: Record<string, unknown>, at: string): Promise<void> {
  const _ = db().command
  await db()
    .collection('users')
    .doc(openid)
    .update({ profile: _.set(profile), updatedAt: at })
}

/** Sets personId only while the user has none: one person per openid, even under concurrent binds. */
export async function claimPersonForUser(openid: string, personId: string, at: string): Promise<boolean> {
  const res = await db().collection('users').where({ _id: openid, personId: null }).update({ personId, updatedAt: at })
  return !!res.updated
}

export async function setPersonId(openid: string, personId: string | null, at: string): Promise<void> {
  await db().collection('users').doc(openid).update({ personId, updatedAt: at })
}

/** Replaces the résumé edits object as a whole. */
export async function saveResumeEdits(openid: string, resume: Record<string, unknown>, at: string): Promise<void> {
  const _ = db().command
  await db()
    .collection('users')
    .doc(openid)
    .update({ resume: _.set(resume), updatedAt: at })
}
