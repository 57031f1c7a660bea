/** Correction and deletion requests: the resident asks, an admin completes or rejects, the resident is told. */
import { createHash } from 'node:crypto'
import type { Page } from '../../../shared/actions/common'
import { deepLinks } from '../../../shared/deepLinks'
import { AppError } from '../../../shared/errors'
import { audit } from '../../_core/audit'
import { requireCaller, type ActionContext } from '../../_core/function'
import { enqueueNotification } from '../../_core/notifications'
import { decodeCursor, encodeCursor, pageSizeOf } from '../../_core/paging'
import {
  eraseAccount,
  getRequest,
  casRequestState,
  insertRequest,
  pageRequests,
  type PrivacyRequestDoc,
} from '../repositories/privacy.repository'
import { findUser } from '../../_core/users.repository'
import { toIsoCst } from '../../../shared/calendar/chinaTime'
import { encryptField } from '../../_core/pii'
import { findUnmaskedPii, maskText } from '../../../shared/mask'

export interface RequestView {
  id: string
  kind: 'correction' | 'deletion'
  kindLabel: string
  field: string | null
  state: PrivacyRequestDoc['state']
  stateLabel: string
  note: string | null
  createdAt: string
  completedAt: string | null
}

const KIND = { correction: '更正个人信息', deletion: '注销账号并删除个人信息' } as const
const STATE = { pending: '办理中', done: '已办结', rejected: '未予办理' } as const
const view = (r: PrivacyRequestDoc): RequestView => ({
  id: r._id,
  kind: r.kind,
  kindLabel: KIND[r.kind],
  field: r.field ?? null,
  state: r.state,
  stateLabel: STATE[r.state],
  note: r.note ?? null,
  createdAt: r.createdAt,
  completedAt: r.completedAt ?? null,
})
const isKey = (v: unknown): v is { m: number; i: string } =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as { m: unknown }).m === 'number' &&
  typeof (v as { i: unknown }).i === 'string'

async function create(
  ctx: ActionContext,
  kind: PrivacyRequestDoc['kind'],
  extra: Partial<PrivacyRequestDoc>,
): Promise<RequestView> {
  const caller = requireCaller(ctx)
  const now = ctx.now()
  const doc: PrivacyRequestDoc = {
    _id: `pr_${now.getTime().toString(36)}${Math.random().toString(36).slice(2, 8)}`,
    openid: caller.openid,
    kind,
    state: 'pending',
    createdAt: toIsoCst(now),
    createdAtMs: now.getTime(),
    ...extra,
  }
  await insertRequest(doc)
  await audit(ctx, { event: `privacy.request.${kind}`, targetType: 'privacyRequest', targetId: doc._id, outcome: 'ok' })
  return view(doc)
}

/**
 * A correction often carries the new phone or ID number itself: a text holding one is stored sealed
 * (`…Enc`, AES-GCM as every identifier at rest) beside its masked form, which is all a list shows.
 */
function sealIfPii(name: 'correctValue' | 'reason', value: string | undefined): Partial<PrivacyRequestDoc> {
  if (value === undefined) return {}
  if (findUnmaskedPii(value).length === 0) return { [name]: value }
  return { [name]: maskText(value), [`${name}Enc`]: encryptField(value) }
}

export const requestCorrection = (
  input: { field: string; correctValue: string; reason?: string },
  ctx: ActionContext,
) =>
  create(ctx, 'correction', {
    field: input.field,
    ...sealIfPii('correctValue', input.correctValue),
    ...sealIfPii('reason', input.reason),
  })

export async function requestDeletion(input: { reason?: string }, ctx: ActionContext) {
  const caller = requireCaller(ctx)
  const pending = await pageRequests({ openid: caller.openid, kind: 'deletion', state: 'pending' }, null, 1)
  if (pending.length) return view(pending[0])
  return create(ctx, 'deletion', sealIfPii('reason', input.reason))
}

async function page(
  where: Record<string, unknown>,
  input: { cursor?: string; pageSize?: number },
): Promise<Page<RequestView>> {
  const size = pageSizeOf(input.pageSize)
  const after = decodeCursor(input.cursor, isKey)
  const rows = await pageRequests(where, after ? { ms: after.m, id: after.i } : null, size + 1)
  const items = rows.slice(0, size)
  const last = items[items.length - 1]
  return {
    items: items.map(view),
    nextCursor: rows.length > size && last ? encodeCursor({ m: last.createdAtMs, i: last._id }) : null,
  }
}

export const myRequests = (input: { cursor?: string; pageSize?: number }, ctx: ActionContext) =>
  page({ openid: requireCaller(ctx).openid }, input)

/** Admin list: the requester is shown only as a short reference, never by openid or name. */
export async function requests(
  input: { state?: PrivacyRequestDoc['state']; cursor?: string; pageSize?: number },
  ctx: ActionContext,
) {
  void ctx
  const res = await page(input.state ? { state: input.state } : {}, input)
  const full = await Promise.all(
    res.items.map(async (r) => {
      const doc = await getRequest(r.id)
      return {
        ...r,
        correctValue: doc?.correctValue ?? null,
        reason: doc?.reason ?? null,
        requester: `居民${createHash('sha256')
          .update(doc?.openid ?? '')
          .digest('hex')
          .slice(0, 6)}`,
      }
    }),
  )
  return { items: full, nextCursor: res.nextCursor }
}

export async function completeRequest(
  input: { id: string; outcome: 'done' | 'rejected'; note: string },
  ctx: ActionContext,
) {
  const caller = requireCaller(ctx)
  const r = await getRequest(input.id)
  if (!r) throw new AppError('NOT_FOUND', '申请不存在')
  if (r.state !== 'pending') throw new AppError('CONFLICT', '该申请已办结')
  const now = ctx.now()
  const at = toIsoCst(now)
  let erased: Record<string, number> | null = null
  if (r.kind === 'deletion' && input.outcome === 'done') {
    const user = await findUser(r.openid)
    const tombstone = `deleted:${createHash('sha256').update(r.openid).digest('hex').slice(0, 16)}`
    erased = await eraseAccount(r.openid, user?.personId ?? null, tombstone, at)
  }
  if (
    !(await casRequestState(r._id, {
      state: input.outcome,
      note: input.note,
      completedAt: at,
      completedBy: caller.openid,
    }))
  ) {
    throw new AppError('CONFLICT', '该申请已办结')
  }
  if (!(r.kind === 'deletion' && input.outcome === 'done')) {
    await enqueueNotification(
      {
        key: `privacy:${r._id}:${input.outcome}`,
        openid: r.openid,
        template: 'feedbackUpdate',
        data: { title: KIND[r.kind], status: STATE[input.outcome], note: input.note },
        page: deepLinks.myData(),
        title: `你的「${KIND[r.kind]}」申请${STATE[input.outcome]}`,
        body: input.note,
        fallback: null,
        source: { module: 'privacy', refId: r._id },
      },
      now,
    )
  }
  await audit(ctx, {
    event: 'privacy.completeRequest',
    targetType: 'privacyRequest',
    targetId: r._id,
    onBehalfOf: r.openid,
    outcome: 'ok',
    detail: { kind: r.kind, result: input.outcome, erased },
  })
  return { id: r._id, state: input.outcome, erased }
}
