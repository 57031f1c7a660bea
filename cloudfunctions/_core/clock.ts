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

// China-time conversions (toIsoCst, cstDateOf …) live in shared/calendar/chinaTime.ts.
