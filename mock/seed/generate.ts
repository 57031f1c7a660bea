/**
 * Generate the seed into a file without an emulator (e.g. for a one-million-person benchmark data set):
 *
 *   npx tsx mock/seed/generate.ts --persons 1000000 --out .data/seed.ndjson [--seed 42] [--now 2026-03-01T09:00:00+08:00]
 *
 * Writes one JSON line per document: {"collection": "...", "doc": {...}}; progress on stderr.
 */
import { createWriteStream } from 'node:fs'
import { seedAll } from './index'

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? process.argv[i + 1] : undefined
}

async function main() {
  const persons = Number(arg('persons') ?? 2000)
  const seed = Number(arg('seed') ?? 42)
  const now = arg('now') ? new Date(arg('now') as string) : new Date()
  const outPath = arg('out')
  if (!Number.isInteger(persons) || persons < 0 || !Number.isFinite(seed) || Number.isNaN(now.getTime())) {
    console.error('usage: tsx mock/seed/generate.ts --persons N --out FILE [--seed S] [--now ISO]')
    process.exit(2)
  }
  const out = outPath ? createWriteStream(outPath) : process.stdout
  const counts: Record<string, number> = {}
  const started = Date.now()
  await seedAll(
    {
      async insertMany(collection, docs) {
        counts[collection] = (counts[collection] ?? 0) + docs.length
        const chunk = docs.map((doc) => JSON.stringify({ collection, doc })).join('\n') + '\n'
        if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()))
      },
    },
    { persons, seed, now, progress: persons > 0 },
  )
  if (out !== process.stdout) await new Promise<void>((r) => (out as NodeJS.WritableStream).end(() => r()))
  console.error(`seed: ${JSON.stringify(counts)} in ${((Date.now() - started) / 1000).toFixed(1)} s`)
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
