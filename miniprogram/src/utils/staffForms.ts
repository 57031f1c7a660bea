/**
 * The staff workbench's forms (roles, blocks, data requests, the audit search) turned into action inputs, checked
 * with the actions' shared schemas (`schemaProblem`) so a page shows a Chinese message without a round trip;
 * only what the schemas cannot know (a handler needs a department, dates typed as YYYY-MM-DD) is checked here.
 */
import type { Role } from '@shared/actions/define'
import { privacyActions } from '@shared/actions/privacy'
import { userActions } from '@shared/actions/user'
import { cstMidnightMs, endOfCstDayMs, toIsoCst } from '@shared/calendar/chinaTime'
import type { ActionInput } from '@/services/cloud'
import type { AuditFilter } from '@/services/admin.service'
import { schemaProblem } from './schemaProblem'

/** Grid codes / department as typed: separated by commas, Chinese commas or blanks. */
export function splitCodes(value: string): string[] {
  return value
    .split(/[\s,，、]+/)
    .map((s) => s.trim())
    .filter(Boolean)
}

/** `YYYY-MM-DD` → the start (or end) of that day in China time, as the ISO instant the audit filter takes. */
export function dayBound(date: string, end: boolean): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date.trim())
  if (!m) return null
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]))
  if (d.getUTCMonth() !== +m[2] - 1 || d.getUTCDate() !== +m[3]) return null
  const day = `${m[1]}-${m[2]}-${m[3]}`
  return toIsoCst(end ? endOfCstDayMs(day) : cstMidnightMs(day))
}

/** Roles the user holds now that the form would take away (each needs the admin's confirmation). */
export function droppedRoles(current: readonly Role[], chosen: readonly Role[]): Role[] {
  return current.filter((r) => r !== 'resident' && !chosen.includes(r))
}

const OPENID = { openid: '用户 openid' }

export const openidProblem = (openid: string): string | null =>
  schemaProblem(userActions.actions.getRoles.input, { openid }, OPENID)

export interface RolesForm {
  openid: string
  roles: Role[]
  gridCodes: string
  departmentId: string
}
/** The roles form → `user.setRoles`'s input (resident always kept), or a message. */
export function rolesInputOf(f: RolesForm): { input: ActionInput<'user', 'setRoles'> } | { problem: string } {
  if (f.roles.length === 0) return { problem: '请至少选择一个角色' }
  const roles = Array.from(new Set<Role>(['resident', ...f.roles]))
  const grids = splitCodes(f.gridCodes)
  if (roles.includes('handler') && !f.departmentId.trim()) return { problem: '投诉处理人员需要填写所属部门编号' }
  // only the roles that use them carry grids and a department
  const input: ActionInput<'user', 'setRoles'> = {
    openid: f.openid.trim(),
    roles,
    ...(roles.includes('grid') ? { gridCodes: grids } : {}),
    departmentId: roles.includes('handler') ? f.departmentId.trim() : null,
  }
  const problem = schemaProblem(userActions.actions.setRoles.input, input, {
    ...OPENID,
    'gridCodes.*': '网格编码',
    gridCodes: { label: '网格', message: '网格最多50个' },
    departmentId: '部门编号',
  })
  return problem ? { problem } : { input }
}

export const blockProblem = (openid: string, reason: string): string | null =>
  schemaProblem(privacyActions.actions.block.input, { openid, reason }, { ...OPENID, reason: '限制原因' })

export const completeRequestProblem = (id: string, outcome: 'done' | 'rejected', note: string): string | null =>
  schemaProblem(privacyActions.actions.completeRequest.input, { id, outcome, note }, { note: '办理说明' })

export interface AuditForm {
  actor: string
  event: string
  targetId: string
  from: string
  to: string
}
/** The audit search form → the action's filter, or a message. */
export function auditFilterOf(f: AuditForm): { filter: AuditFilter } | { problem: string } {
  const filter: AuditFilter = {}
  if (f.actor.trim()) filter.actor = f.actor.trim()
  if (f.event.trim()) filter.event = f.event.trim()
  if (f.targetId.trim()) filter.targetId = f.targetId.trim()
  if (f.from.trim()) {
    const from = dayBound(f.from, false)
    if (!from) return { problem: '开始日期应为 YYYY-MM-DD 格式的真实日期' }
    filter.from = from
  }
  if (f.to.trim()) {
    const to = dayBound(f.to, true)
    if (!to) return { problem: '结束日期应为 YYYY-MM-DD 格式的真实日期' }
    filter.to = to
  }
  const problem = schemaProblem(privacyActions.actions.auditLog.input, filter, {
    actor: '操作人',
    event: { label: '事件名', message: '事件名格式不正确，如 privacy.block' },
    targetId: '对象编号',
  })
  if (problem) return { problem }
  if (filter.from && filter.to && filter.from > filter.to) return { problem: '开始日期不能晚于结束日期' }
  return { filter }
}
