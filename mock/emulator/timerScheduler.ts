/**
 * Fires timer triggers on their cron while `npm run emulator` runs (off in tests). CloudBase timer crons
 * have 7 fields (second minute hour day month weekday year); 5- and 6-field forms are accepted too.
 * Supports `*`, `*\/n`, `a-b`, `a-b/n`, lists; evaluated in China time (UTC+8), as CloudBase does.
 */
import { cstWallClock } from '../../shared/calendar/chinaTime'
interface Timer {
  fn: string
  name: string
  config: string
}

function fieldMatches(spec: string, value: number, min: number): boolean {
  return spec.split(',').some((part) => {
    const [range, stepText] = part.split('/')
    const step = stepText ? Number(stepText) : 1
    if (range === '*' || range === '?') return (value - min) % step === 0
    const [a, b] = range.split('-').map(Number)
    const hi = b === undefined ? (stepText ? Infinity : a) : b
    return value >= a && value <= hi && (value - a) % step === 0
  })
}

export function cronMatches(config: string, at: Date): boolean {
  let f = config.trim().split(/\s+/)
  if (f.length === 5) f = ['0', ...f]
  if (f.length < 6) return false
  const cst = cstWallClock(at)
  const [sec, min, hour, day, month, week] = f
  const weekday = cst.getUTCDay()
  return (
    fieldMatches(sec, cst.getUTCSeconds(), 0) &&
    fieldMatches(min, cst.getUTCMinutes(), 0) &&
    fieldMatches(hour, cst.getUTCHours(), 0) &&
    fieldMatches(day, cst.getUTCDate(), 1) &&
    fieldMatches(month, cst.getUTCMonth() + 1, 1) &&
    (fieldMatches(week, weekday, 0) || (weekday === 0 && fieldMatches(week, 7, 0)))
  )
}

export function createScheduler(opts: {
  now: () => Date
  timers: () => Timer[]
  fire: (fn: string, name: string) => Promise<void>
  log: (l: string) => void
}) {
  let last = Math.floor(opts.now().getTime() / 1000)
  const running = new Set<string>()
  const tick = setInterval(() => {
    const current = Math.floor(opts.now().getTime() / 1000)
    // catch up at most a minute of seconds (the clock may have been moved)
    const from = Math.max(last + 1, current - 60)
    last = current
    let timers: Timer[]
    try {
      timers = opts.timers()
    } catch {
      return
    }
    for (let s = from; s <= current; s++) {
      const at = new Date(s * 1000)
      for (const t of timers) {
        const key = `${t.fn}/${t.name}`
        if (running.has(key) || !cronMatches(t.config, at)) continue
        running.add(key)
        opts.log(`[emulator] timer ${key} (${t.config})`)
        opts
          .fire(t.fn, t.name)
          .catch((e) => opts.log(`[emulator] timer ${key} failed: ${String(e)}`))
          .finally(() => running.delete(key))
      }
    }
  }, 1000)
  tick.unref()
  return { stop: () => clearInterval(tick) }
}
