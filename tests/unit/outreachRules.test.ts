import {
  evaluatePerson,
  compareEntries,
  type PersonFacts,
  type TaskFacts,
  REGISTERED_UNEMPLOYED_MIN_DAYS,
  REVISIT_DAYS,
} from '../../shared/outreach/listRules'
import { sequenceAt, DAY_MS } from '../../shared/outreach/sequence'
import { cstDateOf } from '../../shared/calendar/chinaTime'

const NOW = Date.parse('2026-11-20T10:00:00+08:00')
const daysAgo = (n: number) => NOW - n * DAY_MS
const dateDaysAgo = (n: number) => cstDateOf(daysAgo(n))

function aPerson(p: Partial<PersonFacts> = {}): PersonFacts {
  return {
    _id: 'p1',
    keyGroups: [],
    education: 'senior',
    graduationYear: null,
    employmentStatus: 'unemployed',
    employmentStatusSince: '2026-01-05',
    registeredUnemployed: false,
    registeredUnemployedSince: null,
    createdAt: '2025-01-01T00:00:00+08:00',
    ...p,
  }
}
function aTask(t: Partial<TaskFacts> = {}): TaskFacts {
  return {
    _id: 't1',
    reason: { code: 'policyUnclaimed', text: '符合一次性创业补贴条件但尚未申领' },
    source: { module: 'policy', refId: 'pol-1' },
    createdAtMs: daysAgo(1),
    ...t,
  }
}

describe('outreach list rules', () => {
  describe('registered unemployed for N days', () => {
    it('given registration 45 days ago, when evaluated, then listed with the days in the reason', () => {
      const e = evaluatePerson(aPerson({ registeredUnemployed: true, registeredUnemployedSince: dateDaysAgo(45) }), {
        nowMs: NOW,
      })
      expect(e?.reasons.map((r) => r.code)).toEqual(['registeredUnemployed'])
      expect(e?.reasons[0].text).toContain('登记失业已满45天')
    })
    it('given registration fewer days ago than the threshold, then not listed', () => {
      const e = evaluatePerson(
        aPerson({
          registeredUnemployed: true,
          registeredUnemployedSince: dateDaysAgo(REGISTERED_UNEMPLOYED_MIN_DAYS - 5),
        }),
        { nowMs: NOW },
      )
      expect(e).toBeNull()
    })
    it('given long-term unemployment, then more urgent than a recent registration and called long-term', () => {
      const recent = evaluatePerson(
        aPerson({ registeredUnemployed: true, registeredUnemployedSince: dateDaysAgo(40) }),
        { nowMs: NOW },
      )!
      const long = evaluatePerson(
        aPerson({ registeredUnemployed: true, registeredUnemployedSince: dateDaysAgo(400) }),
        { nowMs: NOW },
      )!
      expect(long.reasons[0].text).toContain('长期失业')
      expect(long.priority).toBeGreaterThan(recent.priority)
    })
    it('given the person is now employed, then not listed even if still registered', () => {
      expect(
        evaluatePerson(
          aPerson({
            registeredUnemployed: true,
            registeredUnemployedSince: dateDaysAgo(100),
            employmentStatus: 'employed',
          }),
          { nowMs: NOW },
        ),
      ).toBeNull()
    })
  })

  describe('graduates without a job within 6 months', () => {
    it('given a 2026 bachelor without a job in November 2026, then listed as a graduate', () => {
      const e = evaluatePerson(
        aPerson({ education: 'bachelor', graduationYear: 2026, keyGroups: ['recentGraduate'] }),
        { nowMs: NOW },
      )
      expect(e?.reasons[0].code).toBe('recentGraduate')
      expect(e?.reasons[0].text).toMatch(/2026届高校毕业生离校未就业（离校4个月）/)
    })
    it('given a 2025 graduate (more than 6 months ago), then not listed', () => {
      expect(evaluatePerson(aPerson({ education: 'bachelor', graduationYear: 2025 }), { nowMs: NOW })).toBeNull()
    })
    it('given a graduate who found a job, then not listed', () => {
      expect(
        evaluatePerson(aPerson({ education: 'college', graduationYear: 2026, employmentStatus: 'employed' }), {
          nowMs: NOW,
        }),
      ).toBeNull()
    })
    it('given a 2026 secondary-school leaver, then not a graduate', () => {
      expect(evaluatePerson(aPerson({ education: 'senior', graduationYear: 2026 }), { nowMs: NOW })).toBeNull()
    })
  })

  it.each([
    ['employmentDifficulty', 'flexible', '就业困难人员'],
    ['disabled', 'unemployed', '残疾人求职者'],
    ['returnedMigrant', 'unemployed', '返乡入乡人员'],
  ] as const)('given key group %s with status %s, then listed with a Chinese reason', (group, status, text) => {
    const e = evaluatePerson(aPerson({ keyGroups: [group], employmentStatus: status }), { nowMs: NOW })
    expect(e?.reasons[0].text).toContain(text)
  })

  it('given a disabled person who is employed, then not listed as a job seeker', () => {
    expect(
      evaluatePerson(aPerson({ keyGroups: ['disabled'], employmentStatus: 'employed' }), { nowMs: NOW }),
    ).toBeNull()
  })

  describe('tasks from other modules', () => {
    it('given an unclaimed policy task on an employed person, then listed with the policy engine text as the reason', () => {
      const e = evaluatePerson(aPerson({ employmentStatus: 'employed' }), { nowMs: NOW, tasks: [aTask()] })
      expect(e?.reasons).toEqual([
        {
          code: 'policyUnclaimed',
          text: '符合一次性创业补贴条件但尚未申领',
          taskId: 't1',
          source: { module: 'policy', refId: 'pol-1' },
        },
      ])
      expect(e?.taskIds).toEqual(['t1'])
    })
    it('given an undelivered push task, then listed as pushUndelivered', () => {
      const e = evaluatePerson(aPerson({ employmentStatus: 'employed' }), {
        nowMs: NOW,
        tasks: [
          aTask({
            reason: { code: 'consentExhausted', text: '订阅消息无法送达：培训开课提醒' },
            source: { module: 'notify', refId: 'o1' },
          }),
        ],
      })
      expect(e?.reasons[0].code).toBe('pushUndelivered')
    })
    it('given a policy push the dispatcher could not deliver (source kept as policy), then listed as pushUndelivered with the policy text', () => {
      const e = evaluatePerson(aPerson({ employmentStatus: 'employed' }), {
        nowMs: NOW,
        tasks: [
          aTask({
            _id: 'notify:policy:pol-1:3:p1',
            reason: { code: 'pushUnreachable', text: '您可能符合一次性创业补贴，请上门告知' },
          }),
        ],
      })
      expect(e?.reasons[0]).toMatchObject({
        code: 'pushUndelivered',
        text: '您可能符合一次性创业补贴，请上门告知',
        source: { module: 'policy' },
      })
    })
    it('given a task with a producer due date, then the entry is due then', () => {
      const e = evaluatePerson(aPerson({ employmentStatus: 'employed' }), {
        nowMs: NOW,
        tasks: [aTask({ dueAt: '2026-11-30T00:00:00+08:00' })],
      })
      expect(e?.dueMs).toBe(Date.parse('2026-11-30T00:00:00+08:00'))
    })
  })

  describe('visits reset the cycle', () => {
    const difficult = aPerson({ keyGroups: ['employmentDifficulty'] })
    it('given a completed visit 10 days ago, then the key group is not due again yet', () => {
      expect(
        evaluatePerson(difficult, {
          nowMs: NOW,
          lastVisit: { visitedAtMs: daysAgo(10), outcome: 'reached' },
          lastCompletedVisit: { visitedAtMs: daysAgo(10), outcome: 'reached' },
        }),
      ).toBeNull()
    })
    it('given a completed visit more than a cycle ago, then due again from the end of the cycle', () => {
      const visited = daysAgo(REVISIT_DAYS + 2)
      const e = evaluatePerson(difficult, {
        nowMs: NOW,
        lastVisit: { visitedAtMs: visited, outcome: 'reached' },
        lastCompletedVisit: { visitedAtMs: visited, outcome: 'reached' },
      })
      expect(e?.startMs).toBe(visited + REVISIT_DAYS * DAY_MS)
      expect(e?.stage).toBe('invite')
    })
    it('given only an unreachable attempt, then still listed with a retry note', () => {
      const e = evaluatePerson(difficult, {
        nowMs: NOW,
        lastVisit: { visitedAtMs: daysAgo(2), outcome: 'unreachable' },
      })
      expect(e?.reasons.map((r) => r.code)).toEqual(['employmentDifficulty', 'retryUnreachable'])
    })
    it('given the person moved away, then no key-group entry', () => {
      const v = { visitedAtMs: daysAgo(40), outcome: 'movedAway' as const }
      expect(evaluatePerson(difficult, { nowMs: NOW, lastVisit: v, lastCompletedVisit: v })).toBeNull()
    })
    it('given a follow-up agreed for in two days, then listed as a follow-up due then, most urgent', () => {
      const v = { visitedAtMs: daysAgo(5), outcome: 'reached' as const, nextFollowUpAtMs: NOW + 2 * DAY_MS }
      const e = evaluatePerson(difficult, { nowMs: NOW, lastVisit: v, lastCompletedVisit: v })
      expect(e?.reasons[0].code).toBe('followUpDue')
      expect(e?.dueMs).toBe(NOW + 2 * DAY_MS)
    })
  })

  it('given a follow-up agreed and a later unreachable attempt, then the follow-up stays, with a retry note', () => {
    const agreed = { visitedAtMs: daysAgo(20), outcome: 'reached' as const, nextFollowUpAtMs: NOW + DAY_MS }
    const e = evaluatePerson(aPerson({ keyGroups: ['employmentDifficulty'] }), {
      nowMs: NOW,
      lastVisit: { visitedAtMs: daysAgo(0.1), outcome: 'unreachable' },
      lastCompletedVisit: agreed,
    })
    expect(e?.reasons.map((r) => r.code)).toEqual(['followUpDue', 'retryUnreachable'])
  })

  describe('priority and order', () => {
    it('given more reasons, then higher priority', () => {
      const one = evaluatePerson(aPerson({ keyGroups: ['returnedMigrant'] }), { nowMs: NOW })!
      const two = evaluatePerson(aPerson({ keyGroups: ['returnedMigrant', 'employmentDifficulty'] }), { nowMs: NOW })!
      expect(two.priority).toBeGreaterThan(one.priority)
      expect(two.reasons[0].code).toBe('employmentDifficulty')
    })
    it('given entries, then sorted by priority, then due date', () => {
      const a = evaluatePerson(aPerson({ _id: 'a', keyGroups: ['returnedMigrant'] }), { nowMs: NOW })!
      const b = evaluatePerson(aPerson({ _id: 'b', employmentStatus: 'employed' }), {
        nowMs: NOW,
        tasks: [aTask({ createdAtMs: daysAgo(10) })],
      })!
      expect([a, b].sort(compareEntries).map((e) => e.personId)).toEqual(['b', 'a'])
      expect(b.stage).toBe('overdue')
      expect(b.level).toBe('high')
    })
  })
})

describe('contact sequence: invite → reminder after 3 days → overdue → escalation', () => {
  const start = Date.parse('2026-11-01T00:00:00+08:00')
  const due = start + 7 * DAY_MS
  it.each([
    [0, 'invite'],
    [2.9, 'invite'],
    [3, 'reminder'],
    [6.9, 'reminder'],
    [7, 'overdue'],
    [13.9, 'overdue'],
    [14, 'escalated'],
  ])('given %s days after the invitation, then stage %s', (d, stage) => {
    expect(sequenceAt(start, due, start + d * DAY_MS).stage).toBe(stage)
  })
  it('given a task escalated, then the entry names the street office', () => {
    const e = evaluatePerson(aPerson({ employmentStatus: 'employed' }), {
      nowMs: NOW,
      tasks: [aTask({ createdAtMs: daysAgo(20) })],
    })
    expect(e?.stage).toBe('escalated')
    expect(e?.stageText).toBe('已上报街道')
    expect(e?.escalatedTo).toBe('street')
  })
})
