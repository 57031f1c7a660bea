/** Structured logs. Every string is passed through maskText so that no ID or phone number reaches a log. */
import { maskText } from '../../shared/mask'

export interface Logger {
  info(msg: string, detail?: Record<string, unknown>): void
  warn(msg: string, detail?: Record<string, unknown>): void
  error(msg: string, detail?: Record<string, unknown>): void
}

const safe = (v: unknown): string => {
  try {
    return maskText(
      typeof v === 'string'
        ? v
        : JSON.stringify(v, (_k, x) => (x instanceof Error ? { name: x.name, message: x.message, stack: x.stack } : x)),
    )
  } catch {
    return '[unserializable]'
  }
}

export function createLogger(scope: Record<string, unknown>): Logger {
  const write = (level: string, msg: string, detail?: Record<string, unknown>) => {
    if (process.env.ZJ_LOG === 'silent') return
    const line = safe({ level, msg, ...scope, ...(detail ?? {}) })
    if (level === 'error') console.error(line)
    else if (process.env.ZJ_LOG === 'verbose' || level === 'warn') console.log(line)
  }
  return {
    info: (m, d) => write('info', m, d),
    warn: (m, d) => write('warn', m, d),
    error: (m, d) => write('error', m, d),
  }
}
