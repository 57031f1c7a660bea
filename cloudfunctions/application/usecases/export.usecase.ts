/** export: a queue as a CSV file in storage (applicant names masked, no identifiers), audited. */
import type { InputOf } from '../../../shared/actions/define'
import type { applicationActions } from '../../../shared/actions/application'
import { APPLICATION_STATUS_LABELS } from '../../../shared/application/status'
import { maskName } from '../../../shared/mask'
import { audit } from '../../_core/audit'
import { workingCalendar } from '../../_core/workingCalendar'
import { type ActionContext, requireCaller } from '../../_core/function'
import { queuePage } from '../repositories/application.repository'
import { uploadCsv } from '../repositories/exportFile.repository'
import { findRegisterPerson } from '../repositories/register.repository'
import { queueQueryOf } from '../helpers/queueQuery'
import { QUEUE_VIEW_LABELS } from '../../../shared/application/status'

const MAX_ROWS = 5000
const cell = (v: unknown) => {
  const s = v === null || v === undefined ? '' : String(v)
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s
  return /[",\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

export async function exportQueue(input: InputOf<typeof applicationActions, 'export'>, ctx: ActionContext) {
  const caller = requireCaller(ctx)
  const nowMs = ctx.now().getTime()
  const q = queueQueryOf(input, caller, nowMs, await workingCalendar())
  const lines = [
    [
      '受理编号',
      '办理事项',
      '地区代码',
      '申请人',
      '状态',
      '提交时间',
      '办结期限',
      '经办人',
      '审核结果',
      '按时办结',
    ].join(','),
  ]
  let after: { ms: number; id: string } | null = null
  let rows = 0
  while (rows < MAX_ROWS) {
    const page = await queuePage(q, after, 200)
    for (const d of page) {
      const person = await findRegisterPerson(d.personId)
      lines.push(
        [
          d.trackingNo,
          d.title,
          d.regionCode,
          person?.name ? maskName(String(person.name)) : '',
          APPLICATION_STATUS_LABELS[d.status],
          d.submittedAt,
          d.dueAt,
          d.reviewerOpenid ?? '',
          d.decision ? (d.decision.outcome === 'approved' ? '通过' : '不通过') : '',
          d.decision ? (d.decision.onTime ? '是' : '否') : '',
        ]
          .map(cell)
          .join(','),
      )
      rows++
    }
    if (page.length < 200) break
    const last = page[page.length - 1]
    after = { ms: (q.order === 'due' ? last.dueAtMs : last.decidedAtMs) ?? 0, id: last._id }
  }
  const fileID = await uploadCsv(
    `exports/applications/${caller.user.departmentId ?? 'all'}/${input.view}-${nowMs}.csv`,
    lines.join('\n') + '\n',
  )
  await audit(ctx, {
    event: 'application.export',
    targetType: 'applicationQueue',
    targetId: input.view,
    outcome: 'ok',
    detail: {
      rows,
      view: QUEUE_VIEW_LABELS[input.view],
      kind: input.kind ?? null,
      regionCode: input.regionCode ?? null,
    },
  })
  return { fileID, rows }
}
