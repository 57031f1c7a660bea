/**
 * The authorization harness: every action in the registry × every demo identity (and anonymous, and an openid
 * never seen before), checked against the matrix in docs/authz.md, with the action's example input from the
 * registry (a valid payload) and with a hostile one.
 * - ✗: refused by the role gate (UNAUTHENTICATED for anonymous, FORBIDDEN otherwise, `details.stage: 'access'`)
 *   whatever the payload, and the refusals wrote nothing (not even a user document for a new openid).
 * - ✓: the example gets past the gate and the schema to the use case: never a gate refusal, never a schema
 *   VALIDATION_FAILED (`details.stage: 'input'`), never INTERNAL. Object-level answers (NOT_FOUND, FORBIDDEN of
 *   another grid…) are use-case answers and fine here; each module's suite tests them.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { registry } from '../../shared/actions/index'
import type { ActionSpec } from '../../shared/actions/define'
import { startEmulator, type TestEmulator } from '../helpers/emulator'
import { writeSnapshot, describeChanges } from '../helpers/writeSnapshot'

const COLUMNS = ['anonymous', 'resident', 'grid', 'handler', 'admin'] as const
type Column = (typeof COLUMNS)[number]
const IDENTITIES: { openid: string | null; column: Column }[] = [
  { openid: null, column: 'anonymous' },
  { openid: 'o_demo_resident', column: 'resident' },
  { openid: 'o_demo_resident2', column: 'resident' },
  { openid: 'o_demo_grid', column: 'grid' },
  { openid: 'o_demo_grid2', column: 'grid' },
  { openid: 'o_demo_handler', column: 'handler' },
  { openid: 'o_demo_handler2', column: 'handler' },
  { openid: 'o_demo_admin', column: 'admin' },
  { openid: 'o_authz_newcomer', column: 'resident' },
]

/** Parses the one matrix table of docs/authz.md: `fn.action` → column → allowed. */
export function parseAuthzTable(markdown: string): { rows: Map<string, Record<Column, boolean>>; problems: string[] } {
  const rows = new Map<string, Record<Column, boolean>>()
  const problems: string[] = []
  let inTable = false
  for (const line of markdown.split('\n')) {
    const cells = line.trim().startsWith('|')
      ? line
          .trim()
          .replace(/^\||\|$/g, '')
          .split('|')
          .map((c) => c.trim())
      : null
    if (!cells) {
      inTable = false
      continue
    }
    if (cells[0] === 'action' && COLUMNS.every((c, i) => cells[i + 1] === c)) {
      inTable = true
      continue
    }
    if (!inTable || /^-+$/.test(cells[0])) continue
    const action = cells[0].replace(/`/g, '')
    const marks = cells.slice(1, 1 + COLUMNS.length)
    if (marks.length < COLUMNS.length || marks.some((m) => m !== '✓' && m !== '✗')) {
      problems.push(`${action}: each of ${COLUMNS.join(', ')} must be ✓ or ✗ (got ${marks.join(' ')})`)
      continue
    }
    if (rows.has(action)) problems.push(`${action}: more than one row`)
    rows.set(action, Object.fromEntries(COLUMNS.map((c, i) => [c, marks[i] === '✓'])) as Record<Column, boolean>)
  }
  return { rows, problems }
}

// ZJ_AUTHZ_MD: check another copy of the matrix (e.g. a draft) instead of docs/authz.md
const { rows, problems } = parseAuthzTable(
  readFileSync(process.env.ZJ_AUTHZ_MD || join(__dirname, '..', '..', 'docs', 'authz.md'), 'utf8'),
)
const actions = Object.entries(registry).flatMap(([fn, mod]) =>
  Object.entries(mod.actions as Record<string, ActionSpec>).map(([a, spec]) => ({
    fn,
    action: a,
    key: `${fn}.${a}`,
    example: spec.example ?? {},
  })),
)
/** A payload that must not matter to the role gate. */
const HOSTILE = JSON.parse(
  '{"id":{"$gt":""},"openid":"o_demo_admin","roles":["admin"],"__proto__":{"admin":true},"personId":{"$ne":null}}',
)

let emu: TestEmulator
/** Pinned with the seed (a Wednesday 10:00 China time, a working day): nothing here follows the real date or hour. */
const NOW = '2026-12-02T10:00:00+08:00'
beforeAll(async () => {
  emu = await startEmulator({ now: NOW })
}, 120_000)
afterAll(async () => {
  await emu?.stop()
})

const snapshot = () => writeSnapshot(emu)
const diff = describeChanges

type Answer = { ok?: boolean; error?: { code?: string; details?: { stage?: string } } } | undefined
const stageOf = (r: Answer) => (r?.ok === false ? r.error?.details?.stage : undefined)
const codeOf = (r: Answer) => (r?.ok === false ? r.error?.code : r?.ok === true ? 'ok' : 'not an envelope')

test('docs/authz.md has a well-formed row for every action in the registry and none for unknown ones', () => {
  expect(problems).toEqual([])
  const missing = actions.filter((a) => !rows.has(a.key)).map((a) => a.key)
  const stale = [...rows.keys()].filter((k) => !actions.some((a) => a.key === k))
  expect({ missing, stale }).toEqual({ missing: [], stale: [] })
})

const documented = actions.filter((a) => rows.has(a.key))
test.each(documented.map((a) => [a.key, a] as const))(
  '%s follows docs/authz.md for every identity: refusals write nothing, allowed example calls reach the use case',
  async (_key, a) => {
    const row = rows.get(a.key)!
    const failures: string[] = []
    await emu.call(null, a.fn, { action: '__warmup__' })
    // refused cells first, all of them, between two snapshots
    const refused = IDENTITIES.filter((i) => !row[i.column])
    const before = snapshot()
    await Promise.all(
      refused.map(async ({ openid }) => {
        const who = openid ?? 'anonymous'
        const want = openid ? 'FORBIDDEN' : 'UNAUTHENTICATED'
        for (const [label, payload] of [
          ['example', a.example],
          ['hostile', HOSTILE],
          ['empty', {}],
        ] as const) {
          const r: Answer = await emu.call(openid, a.fn, { ...payload, action: a.action })
          if (codeOf(r) !== want || stageOf(r) !== 'access')
            failures.push(
              `${who}: ✗ with the ${label} payload, want ${want} from the role gate, got ${codeOf(r)} (${stageOf(r) ?? 'no stage'})`,
            )
        }
      }),
    )
    const changed = diff(before, snapshot())
    if (changed.length) failures.push(`refused calls wrote: ${changed.join('; ')}`)
    // allowed cells: the valid example reaches the use case
    for (const { openid, column } of IDENTITIES.filter((i) => row[i.column])) {
      const who = `${openid ?? 'anonymous'} (${column})`
      const r: Answer = await emu.call(openid, a.fn, { ...a.example, action: a.action })
      const code = codeOf(r)
      const stage = stageOf(r)
      if (stage === 'access') failures.push(`${who}: ✓ in the matrix but refused by the role gate (${code})`)
      else if (stage === 'input')
        failures.push(
          `${who}: the registry example was refused by the schema: ${JSON.stringify(r?.error).slice(0, 200)}`,
        )
      else if (code === 'INTERNAL' || code === 'not an envelope' || code === 'UNAUTHENTICATED')
        failures.push(`${who}: ${code}`)
    }
    expect(failures).toEqual([])
  },
  60_000,
)
