/** Deadline rules in force: the shared defaults, optionally overridden by ZJ_FEEDBACK_RULES (JSON, partial). */
import { DEFAULT_DEADLINE_RULES, type DeadlineRules } from '../../shared/feedback/rules'

let cached: DeadlineRules | null = null

export function deadlineRules(): DeadlineRules {
  if (cached) return cached
  let override: Partial<DeadlineRules> = {}
  try {
    override = process.env.ZJ_FEEDBACK_RULES
      ? (JSON.parse(process.env.ZJ_FEEDBACK_RULES) as Partial<DeadlineRules>)
      : {}
  } catch {
    override = {}
  }
  cached = {
    ...DEFAULT_DEADLINE_RULES,
    ...override,
    answerWithinWorkingDays: {
      ...DEFAULT_DEADLINE_RULES.answerWithinWorkingDays,
      ...(override.answerWithinWorkingDays ?? {}),
    },
  }
  return cached
}
