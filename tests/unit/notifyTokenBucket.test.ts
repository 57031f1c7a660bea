import { TokenBucket } from '../../cloudfunctions/notify/helpers/tokenBucket'

/** A fake monotonic clock whose sleep advances it. */
function fakeTime() {
  const t = { ms: 0, slept: [] as number[] }
  return {
    t,
    clock: () => t.ms,
    sleep: async (ms: number) => {
      t.slept.push(ms)
      t.ms += ms
    },
  }
}

describe('the dispatcher token bucket', () => {
  it('given 10 per second and a burst of 10, when 30 sends ask at once, then the last one goes at about 2 s', async () => {
    const f = fakeTime()
    const bucket = new TokenBucket(10, 10, f.clock, f.sleep)
    const at: number[] = []
    await Promise.all(Array.from({ length: 30 }, () => bucket.take().then(() => at.push(f.t.ms))))
    expect(at.slice(0, 10).every((x) => x === 0)).toBe(true) // the burst
    expect(at[29]).toBeGreaterThanOrEqual(1990)
    expect(at[29]).toBeLessThanOrEqual(2010)
    // never faster than the rate after the burst
    for (let i = 11; i < 30; i++) expect(at[i] - at[i - 1]).toBeGreaterThanOrEqual(99)
  })

  it('a rate of 0 (lifted for the bench) never waits', async () => {
    const f = fakeTime()
    const bucket = new TokenBucket(0, 1, f.clock, f.sleep)
    expect(bucket.unlimited).toBe(true)
    await Promise.all(Array.from({ length: 1000 }, () => bucket.take()))
    expect(f.t.slept).toEqual([])
  })

  it('idle time refills the bucket up to the burst only', async () => {
    const f = fakeTime()
    const bucket = new TokenBucket(5, 5, f.clock, f.sleep)
    for (let i = 0; i < 5; i++) await bucket.take()
    f.t.ms += 60_000
    const start = f.t.ms
    for (let i = 0; i < 6; i++) await bucket.take()
    expect(f.t.ms - start).toBeGreaterThanOrEqual(199) // 5 from the refilled burst, the 6th waits 200 ms
    expect(f.t.ms - start).toBeLessThanOrEqual(201)
  })
})
