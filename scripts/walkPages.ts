/**
 * The UX walk (docs/ux-walk.md) as a script: every page of the H5 build at 375×667, normal mode and 长辈版, a
 * screenshot each into test-output/ux-walk/ (git-ignored) and the measured findings printed per page.
 *
 *   npx tsx scripts/walkPages.ts                 # starts its own stack (reuses the cached H5 build)
 *   npx tsx scripts/walkPages.ts --only jobs,home --mode elder
 *   WALK_APP_URL=http://127.0.0.1:10086 WALK_SERVICE_URL=http://127.0.0.1:9000/admin npx tsx scripts/walkPages.ts
 *
 * tests/e2e/pageWalk.test.ts runs the same walk and fails on any finding.
 */
import { startAppStack } from '../tests/helpers/browser'
import { findWalkIds, walk, WALK_OUTPUT, WALK_PAGES } from '../tests/helpers/pageWalk'

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? process.argv[i + 1] : undefined
}

async function main(): Promise<void> {
  const only = arg('only')?.split(',')
  const mode = arg('mode')
  const stack = process.env.WALK_APP_URL && process.env.WALK_SERVICE_URL ? null : await startAppStack()
  const appUrl = stack?.url ?? String(process.env.WALK_APP_URL)
  const serviceUrl = stack?.emulator.serviceUrl ?? String(process.env.WALK_SERVICE_URL)
  try {
    const ids = await findWalkIds(serviceUrl, appUrl)
    const pages = only ? WALK_PAGES.filter((p) => only.includes(p.name)) : WALK_PAGES
    let total = 0
    for (const elder of mode === 'elder' ? [true] : mode === 'normal' ? [false] : [false, true]) {
      await walk({
        appUrl,
        ids,
        elder,
        pages,
        onPage: (r) => {
          total += r.probe.findings.length
          const head = `[${r.mode}] ${r.name} (${r.who}) ${r.path} — ${r.probe.title || 'no title'}`
          console.log(head)
          for (const s of r.probe.states) console.log(`    state: ${s}`)
          for (const f of r.probe.findings) console.log(`    ✗ ${f}`)
        },
      })
    }
    console.log(`screenshots in ${WALK_OUTPUT}; ${total} findings`)
  } finally {
    await stack?.stop()
  }
}

void main().catch((e) => {
  console.error(e)
  process.exit(1)
})
