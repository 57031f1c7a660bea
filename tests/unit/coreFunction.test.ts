/**
 * The function wrapper's order of checks (docs/contract.md), without a database: anonymous and 'public' paths
 * never read the users collection.
 */
import { z } from 'zod'
import { createFunction } from '../../cloudfunctions/_core/function'
import { defineModule } from '../../shared/actions/define'
import { AppError } from '../../shared/errors'

process.env.ZJ_LOG = 'silent'

const demo = defineModule('demo', {
  hello: { access: 'public', summary: '问候', input: z.object({ name: z.string().min(1).max(10) }) },
  mine: { access: 'user', summary: '我的', input: z.object({}) },
  boom: { access: 'public', summary: '出错', input: z.object({}) },
  nope: { access: 'public', summary: '预期错误', input: z.object({}) },
  odd: {
    access: 'public',
    summary: '抛出的校验',
    input: z.object({
      x: z.string().transform((): string => {
        throw new Error('transform blew up')
      }),
    }),
  },
})

const seen: unknown[] = []
const main = createFunction(
  demo,
  {
    hello: async (input, ctx) => {
      seen.push(input)
      return { text: `你好，${input.name}`, at: ctx.now().getTime() }
    },
    mine: async () => ({ mine: true }),
    boom: async () => {
      throw new Error('secret detail 370102199001011234')
    },
    nope: async () => {
      throw new AppError('NOT_FOUND', '没有这条记录')
    },
    odd: async () => 'unreachable',
  },
  { triggers: { nightly: async (ctx) => ({ ran: ctx.trigger }) } },
)

const anonymous = { environment: JSON.stringify({ TCB_SOURCE: 'scf' }) }
const timer = { environment: JSON.stringify({ TCB_SOURCE: 'wx_trigger', SOURCE: 'wx_trigger' }) }
const asUser = (openid: string, extra: Record<string, unknown> = {}) => ({
  environment: JSON.stringify({ WX_OPENID: openid, ...extra }),
})

describe('createFunction', () => {
  test('given an unknown action (or none, or an inherited name), then VALIDATION_FAILED before anything else', async () => {
    for (const ev of [{ action: 'nothing' }, {}, { action: 'toString' }, { action: '__proto__' }, null, 'hello', [1]]) {
      const r = await main(ev, anonymous)
      expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } })
    }
  })

  test('given an anonymous caller and an action for users, then UNAUTHENTICATED whatever the payload', async () => {
    expect(await main({ action: 'mine' }, anonymous)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
    expect(await main({ action: 'mine', junk: { $gt: '' } }, anonymous)).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    })
  })

  test('given bad input, then VALIDATION_FAILED naming the field in Chinese and the use case never runs', async () => {
    seen.length = 0
    const r = await main({ action: 'hello', name: { $gt: '' } }, anonymous)
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.error.code).toBe('VALIDATION_FAILED')
      expect(r.error.message).toMatch(/^name：/)
    }
    expect(seen).toEqual([])
  })

  test('given good input with unknown fields, then the use case gets only the declared fields', async () => {
    seen.length = 0
    const r = await main({ action: 'hello', name: '小李', isAdmin: true, __proto__x: 1 }, anonymous)
    expect(r).toMatchObject({ ok: true, data: { text: '你好，小李' } })
    expect(seen).toEqual([{ name: '小李' }])
  })

  test('given the emulator moved the clock, then ctx.now() follows it', async () => {
    const r = await main(
      { action: 'hello', name: '时钟' },
      { environment: JSON.stringify({ ZJ_CLOCK_OFFSET_MS: String(86_400_000) }) },
    )
    expect(r.ok && (r.data as { at: number }).at - Date.now()).toBeGreaterThan(86_000_000)
  })

  test('given an unexpected error, then INTERNAL without its detail; an expected one keeps its code and message', async () => {
    const r = await main({ action: 'boom' }, anonymous)
    expect(r).toEqual({ ok: false, error: { code: 'INTERNAL', message: '系统繁忙，请稍后再试' } })
    expect(await main({ action: 'nope' }, anonymous)).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: '没有这条记录' },
    })
  })

  test('given a schema that throws on odd input, then it is still VALIDATION_FAILED', async () => {
    expect(await main({ action: 'odd', x: 'a' }, anonymous)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    })
  })

  test('given a timer invocation (the platform context says wx_trigger), then the named trigger runs', async () => {
    expect(await main({ Type: 'Timer', TriggerName: 'nightly' }, timer)).toEqual({ ok: true, data: { ran: 'nightly' } })
    expect(await main({ Type: 'Timer', TriggerName: 'other' }, timer)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    })
  })

  test('given a caller who sends a timer-shaped event, anonymous or not, then it is only an unknown action and no trigger runs', async () => {
    for (const context of [
      anonymous,
      asUser('o_x'),
      asUser('o_x', { TCB_SOURCE: 'wx_trigger' }),
      { environment: '{}' },
      undefined,
    ]) {
      expect(await main({ Type: 'Timer', TriggerName: 'nightly' }, context)).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION_FAILED', message: '未知的操作' },
      })
    }
  })
})

describe('infrastructure failures', () => {
  const failing = (code: string) =>
    createFunction(defineModule('infra', { go: { access: 'public', summary: '试', input: z.object({}) } }), {
      go: async () => {
        throw Object.assign(new Error(`boom ${code}`), { code })
      },
    })
  test('given the database or network is unavailable, then UPSTREAM_UNAVAILABLE (retry later), not INTERNAL', async () => {
    for (const code of ['DATABASE_REQUEST_FAILED', 'ECONNREFUSED', 'ETIMEDOUT', 'UPSTREAM_UNAVAILABLE']) {
      expect(await failing(code)({ action: 'go' }, anonymous)).toEqual({
        ok: false,
        error: { code: 'UPSTREAM_UNAVAILABLE', message: '服务暂时不可用，请稍后再试' },
      })
    }
  })
  test('given a transaction still conflicting after the retries, then CONFLICT; any other code stays INTERNAL', async () => {
    expect(await failing('DATABASE_TRANSACTION_CONFLICT')({ action: 'go' }, anonymous)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    })
    expect(await failing('DATABASE_COLLECTION_NOT_EXIST')({ action: 'go' }, anonymous)).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL' },
    })
  })
})
