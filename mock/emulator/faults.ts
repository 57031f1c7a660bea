/**
 * Injected faults (POST /_emulator/faults): fail or delay the next N operations of a service.
 */
import { EmulatorError, invalidParam } from './emulatorError'

export type FaultService = 'database' | 'wechat' | 'functions' | 'storage'
export interface FaultSpec {
  service: FaultService
  mode: 'fail' | 'delay'
  count: number
  delayMs?: number
  code?: string
}

const SERVICES: FaultService[] = ['database', 'wechat', 'functions', 'storage']
const DEFAULT_CODES: Record<FaultService, string> = {
  database: 'DATABASE_REQUEST_FAILED',
  functions: 'FUNCTIONS_EXECUTE_FAIL',
  storage: 'STORAGE_REQUEST_FAIL',
  wechat: '-1',
}

export function parseFaultSpec(body: unknown): FaultSpec {
  const b = (body ?? {}) as Record<string, unknown>
  if (!SERVICES.includes(b.service as FaultService)) throw invalidParam(`service 必须是 ${SERVICES.join(' | ')}`)
  if (b.mode !== 'fail' && b.mode !== 'delay') throw invalidParam("mode 必须是 'fail' | 'delay'")
  const count = b.count === undefined ? 1 : Number(b.count)
  if (!Number.isInteger(count) || count < 0) throw invalidParam('count 必须是非负整数')
  const delayMs = b.delayMs === undefined ? 1000 : Number(b.delayMs)
  if (!Number.isFinite(delayMs) || delayMs < 0) throw invalidParam('delayMs 不合法')
  return {
    service: b.service as FaultService,
    mode: b.mode,
    count,
    delayMs,
    code: typeof b.code === 'string' ? b.code : undefined,
  }
}

export function createFaults() {
  let queue: FaultSpec[] = []
  return {
    inject(spec: FaultSpec): void {
      if (spec.count > 0) queue.push({ ...spec })
    },
    /** Consume one pending fault of the service: throws (fail) or waits (delay); resolves at once without one. */
    async take(service: FaultService): Promise<void> {
      const i = queue.findIndex((f) => f.service === service && f.count > 0)
      if (i < 0) return
      const f = queue[i]
      f.count--
      if (f.count <= 0) queue.splice(i, 1)
      if (f.mode === 'delay') {
        await new Promise((r) => setTimeout(r, f.delayMs ?? 1000))
        return
      }
      throw new EmulatorError(f.code ?? DEFAULT_CODES[service], `injected fault (${service})`)
    },
    pending: (): FaultSpec[] => queue.map((f) => ({ ...f })),
    reset(): void {
      queue = []
    },
  }
}

export type Faults = ReturnType<typeof createFaults>
