/**
 * Outreach seed: a few visit tasks and visits around the demo grid workers so that every source of the list
 * shows in a demo (key groups come from the base persons; here: an unclaimed policy, an undelivered push,
 * a follow-up due, and visits this month for the grid view). Times are relative to the seed's now.
 */
import { DEMO_GRIDS, DEMO_OPENIDS, DEMO_PERSON_IDS } from './base/demo'
import type { ModuleSeed } from './types'
import { toIsoCst } from '../../shared/calendar/chinaTime'

const DAY = 86_400_000

const outreachSeed: ModuleSeed = async (writer, options) => {
  const now = options.now.getTime()
  const task = (
    key: string,
    personId: string,
    gridCode: string,
    reason: { code: string; text: string },
    source: { module: string; refId: string },
    createdMs: number,
    priority = 50,
  ) => ({
    _id: key,
    key,
    personId,
    gridCode,
    streetCode: gridCode.slice(0, 9),
    reason,
    source,
    priority,
    status: 'open',
    dueAt: toIsoCst(createdMs + 7 * DAY),
    dueAtMs: createdMs + 7 * DAY,
    createdAt: toIsoCst(createdMs),
    createdAtMs: createdMs,
    attempts: 0,
  })
  await writer.insertMany('visit_tasks', [
    task(
      'seed:policy:p_demo_g1_01',
      'p_demo_g1_01',
      DEMO_GRIDS.grid,
      { code: 'policyUnclaimed', text: '符合“灵活就业社会保险补贴”条件（就业困难人员，登记失业满6个月）但尚未申领' },
      { module: 'policy', refId: 'seed' },
      now - 4 * DAY,
      60,
    ),
    task(
      'seed:notify:p_demo_resident',
      DEMO_PERSON_IDS.resident,
      DEMO_GRIDS.grid,
      { code: 'pushUndelivered', text: '政策匹配提醒无法送达（未授权订阅消息），请上门告知' },
      { module: 'notify', refId: 'seed' },
      now - 1 * DAY,
      55,
    ),
    task(
      'seed:policy:p_demo_g2_04',
      'p_demo_g2_04',
      DEMO_GRIDS.grid2,
      { code: 'policyUnclaimed', text: '符合“公益性岗位安置”条件（就业困难人员、零就业家庭成员）但尚未申请' },
      { module: 'policy', refId: 'seed' },
      now - 9 * DAY,
      60,
    ),
  ])
  const visit = (
    n: number,
    worker: string,
    personId: string,
    gridCode: string,
    daysAgo: number,
    outcome: string,
    extra: Record<string, unknown> = {},
  ) => {
    const at = now - daysAgo * DAY
    return {
      _id: `seed_visit_${n}`,
      workerOpenid: worker,
      clientId: `seed-visit-${n}`,
      personId,
      gridCode,
      streetCode: gridCode.slice(0, 9),
      outcome,
      employmentStatus: null,
      previousEmploymentStatus: null,
      needs: [],
      referrals: [],
      notes: null,
      notesCheck: null,
      nextFollowUpAt: null,
      nextFollowUpAtMs: null,
      visitedAt: toIsoCst(at),
      visitedAtMs: at,
      onBehalf: false,
      onBehalfConsent: null,
      recordedBy: 'staff',
      taskIds: [],
      closedTaskIds: [],
      applied: true,
      createdAt: toIsoCst(at),
      createdAtMs: at,
      ...extra,
    }
  }
  const followUp = now + 1 * DAY
  await writer.insertMany('visits', [
    // 刘芳 was visited 20 days ago and a follow-up was agreed for tomorrow.
    visit(1, DEMO_OPENIDS.grid, 'p_demo_g1_02', DEMO_GRIDS.grid, 20, 'reached', {
      needs: ['job', 'training'],
      notes: '有意参加保洁培训，约定回访',
      notesCheck: 'pass',
      nextFollowUpAt: toIsoCst(followUp),
      nextFollowUpAtMs: followUp,
    }),
    // 孙强 could not be reached two days ago.
    visit(2, DEMO_OPENIDS.grid, 'p_demo_g1_05', DEMO_GRIDS.grid, 2, 'unreachable'),
    // 郑红梅 (grid 2) was visited recently: off the list until next cycle.
    visit(3, DEMO_OPENIDS.grid2, 'p_demo_g2_02', DEMO_GRIDS.grid2, 1, 'reached', { needs: ['startup'] }),
  ])
}

export default outreachSeed
