/**
 * The feedback state machine: every allowed transition leads where the process says, every other
 * (status, event) pair is refused with CONFLICT and a Chinese message.
 */
import { AppError } from '../../shared/errors'
import {
  FEEDBACK_EVENTS,
  FEEDBACK_STATUSES,
  isOverdue,
  transition,
  type FeedbackEvent,
  type FeedbackStatus,
} from '../../shared/feedback/status'

// The process, written out independently of the table in shared/feedback/status.ts.
const ALLOWED: [FeedbackStatus, FeedbackEvent, FeedbackStatus][] = [
  ['pendingReview', 'pass', 'submitted'],
  ['pendingReview', 'reject', 'rejected'],
  ['submitted', 'accept', 'accepted'],
  ['assigned', 'accept', 'accepted'],
  ['reopened', 'accept', 'accepted'],
  ['submitted', 'assign', 'assigned'],
  ['accepted', 'assign', 'assigned'],
  ['assigned', 'assign', 'assigned'],
  ['reopened', 'assign', 'assigned'],
  ['accepted', 'reply', 'replied'],
  ['replied', 'resolve', 'resolved'],
  ['replied', 'rate', 'closed'],
  ['resolved', 'rate', 'closed'],
  ['resolved', 'close', 'closed'],
  ['replied', 'reopen', 'reopened'],
  ['resolved', 'reopen', 'reopened'],
  ['closed', 'reopen', 'reopened'],
]
const allowedKey = new Set(ALLOWED.map(([s, e]) => `${s}|${e}`))
const FORBIDDEN = FEEDBACK_STATUSES.flatMap((s) =>
  FEEDBACK_EVENTS.map((e) => [s, e] as [FeedbackStatus, FeedbackEvent]),
).filter(([s, e]) => !allowedKey.has(`${s}|${e}`))

describe('allowed transitions', () => {
  it.each(ALLOWED)('given %s, when %s, then %s', (from, event, to) => {
    expect(transition(from, event)).toBe(to)
  })
})

describe('forbidden transitions', () => {
  it('covers every other pair of status and event', () => {
    expect(ALLOWED.length + FORBIDDEN.length).toBe(FEEDBACK_STATUSES.length * FEEDBACK_EVENTS.length)
    expect(FORBIDDEN.length).toBeGreaterThan(50)
  })
  it.each(FORBIDDEN)('given %s, when %s, then CONFLICT', (from, event) => {
    let err: unknown
    try {
      transition(from, event)
    } catch (e) {
      err = e
    }
    expect(err).toBeInstanceOf(AppError)
    expect((err as AppError).code).toBe('CONFLICT')
    expect((err as AppError).message).toMatch(/^当前状态为「.+」，不能.+/)
  })
})

describe('a closed or rejected item is final for staff', () => {
  it.each(['accept', 'assign', 'reply', 'resolve'] as FeedbackEvent[])('closed → %s is refused', (e) => {
    expect(() => transition('closed', e)).toThrow(AppError)
    expect(() => transition('rejected', e)).toThrow(AppError)
  })
})

describe('overdue', () => {
  const due = Date.parse('2026-03-10T23:59:59.999+08:00')
  it('is true once the deadline has passed without a reply', () => {
    expect(isOverdue('accepted', due, due + 1)).toBe(true)
    expect(isOverdue('submitted', due, due)).toBe(false)
  })
  it('is false once replied, even after the deadline', () => {
    expect(isOverdue('replied', due, due + 86_400_000)).toBe(false)
    expect(isOverdue('closed', due, due + 86_400_000)).toBe(false)
  })
  it('is false for an item still held for the content check', () => {
    expect(isOverdue('pendingReview', due, due + 1)).toBe(false)
  })
})
