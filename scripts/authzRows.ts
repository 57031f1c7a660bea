/**
 * Print the docs/authz.md rows that the registry's `access` declarations imply, for one module or all:
 *   npx tsx scripts/authzRows.ts [module]
 * A starting point to review, not a substitute for deciding who may do what.
 */
import { registry } from '../shared/actions/index'
import { allows, type Role } from '../shared/actions/define'

const COLUMNS: (Role[] | null)[] = [
  null,
  ['resident'],
  ['resident', 'grid'],
  ['resident', 'handler'],
  ['resident', 'admin'],
]
const only = process.argv[2]
for (const [fn, mod] of Object.entries(registry)) {
  if (only && fn !== only) continue
  for (const [action, spec] of Object.entries(mod.actions)) {
    const cells = COLUMNS.map((roles) => (allows(spec.access, roles) === 'ok' ? '✓' : '✗'))
    console.log(`| \`${fn}.${action}\` | ${cells.join(' | ')} |  |`)
  }
}
