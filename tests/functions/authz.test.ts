/**
 * The authorization harness: every action in the registry × every demo identity (and anonymous), checked
 * against the matrix in docs/authz.md. A ✗ must be refused by the role gate (UNAUTHENTICATED for anonymous,
 * FORBIDDEN otherwise) whatever the payload; a ✓ must never be. Every action needs a row.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { registry } from '../../shared/actions/index'
import { startEmulator, type TestEmulator } from '../helpers/emulator'

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
]

/** Parses the one matrix table of docs/authz.md: `fn.action` → column → allowed. */
export function parseAuthzTable(markdown: string): { rows: Map<string, Record<Column, boolean>>; problems: string[] } {
  const rows = new Map<string, Record<Column, boolean>>()
  const problems: string[] = []
  let inTable = false
  for (const line of markdown.split('\n')) {
    const cells = line.trim().startsWith('|') ? line.trim().replace(/^\||\|$/g, '').split('|').map((c) => c.trim()) : null
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
const { rows, problems } = parseAuthzTable(readFileSync(process.env.ZJ_AUTHZ_MD || join(__dirname, '..', '..', 'docs', 'authz.md'), 'utf8'))
const actions = Object.entries(registry).flatMap(([fn, mod]) => Object.keys(mod.actions).map((a) => ({ fn, action: a, key: `${fn}.${a}` })))
const GATE = ['UNAUTHENTICATED', 'FORBIDDEN']
/** A payload that must not matter to the role gate. */
const HOSTILE = JSON.parse('{"id":{"$gt":""},"openid":"o_demo_admin","roles":["admin"],"__proto__":{"admin":true},"personId":{"$ne":null}}')

let emu: TestEmulator
beforeAll(async () => {
  emu = await startEmulator()
}, 120_000)
afterAll(async () => {
  await emu?.stop()
})

test('docs/authz.md has a well-formed row for every action in the registry and none for unknown ones', () => {
  expect(problems).toEqual([])
  const missing = actions.filter((a) => !rows.has(a.key)).map((a) => a.key)
  const stale = [...rows.keys()].filter((k) => !actions.some((a) => a.key === k))
  expect({ missing, stale }).toEqual({ missing: [], stale: [] })
})

const documented = actions.filter((a) => rows.has(a.key))
test.each(documented.map((a) => [a.key, a] as const))('the role gate of %s follows docs/authz.md for every demo identity', async (_key, a) => {
  const row = rows.get(a.key)!
  const failures: string[] = []
  await Promise.all(IDENTITIES.map(async ({ openid, column }) => {
    const who = openid ?? 'anonymous'
    const r = await emu.call(openid, a.fn, { action: a.action })
    const code: string | undefined = r?.ok === false ? r.error?.code : undefined
    if (row[column]) {
      if (code && GATE.includes(code)) failures.push(`${who}: ✓ in the matrix but got ${code}`)
      if (code === 'INTERNAL') failures.push(`${who}: INTERNAL`)
    } else {
      const want = openid ? 'FORBIDDEN' : 'UNAUTHENTICATED'
      if (code !== want) failures.push(`${who}: ✗ in the matrix, want ${want}, got ${code ?? 'ok'}`)
      const hostile = await emu.call(openid, a.fn, { ...HOSTILE, action: a.action })
      const code2 = hostile?.ok === false ? hostile.error?.code : 'ok'
      if (code2 !== want) failures.push(`${who}: ✗ with a hostile payload, want ${want}, got ${code2}`)
    }
  }))
  expect(failures).toEqual([])
})
