/**
 * createFunction: the thin edge of every cloud function.
 *
 * Order of checks (docs/contract.md): (1) unknown action → VALIDATION_FAILED; (2) role check from the action name
 * and the caller only → UNAUTHENTICATED / FORBIDDEN; (3) input validation with the shared schema →
 * VALIDATION_FAILED; then blocked-account and rate-limit checks for writes, then exactly one use case.
 * Identity comes only from the CloudBase context (WX_OPENID), never from the event.
 * Timer triggers (context source wx_trigger, no openid; event.Type === 'Timer') run the function's declared triggers.
 */
import { z } from 'zod'
import { allows, type ActionSpec, type ModuleSpec, type Role } from '../../shared/actions/define'
import { AppError, type Envelope, ERROR_MESSAGES } from '../../shared/errors'
import { tcb } from './app'
import { clockFromEnv, type Clock } from './clock'
import { createLogger, type Logger } from './log'
import { findOrCreateUser, findUser, getOrCreateUser, normalizeUser, type UserDoc } from './users.repository'
import { checkRateLimit, identifyAndCount } from './rateLimit'
import { audit } from './audit'
import { checkDeclaredTexts } from './contentRule'

z.config(z.locales.zhCN())

/** The invocation source CloudBase gives a timer trigger (TCB_SOURCE / SOURCE of the context). */
export const TIMER_SOURCE = 'wx_trigger'
/** The rate-limit key every anonymous caller of an action shares. */
export const ANONYMOUS_BUCKET = '~anonymous'

/** What a block stops: every write and every role-gated action, reads included, unless declared allowed. */
export const blockStops = (spec: Pick<ActionSpec, 'access' | 'write' | 'whenBlocked'>): boolean =>
  spec.whenBlocked !== 'allowed' && (spec.write === true || (spec.access !== 'public' && spec.access !== 'user'))

export interface Caller {
  openid: string
  roles: Role[]
  user: UserDoc
}

export interface ActionContext {
  fn: string
  action: string
  /** Invocation id (the platform's request id). */
  requestId: string
  /** null only when a 'public' action is called anonymously, or declares `caller: 'openid'` (see ctx.openid). */
  caller: Caller | null
  /** The caller's openid from the CloudBase context (null: anonymous), also when the user record was not read. */
  openid?: string | null
  now: Clock
  log: Logger
}

export interface TriggerContext {
  fn: string
  trigger: string
  requestId: string
  now: Clock
  log: Logger
}

export type ActionHandler<I> = (input: I, ctx: ActionContext) => Promise<unknown>
export type Handlers<M extends ModuleSpec> = {
  [K in keyof M['actions']]: ActionHandler<z.output<M['actions'][K]['input']>>
}
/**
 * Handlers whose answers are the ones a module declares in its output map in shared (`JobActionOutputs`,
 * keys `<module>.<action>`): `createFunction(jobActions, {...} satisfies Answering<typeof jobActions, JobActionOutputs>)`
 * makes the compiler hold the use cases to what the client is told they answer.
 */
export type Answering<M extends ModuleSpec, O> = {
  [K in keyof M['actions'] & string]: (
    input: z.output<M['actions'][K]['input']>,
    ctx: ActionContext,
  ) => Promise<`${M['name']}.${K}` extends keyof O ? O[`${M['name']}.${K}`] : unknown>
}
export type TriggerHandler = (ctx: TriggerContext) => Promise<unknown>

/**
 * A WeChat message push (云开发 消息推送 configured to this function): the event is WeChat's JSON message. The event
 * proves nothing about its sender (any caller can send the same fields): a handler acts only on what it can match
 * with a secret it holds (e.g. a trace_id it got from WeChat) and writes nothing otherwise.
 */
export type PushHandler = (event: Record<string, unknown>, ctx: TriggerContext) => Promise<unknown>

export interface FunctionOptions {
  /** Timer triggers by name; the names and crons are declared in cloudbaserc.json. */
  triggers?: Record<string, TriggerHandler>
  /** Message pushes by their `Event` (MsgType `event`), e.g. `wxa_media_check`. */
  pushes?: Record<string, PushHandler>
}

/** The caller, or UNAUTHENTICATED. For use cases of actions whose access is not 'public'. */
export function requireCaller(ctx: ActionContext): Caller {
  if (!ctx.caller) throw new AppError('UNAUTHENTICATED')
  return ctx.caller
}

export const hasRole = (ctx: ActionContext, role: Role): boolean => !!ctx.caller?.roles.includes(role)

interface CloudbaseContextParam {
  request_id?: string
  environment?: string
  [k: string]: unknown
}

function readContext(context: unknown): Record<string, unknown> {
  try {
    return tcb.getCloudbaseContext(context as never) as unknown as Record<string, unknown>
  } catch {
    return {}
  }
}

function zodDetails(error: z.ZodError): { message: string; fields: { path: string; message: string }[] } {
  const fields = error.issues.slice(0, 10).map((i) => ({ path: i.path.map(String).join('.'), message: i.message }))
  const first = fields[0]
  const message = first
    ? first.path
      ? `${first.path}：${first.message}`
      : first.message
    : ERROR_MESSAGES.VALIDATION_FAILED
  return { message: message.slice(0, 200), fields }
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x)

export function createFunction<M extends ModuleSpec>(mod: M, handlers: Handlers<M>, options: FunctionOptions = {}) {
  const actionNames = new Set(Object.keys(mod.actions))

  return async function main(event: unknown, context?: CloudbaseContextParam): Promise<Envelope<unknown>> {
    const env = readContext(context)
    const now = clockFromEnv(env)
    const requestId = String(context?.request_id ?? env.TCB_SEQID ?? Math.random().toString(36).slice(2))
    const openid = typeof env.WX_OPENID === 'string' && env.WX_OPENID ? env.WX_OPENID : null
    const ev = isObject(event) ? event : {}

    // Timer trigger: recognised from the platform's context only (the invocation source CloudBase sets for a
    // trigger, and no user identity), never from the event, which any caller can fill with `Type: 'Timer'`.
    const source =
      typeof env.TCB_SOURCE === 'string' ? env.TCB_SOURCE : typeof env.SOURCE === 'string' ? env.SOURCE : ''
    if (source === TIMER_SOURCE && !openid && ev.Type === 'Timer') {
      const name = typeof ev.TriggerName === 'string' ? ev.TriggerName : ''
      const trigger = options.triggers?.[name]
      const log = createLogger({ fn: mod.name, trigger: name, requestId })
      if (!trigger)
        return { ok: false, error: { code: 'VALIDATION_FAILED', message: `未知的定时触发器：${name}`.slice(0, 80) } }
      try {
        const data = await trigger({ fn: mod.name, trigger: name, requestId, now, log })
        return { ok: true, data: data ?? null }
      } catch (e) {
        return toErrorEnvelope(e, log)
      }
    }

    // WeChat message push: {MsgType: 'event', Event} to the handler declared for that event, if any
    const pushName = ev.MsgType === 'event' && typeof ev.Event === 'string' ? ev.Event : ''
    if (pushName && options.pushes && Object.prototype.hasOwnProperty.call(options.pushes, pushName)) {
      const log = createLogger({ fn: mod.name, trigger: pushName, requestId })
      try {
        await options.pushes[pushName](ev, { fn: mod.name, trigger: pushName, requestId, now, log })
        return { ok: true, data: 'success' }
      } catch (e) {
        return toErrorEnvelope(e, log)
      }
    }

    const action = typeof ev.action === 'string' ? ev.action : ''
    const log = createLogger({ fn: mod.name, action, requestId })
    let auditable = false
    let caller: Caller | null = null
    let reachedUseCase = false
    try {
      // (1) unknown action
      if (!actionNames.has(action) || !Object.prototype.hasOwnProperty.call(mod.actions, action)) {
        throw new AppError('VALIDATION_FAILED', '未知的操作')
      }
      const spec = mod.actions[action]

      // (2) role check: action name and caller only. Roles are read only when the action needs a role;
      // for 'public' and 'user' actions the user is read (or created) after validation, so that bad input
      // writes nothing, not even a first-call user.
      // A role-gated action only reads the user here (an openid never seen is a plain resident): the document is
      // created after validation, like for every other action.
      const needsRoles = spec.access !== 'public' && spec.access !== 'user'
      if (openid && needsRoles) {
        const found = await findUser(openid)
        const user = found ? normalizeUser(found) : null
        caller = user ? { openid, roles: user.roles, user } : null
        const verdict = allows(spec.access, user ? user.roles : ['resident'])
        if (verdict !== 'ok') throw new AppError(verdict, undefined, { stage: 'access' })
      } else {
        const verdict = allows(spec.access, openid ? ['resident'] : null)
        if (verdict !== 'ok') throw new AppError(verdict, undefined, { stage: 'access' })
      }

      // (3) input validation (unknown fields are dropped by the schema)
      const { action: _a, ...payload } = ev
      let parsed: ReturnType<typeof spec.input.safeParse>
      try {
        parsed = spec.input.safeParse(payload)
      } catch (e) {
        // A refinement or transform that throws on odd input is still bad input, not an internal error.
        log.warn('schema threw on input', { error: e as Error })
        throw new AppError('VALIDATION_FAILED')
      }
      if (!parsed.success) {
        const d = zodDetails(parsed.error)
        throw new AppError('VALIDATION_FAILED', d.message, { stage: 'input', fields: d.fields })
      }
      // identity (after validation) and, for a rate-limited action, its window counter: one request on the usual
      // path. Actions that audit every attempt count separately, so a refusal of the limit is audited with its caller.
      const refusesBlocked = blockStops(spec)
      let counted = false
      // a public read that needs only the openid: no user record read
      const openidOnly = spec.access === 'public' && spec.caller === 'openid' && !spec.write && !spec.rateLimit
      if (openid && !caller && !openidOnly) {
        const findOrCreate = (initial: Partial<UserDoc>, insertFirst: boolean) =>
          findOrCreateUser(openid, now(), initial, insertFirst)
        const combined = !!spec.rateLimit && spec.auditAttempts !== true
        const user =
          combined && spec.rateLimit
            ? await identifyAndCount(openid, `${mod.name}.${action}`, spec.rateLimit, now(), {
                skipBlocked: refusesBlocked,
                findOrCreate,
                normalize: normalizeUser,
              })
            : await getOrCreateUser(openid, now())
        counted = combined
        caller = { openid, roles: user.roles, user }
      }

      // actions that audit every attempt: a refusal of the wrapper itself (blocked, rate limit) is recorded too
      auditable = spec.auditAttempts === true && caller !== null

      // blocked accounts: every write and every staff action (role-gated: reads included, e.g. a phone reveal),
      // unless declared `whenBlocked: 'allowed'` (the holder's own data rights)
      if (caller && caller.user.blocked && refusesBlocked) {
        throw new AppError('FORBIDDEN', '账号已被限制使用，如有疑问请联系服务窗口', { stage: 'blocked' })
      }
      // rate limits: per openid (window, and a daily cap when declared); anonymous callers of a public action
      // share one bucket (anonymousMax)
      if (spec.rateLimit) {
        const key = `${mod.name}.${action}`
        if (caller) {
          if (!counted) await checkRateLimit(caller.openid, key, spec.rateLimit, now())
          if (spec.rateLimit.dailyMax !== undefined)
            await checkRateLimit(caller.openid, `${key}.day`, { max: spec.rateLimit.dailyMax, windowSec: 86400 }, now())
        } else if (spec.rateLimit.anonymousMax !== undefined) {
          await checkRateLimit(
            ANONYMOUS_BUCKET,
            key,
            { max: spec.rateLimit.anonymousMax, windowSec: spec.rateLimit.windowSec },
            now(),
          )
        }
      }

      // free text others will read: the one content-check rule (declared per field in the registry)
      if (caller && spec.contentCheck?.length) await checkDeclaredTexts(parsed.data, spec.contentCheck, caller.openid)

      const ctx: ActionContext = { fn: mod.name, action, requestId, caller, openid, now, log }
      const handler = handlers[action as keyof M['actions']] as ActionHandler<unknown>
      reachedUseCase = true
      const data = await handler(parsed.data, ctx)
      return { ok: true, data: data === undefined ? null : data }
    } catch (e) {
      if (auditable && !reachedUseCase && e instanceof AppError) {
        await audit(
          { fn: mod.name, action, requestId, caller, now },
          { event: `${mod.name}.${action}`, outcome: 'denied', detail: { reason: e.code } },
        ).catch((err: Error) => log.warn('audit of a refused attempt failed', { error: err }))
      }
      return toErrorEnvelope(e, log)
    }
  }
}

/** Infrastructure failures a caller can retry: the database, storage or network being unavailable. */
const UNAVAILABLE =
  /^(UPSTREAM_UNAVAILABLE|DATABASE_REQUEST_FAILED|DATABASE_TIMEOUT|SYS_ERR|SERVER_BUSY|FUNCTIONS_EXECUTE_FAIL|STORAGE_REQUEST_FAIL|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ESOCKETTIMEDOUT|EAI_AGAIN|EPIPE)$/

function toErrorEnvelope(e: unknown, log: Logger): Envelope<never> {
  if (e instanceof AppError) return { ok: false, error: e.toBody() }
  const code = (e as { code?: string } | null)?.code
  if (typeof code === 'string' && UNAVAILABLE.test(code)) {
    log.warn('upstream unavailable', { code, error: e as Error })
    return { ok: false, error: { code: 'UPSTREAM_UNAVAILABLE', message: ERROR_MESSAGES.UPSTREAM_UNAVAILABLE } }
  }
  if (code === 'DATABASE_TRANSACTION_CONFLICT') {
    log.warn('transaction conflict after retries', { code })
    return { ok: false, error: { code: 'CONFLICT', message: '当前办理人数较多，请稍后重试' } }
  }
  log.error('unexpected error', { error: e as Error })
  return { ok: false, error: { code: 'INTERNAL', message: ERROR_MESSAGES.INTERNAL } }
}
