/**
 * The staff workbench's forms are checked on the device with the actions' own shared schemas: the admin reads
 * one Chinese sentence naming the field, and a form the schema accepts becomes exactly the action's input.
 */
import { auditFilterOf, blockProblem, completeRequestProblem, rolesInputOf } from '@/utils/staffForms'
import { policyDraftOf, policyFormOf } from '@/utils/policyForm'
import type { PolicyDetail } from '@shared/policies/views'
import { POLICY_LIBRARY } from '@shared/policies/library'
import { requirementsOf } from '@shared/rules/requirements'

const aRolesForm = (over: Partial<Parameters<typeof rolesInputOf>[0]> = {}) => ({
  openid: 'o_demo_grid',
  roles: ['grid' as const],
  gridCodes: '370102001001',
  departmentId: '',
  ...over,
})

describe('roles, blocks and data requests', () => {
  it('given an empty reason or note, then the message asks for that field by name', () => {
    expect(blockProblem('o_demo_resident', '  ')).toBe('请填写限制原因')
    expect(completeRequestProblem('req_1', 'rejected', '')).toBe('请填写办理说明')
    expect(blockProblem('', '多次发布违规内容')).toBe('请填写用户 openid')
  })
  it('given a reason one character long, then the message names the field and the schema limit', () => {
    expect(blockProblem('o_demo_resident', '违')).toBe('限制原因：至少填写2个字')
  })
  it('given a grid code with a character codes never have, then the message names 网格编码', () => {
    expect(rolesInputOf(aRolesForm({ gridCodes: '3701$02' }))).toEqual({ problem: '网格编码：编号格式不正确' })
  })
  it('given a valid grid form, then it becomes setRoles input with resident kept and no department', () => {
    expect(rolesInputOf(aRolesForm())).toEqual({
      input: { openid: 'o_demo_grid', roles: ['resident', 'grid'], gridCodes: ['370102001001'], departmentId: null },
    })
  })
  it('given a handler without a department, then it is refused before the schema', () => {
    expect(rolesInputOf(aRolesForm({ roles: ['handler'] }))).toEqual({
      problem: '投诉处理人员需要填写所属部门编号',
    })
  })
})

describe('audit search', () => {
  const anAuditForm = (over = {}) => ({ actor: '', event: '', targetId: '', from: '', to: '', ...over })
  it('given an event name with a space, then the message gives an example', () => {
    expect(auditFilterOf(anAuditForm({ event: 'privacy block' }))).toEqual({
      problem: '事件名格式不正确，如 privacy.block',
    })
  })
  it('given China-time days, then the filter spans them', () => {
    expect(auditFilterOf(anAuditForm({ from: '2026-11-01', to: '2026-11-02' }))).toEqual({
      filter: { from: '2026-11-01T00:00:00.000+08:00', to: '2026-11-02T23:59:59.999+08:00' },
    })
  })
})

describe('policy draft', () => {
  const doc = POLICY_LIBRARY[0]
  const detail = {
    ...doc,
    categoryLabel: '',
    maxYuan: null,
    inForce: 'inForce',
    applicationOpen: true,
    sources: doc.sources.map((s) => ({ ...s, cited: '' })),
    requirements: requirementsOf(doc.rule),
    questions: [],
    publishedAt: '2026-11-01T00:00:00.000+08:00',
  } as PolicyDetail
  it('given a summary of four characters, then 通俗摘要 is named with the schema limit', () => {
    const form = { ...policyFormOf(detail), summary: '四个字的' }
    expect(policyDraftOf(detail, doc.rule, form)).toEqual({ problem: '通俗摘要：至少填写5个字' })
  })
  it('given an amount over ten million, then that amount is named', () => {
    const form = policyFormOf(detail)
    form.amounts = [{ text: '一次性补贴', maxYuan: '20000000' }]
    expect(policyDraftOf(detail, doc.rule, form)).toEqual({ problem: '第1项的最高金额不能超过1000万元' })
  })
  it('given the form as loaded, then the draft is the document as published', () => {
    const r = policyDraftOf(detail, doc.rule, policyFormOf(detail))
    expect(r).toMatchObject({ policy: { id: doc.id, summary: doc.summary, rule: doc.rule } })
  })
})
