/** A posting's detail (contact masked). Closed or expired postings still open (active: false) for old links. */
import { AppError } from '../../../shared/errors'
import type { ActionContext } from '../../_core/function'
import { findJob } from '../repositories/job.repository'
import { decorateForCaller } from '../helpers/callerMarks'
import { toDetail, type JobDetail } from '../helpers/jobView'

export async function getJob(input: { id: string }, ctx: ActionContext): Promise<JobDetail> {
  const doc = await findJob(input.id)
  if (!doc) throw new AppError('NOT_FOUND', '岗位不存在或已删除')
  const detail = toDetail(doc, ctx.now().getTime())
  await decorateForCaller([detail], ctx)
  return detail
}
