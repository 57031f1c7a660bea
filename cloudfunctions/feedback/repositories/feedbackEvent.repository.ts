/** `feedback_events`: the timeline of an item, one document per step (_id = feedbackId:version). */
import { db } from '../../_core/app'
import { insertOnce } from '../../_core/insertOnce'

export type FeedbackEventType =
  | 'submit'
  | 'pass'
  | 'reject'
  | 'accept'
  | 'assign'
  | 'reply'
  | 'resolve'
  | 'rate'
  | 'close'
  | 'reopen'
  | 'escalate'
  | 'extendRequest'
  | 'extendApprove'
  | 'extendReject'

export interface FeedbackEventDoc {
  _id: string
  feedbackId: string
  seq: number
  type: FeedbackEventType
  fromStatus: string | null
  toStatus: string
  /** Who acted, as a role (resident/handler/admin/system) and a department name: never a personal name. */
  actorRole: 'resident' | 'handler' | 'admin' | 'system'
  /** Internal only (audit); never returned. */
  actorOpenid: string | null
  departmentId: string | null
  departmentName: string | null
  /** Public text of the step (reply content, reason) or null. */
  note: string | null
  /** Whether the resident sees this step (internal steps such as extension requests are staff-only). */
  public: boolean
  at: string
  atMs: number
}

const col = () => db().collection('feedback_events')

export async function addEvent(ev: FeedbackEventDoc): Promise<void> {
  await insertOnce('feedback_events', ev)
}

export async function listEvents(feedbackId: string): Promise<FeedbackEventDoc[]> {
  const res = await col().where({ feedbackId }).orderBy('seq', 'asc').limit(200).get()
  return res.data as FeedbackEventDoc[]
}
