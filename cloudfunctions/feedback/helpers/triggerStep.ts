/** The step context of a timer-driven feedback step (escalation, recheck, auto-close): no caller, the trigger as action. */
import type { TriggerContext } from '../../_core/function'
import { type StepContext } from './feedbackStep'

export const triggerStepContext = (ctx: TriggerContext): StepContext => ({
  caller: null,
  now: ctx.now,
  fn: ctx.fn,
  action: `trigger.${ctx.trigger}`,
  requestId: ctx.requestId,
})
