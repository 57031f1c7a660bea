/**
 * bindResident: a resident links their WeChat account to their person record by name + ID number.
 * Identity theft starts here, so:
 * - the record is found through the ID number's blind index (an indexed lookup, never a scan);
 * - "no such record" and "name does not match" give the same answer (no probing of who is registered);
 * - one openid per person, one person per openid (a conditional claim, safe under races); changing either
 *   is done by staff after checking the person's ID card at a service window (user.unbindResident);
 * - at most MAX_FAILED_ATTEMPTS failed attempts per openid in 24 hours, then RATE_LIMITED;
 * - every attempt is recorded in bind_attempts and the audit log, with masked name and ID number;
 * - a successful binding re-runs 政策找人 for the person at once (the policy module's port), so the home page
 *   shows their matches without waiting for the batch.
 * In production the name + ID match is replaced by WeChat's real-name verification (docs/deploy.md).
 */
import type { InputOf } from '../../../shared/actions/define'
import type { userActions } from '../../../shared/actions/user'
import { AppError } from '../../../shared/errors'
import { maskIdNumber, maskName } from '../../../shared/mask'
import { ID_NUMBER_PROBLEM_TEXT, idNumberProblem, normalizeIdNumber } from '../../../shared/idNumber'
import { chinaDate } from '../../../shared/user/profile'
import { audit } from '../../_core/audit'
import { requireCaller, type ActionContext } from '../../_core/function'
import { idHash, normalizeName } from '../../_core/pii'
import { markPersonFactsChanged } from '../../_core/personEvents'
import { rematchPerson } from '../../policy/ports/rematchPerson.port'
import {
  countFailedAttempts,
  oldestFailedAttemptMs,
  recordAttempt,
  type BindOutcome,
} from '../repositories/bindAttempt.repository'
import {
  claimPerson,
  findPersonById,
  findPersonByIdHash,
  releasePerson,
  type PersonRecord,
} from '../repositories/person.repository'
import { claimPersonForUser, findUser } from '../repositories/user.repository'
import { loadPersonSummary } from '../helpers/profileView'
import type { BindResult } from '../../../shared/user/views'
import { toIsoCst } from '../../../shared/calendar/chinaTime'

export const MAX_FAILED_ATTEMPTS = 5
const WINDOW_MS = 24 * 3600_000

/** 2026-12-04T10:05:00+08:00 → 12月4日 10:05 (China time, as toIsoCst writes it). */
const chinaWhen = (iso: string) => `${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日 ${iso.slice(11, 16)}`

export const BIND_MESSAGES = {
  notMatched: (left: number, retryAt?: string) =>
    left > 0
      ? `姓名与身份证号码不匹配，或暂无您的就业登记信息。请核对后重试（24小时内还可尝试${left}次）`
      : `姓名与身份证号码不匹配。24小时内失败次数已达上限，请明天再试${retryAt ? `（${chinaWhen(retryAt)}后可再试）` : ''}或携带身份证到就近的公共就业服务窗口办理`,
  rateLimited: (retryAt?: string) =>
    `24小时内实名绑定失败次数过多，请明天再试${retryAt ? `（${chinaWhen(retryAt)}后可再试）` : ''}，或携带身份证到就近的公共就业服务窗口办理`,
  boundToOther: '该身份信息已被其他微信账号绑定。如非本人操作，请携带身份证到就近的公共就业服务窗口办理解绑',
  alreadyBound: '您的微信账号已绑定其他居民档案。如需更换，请携带身份证到就近的公共就业服务窗口办理',
}

export type { BindResult }

export async function bindResident(
  input: InputOf<typeof userActions, 'bindResident'>,
  ctx: ActionContext,
): Promise<BindResult> {
  const caller = requireCaller(ctx)
  const now = ctx.now()
  const at = toIsoCst(now)
  const idNumber = normalizeIdNumber(input.idNumber)
  // The schema checked against the device's clock; the server's clock decides (a birth date after today).
  const problem = idNumberProblem(idNumber, chinaDate(now.getTime()))
  if (problem) throw new AppError('VALIDATION_FAILED', ID_NUMBER_PROBLEM_TEXT[problem])
  const name = normalizeName(input.name)
  const masked = { nameMasked: maskName(name), idNumberMasked: maskIdNumber(idNumber) }

  const record = async (outcome: BindOutcome, personId: string | null) => {
    await recordAttempt({ openid: caller.openid, outcome, personId, ...masked, at, atMs: now.getTime() })
    await audit(ctx, {
      event: 'user.bindResident.attempt',
      targetType: 'person',
      targetId: personId ?? undefined,
      outcome: outcome === 'ok' ? 'ok' : outcome === 'notMatched' ? 'failed' : 'denied',
      detail: { result: outcome, name: masked.nameMasked, idNumber: masked.idNumberMasked },
    })
  }

  const since = now.getTime() - WINDOW_MS
  /** When the limit lifts: 24 hours after the oldest failure still counted. */
  const retryAt = async () => {
    const oldest = await oldestFailedAttemptMs(caller.openid, since)
    return toIsoCst((oldest ?? now.getTime()) + WINDOW_MS)
  }
  const failures = await countFailedAttempts(caller.openid, since)
  if (failures >= MAX_FAILED_ATTEMPTS) {
    await record('rateLimited', null)
    const until = await retryAt()
    throw new AppError('RATE_LIMITED', BIND_MESSAGES.rateLimited(until), { retryAt: until })
  }

  const person = await findPersonByIdHash(idHash(idNumber))
  const matches = (p: PersonRecord | null): p is PersonRecord => !!p && normalizeName(p.name) === name

  // Already bound: the same person again is fine (idempotent); another person needs staff.
  if (caller.user.personId) {
    if (matches(person) && person._id === caller.user.personId) {
      await record('ok', person._id)
      return { bound: true, person: await loadPersonSummary(person._id) }
    }
    const current = await findPersonById(caller.user.personId)
    if (current) {
      await record('alreadyBound', current._id)
      throw new AppError('CONFLICT', BIND_MESSAGES.alreadyBound)
    }
  }

  if (!matches(person)) {
    await record('notMatched', null)
    const left = MAX_FAILED_ATTEMPTS - failures - 1
    if (left > 0) throw new AppError('NOT_FOUND', BIND_MESSAGES.notMatched(left), { attemptsLeft: left })
    const until = await retryAt()
    throw new AppError('NOT_FOUND', BIND_MESSAGES.notMatched(0, until), { attemptsLeft: 0, retryAt: until })
  }

  if (person.boundOpenid && person.boundOpenid !== caller.openid) {
    await record('conflict', person._id)
    throw new AppError('CONFLICT', BIND_MESSAGES.boundToOther)
  }
  const holder = await claimPerson(person._id, caller.openid, at)
  if (holder !== caller.openid) {
    await record('conflict', person._id)
    throw new AppError('CONFLICT', BIND_MESSAGES.boundToOther)
  }
  if (!(await claimPersonForUser(caller.openid, person._id, at))) {
    // A concurrent bind of this account to another person won: give this person back.
    const fresh = await findUser(caller.openid)
    if (fresh?.personId !== person._id) {
      await releasePerson(person._id, caller.openid)
      await record('alreadyBound', person._id)
      throw new AppError('CONFLICT', BIND_MESSAGES.alreadyBound)
    }
  }
  await markPersonFactsChanged(person._id, now)
  await record('ok', person._id)
  // 政策找人 for this person now, so the home page shows their matches at once; if it fails the next batch run
  // (factsChangedAtMs above) does it, and the binding stands
  try {
    await rematchPerson(person._id, now)
  } catch (e) {
    ctx.log.warn('rematch after binding failed; left to the batch', { personId: person._id, error: e })
  }
  return { bound: true, person: await loadPersonSummary(person._id) }
}
