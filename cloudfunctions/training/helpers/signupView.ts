/** A signup as its holder sees it (status and waitlist position): the answer of signup, get and mySignups. */
import type { SignupResult } from '../../../shared/training/views'
import { waitlistPosition, type SignupDoc } from '../repositories/signup.repository'

export async function signupResult(s: SignupDoc): Promise<SignupResult> {
  const status =
    s.status === 'waitlisted' || s.status === 'attended' || s.status === 'completed' ? s.status : 'confirmed'
  return {
    signupId: s._id,
    courseId: s.courseId,
    status,
    waitlistPosition: s.status === 'waitlisted' ? await waitlistPosition(s) : null,
  }
}
