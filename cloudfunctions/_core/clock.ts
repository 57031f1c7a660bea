/**
 * The functions' notion of now. In production it is the real time. The local emulator can move it
 * (POST /_emulator/clock) and tells each invocation by the context variable ZJ_CLOCK_OFFSET_MS.
 */
export type Clock = () => Date

export function clockFromEnv(env: Record<string, unknown>): Clock {
  const offset = Number(env.ZJ_CLOCK_OFFSET_MS ?? 0)
  if (!Number.isFinite(offset) || offset === 0) return () => new Date()
  return () => new Date(Date.now() + offset)
}

/** ISO-8601 with +08:00 (the contract's time format). */
export function toIsoCst(d: Date | number | string): string {
  const t = new Date(d).getTime() + 8 * 3600_000
  return new Date(t).toISOString().replace('Z', '+08:00')
}
