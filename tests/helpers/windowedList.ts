/** Checks shared by the simulate tests of windowed long lists (走访名单, 反馈待办). */

/** The shown cards form one run of consecutive items: [first, last). */
export function consecutiveRun(indices: number[]): { first: number; last: number } {
  expect(indices.length).toBeGreaterThan(0)
  const first = indices[0]
  const last = indices[indices.length - 1] + 1
  expect(indices).toEqual(Array.from({ length: last - first }, (_, k) => first + k))
  return { first, last }
}

/** Waits until `cond` holds (a data update reaches the page a moment after the event). */
export async function until(cond: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for: ${what}`)
    await new Promise((r) => setTimeout(r, 20))
  }
}
