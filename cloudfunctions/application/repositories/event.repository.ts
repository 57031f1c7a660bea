/** `service_application_events`: the timeline of a case, one document per step (public or staff-only). */
import { db } from '../../_core/app'

export interface ApplicationEventDoc {
  _id?: string
  applicationId: string
  step: string
  fromStatus: string | null
  toStatus: string
  actor: string | null
  actorRole: 'applicant' | 'onBehalf' | 'staff' | 'system'
  /** Shown to the resident (notes and internal remarks are not). */
  public: boolean
  note: string | null
  detail?: Record<string, unknown> | null
  at: string
  atMs: number
}

export async function addEvent(e: ApplicationEventDoc): Promise<void> {
  await db().collection('service_application_events').add(e)
}

export async function eventsOf(applicationId: string, includePrivate: boolean): Promise<ApplicationEventDoc[]> {
  const where: Record<string, unknown> = { applicationId }
  if (!includePrivate) where.public = true
  const res = await db()
    .collection('service_application_events')
    .where(where)
    .orderBy('atMs', 'asc')
    .orderBy('_id', 'asc')
    .limit(200)
    .get()
  return (res.data as ApplicationEventDoc[]) ?? []
}
