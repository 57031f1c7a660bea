/**
 * The UX walk (docs/ux-walk.md, tests/helpers/pageWalk.ts): every page of the H5 build at 375×667, as the identity
 * that reaches it, in normal mode and in 长辈版, a screenshot each into test-output/ux-walk/<mode>/ and the layout
 * checks measured in the page (tab bar, navigation bar, tap targets, centred labels, text areas, clipped tags,
 * internal codes, raw JSON, 「即将上线」). Any finding fails the test with the page and what was found.
 * `npx tsx scripts/walkPages.ts` runs the same walk and prints it.
 */
import { useAppStack } from '../helpers/browser'
import { findWalkIds, walk, type WalkIds, type WalkResult } from '../helpers/pageWalk'

jest.setTimeout(600_000)

const app = useAppStack()
let ids: WalkIds

beforeAll(async () => {
  ids = await findWalkIds(app.emulator.serviceUrl, app.url)
})

const report = (results: WalkResult[]) =>
  results.filter((r) => r.probe.findings.length > 0).map((r) => `${r.name} (${r.path}): ${r.probe.findings.join('; ')}`)

describe.each([
  { mode: 'normal', elder: false },
  { mode: '长辈版', elder: true },
])('H5 UX walk ($mode)', ({ elder }) => {
  it('given every page as who reaches it, then none shows a layout defect, an internal code or 「即将上线」', async () => {
    const results = await walk({ appUrl: app.url, ids, elder })
    expect(results.length).toBeGreaterThan(60)
    expect(report(results)).toEqual([])
  })
})
