/** The passage index bundled with the assistant function is the one the library and the guides build today. */
import { readFileSync } from 'node:fs'
import { buildIndex, INDEX_FILE } from '../../scripts/buildAssistantIndex'
import { SERVICE_GUIDES } from '../../shared/assistant/guides'
import { FAQ_SEED } from '../../shared/assistant/faqSeed'
import { POLICY_LIBRARY } from '../../shared/policies/library'

describe('the assistant knowledge', () => {
  it('the bundled index is up to date (npx tsx scripts/buildAssistantIndex.ts rebuilds it)', () => {
    expect(readFileSync(INDEX_FILE, 'utf8')).toBe(JSON.stringify(buildIndex()) + '\n')
  })
  it('splits every policy into who, amounts, materials, how to apply, deadlines and source', () => {
    const idx = buildIndex()
    for (const p of POLICY_LIBRARY) {
      expect(idx.passages.filter((x) => x.refId === p.id).map((x) => x.section)).toEqual([
        'who',
        'amount',
        'materials',
        'apply',
        'deadline',
        'source',
      ])
    }
  })
  it('has at least 15 service guides and 30 FAQ entries, each FAQ link pointing at something that exists', () => {
    expect(SERVICE_GUIDES.length).toBeGreaterThanOrEqual(15)
    expect(FAQ_SEED.length).toBeGreaterThanOrEqual(30)
    for (const f of FAQ_SEED) {
      if (!f.ref) continue
      const ids = f.ref.kind === 'policy' ? POLICY_LIBRARY.map((p) => p.id) : SERVICE_GUIDES.map((g) => g.id)
      expect(ids).toContain(f.ref.id)
    }
  })
})
