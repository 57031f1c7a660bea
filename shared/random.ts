/**
 * The one seeded pseudo-random generator (mulberry32) and its helpers, used by the seed, synthetic facts,
 * tests and benches: the same seed gives the same sequence. Pure: values in [0, 1).
 */
export type Random = () => number

export function createRandom(seed: number): Random {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export const intBetween = (r: Random, min: number, max: number): number => min + Math.floor(r() * (max - min + 1))
export const pick = <T>(r: Random, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]
export const chance = (r: Random, p: number): boolean => r() < p

/** Pick by weights: [[value, weight], ...]. */
export function weighted<T>(r: Random, table: readonly (readonly [T, number])[]): T {
  let total = 0
  for (const [, w] of table) total += w
  let x = r() * total
  for (const [v, w] of table) {
    x -= w
    if (x < 0) return v
  }
  return table[table.length - 1][0]
}

/** Precomputed weighted picker for hot loops (binary search over cumulative weights). */
export function weightedPicker<T>(table: readonly (readonly [T, number])[]): (r: Random) => T {
  const values = table.map(([v]) => v)
  const cum: number[] = []
  let total = 0
  for (const [, w] of table) cum.push((total += w))
  return (r) => {
    const x = r() * total
    let lo = 0,
      hi = cum.length - 1
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (cum[mid] > x) hi = mid
      else lo = mid + 1
    }
    return values[lo]
  }
}
