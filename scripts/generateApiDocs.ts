/**
 * An index of every action from the registry, and a check that docs/api.md documents each one
 * (a `### ` heading under `## <function>` that names it in backticks; one heading may name several):
 *   npx tsx scripts/generateApiDocs.ts           # print the index (markdown) and what is undocumented
 *   npx tsx scripts/generateApiDocs.ts --check   # exit 1 when an action is undocumented
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { registry } from '../shared/actions/index'
import type { ActionSpec } from '../shared/actions/define'

const api = readFileSync(join(__dirname, '..', 'docs', 'api.md'), 'utf8')
const sections = new Map<string, string>()
for (const part of api.split(/^## /m).slice(1)) sections.set(part.split('\n')[0].trim(), part)

const access = (a: ActionSpec['access']) => (typeof a === 'string' ? a : a.join(', '))
const missing: string[] = []
const lines = ['| function | action | access | kind | summary |', '| --- | --- | --- | --- | --- |']
for (const [fn, mod] of Object.entries(registry)) {
  const section = sections.get(fn) ?? ''
  for (const [name, spec] of Object.entries(mod.actions as Record<string, ActionSpec>)) {
    const kind = [
      spec.write ? 'write' : 'read',
      spec.list ? 'list' : '',
      spec.rateLimit ? `≤ ${spec.rateLimit.max}/${spec.rateLimit.windowSec ?? 3600}s` : '',
    ]
      .filter(Boolean)
      .join(', ')
    lines.push(`| \`${fn}\` | \`${name}\` | ${access(spec.access)} | ${kind} | ${spec.summary} |`)
    if (!new RegExp(`^###\\s.*\`${name}\``, 'm').test(section)) missing.push(`${fn}.${name}`)
  }
}
console.log(lines.join('\n'))
if (missing.length) console.error(`\nnot documented in docs/api.md: ${missing.join(', ')}`)
if (process.argv.includes('--check') && missing.length) process.exit(1)
