import { readCachedPerson, readListCache, saveListCache, MAX_CACHED_ITEMS } from '../../shared/outreach/listCache'
import type { QueueStorage } from '../../shared/outreach/syncQueue'
import type { OutreachListItem } from '../../shared/outreach/types'

function aStorage(): QueueStorage & { data: Map<string, string> } {
  const data = new Map<string, string>()
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) }
}

function anItem(n: number): OutreachListItem {
  return {
    personId: `p${n}`,
    name: `居民${n}`,
    sex: 'male',
    age: 40,
    idNumber: '3701**********1234',
    phone: '138****5678',
    gridCode: '370102001-01',
    residenceRegion: '370102',
    streetCode: '370102001',
    employmentStatus: 'unemployed',
    keyGroups: ['registeredUnemployed'],
    priority: 60,
    level: 'medium',
    reasons: [{ code: 'registeredUnemployed', text: '登记失业已满45天，了解求职需求' }],
    startAt: '2026-11-01T00:00:00+08:00',
    dueAt: '2026-11-08T00:00:00+08:00',
    stage: 'invite',
    stageText: '待邀约走访',
    escalatedTo: null,
    taskIds: [],
    lastVisit: null,
  }
}

describe('offline list cache', () => {
  it('given a loaded list, when the phone goes offline, then the list and each person come back from storage with their age', async () => {
    const s = aStorage()
    await saveListCache(s, [anItem(1), anItem(2)], 1_700_000_000_000)
    const cached = await readListCache(s)
    expect(cached?.fetchedAtMs).toBe(1_700_000_000_000)
    expect(cached?.items.map((i) => i.personId)).toEqual(['p1', 'p2'])
    expect((await readCachedPerson(s, 'p2'))?.reasons[0].text).toBe('登记失业已满45天，了解求职需求')
    expect(await readCachedPerson(s, 'p9')).toBeNull()
  })
  it('given a very long list, then at most the cap is kept on the phone', async () => {
    const s = aStorage()
    await saveListCache(
      s,
      Array.from({ length: MAX_CACHED_ITEMS + 20 }, (_, i) => anItem(i)),
      1,
    )
    expect((await readListCache(s))?.items).toHaveLength(MAX_CACHED_ITEMS)
  })
  it('given nothing or garbage stored, then no cache', async () => {
    const s = aStorage()
    expect(await readListCache(s)).toBeNull()
    s.data.set('outreach.listCache', '{not json')
    expect(await readListCache(s)).toBeNull()
  })
})
