/**
 * The PII scan: when ZJ_PII_SCAN_FILE is set (npm test sets it), every function response the emulator hands
 * back is searched for unmasked 18-digit ID numbers and 11-digit mobile numbers. Responses of the audited
 * reveals that docs/contract.md allows are exempt; any other finding is appended to the file as one JSON line, and
 * tests/run.js fails the run when the file is not empty. Counts of scanned responses go to a sibling file so the
 * run can show the scan really happened.
 */
import fs from 'node:fs'
import { findUnmaskedPii } from '../../shared/mask'

/** The only actions allowed to answer an unmasked number (each audited by the function). */
export const PII_REVEAL_ACTIONS = new Set([
  'outreach.revealContact',
  'feedback.revealContact',
  'privacy.exportMyData',
  'job.revealContact',
])

let scanned = 0
let flushScheduled = false
let exitHooked = false

function flushCount(file: string): void {
  flushScheduled = false
  if (scanned === 0) return
  try {
    fs.appendFileSync(`${file}.count`, `${scanned}\n`)
  } catch {
    /* the scan report is best effort; the violations file is what fails the run */
  }
  scanned = 0
}

export function scanFunctionResponse(fn: string, event: unknown, result: unknown): void {
  const file = process.env.ZJ_PII_SCAN_FILE
  if (!file) return
  scanned++
  if (!flushScheduled) {
    flushScheduled = true
    setTimeout(() => flushCount(file), 1000).unref()
    if (!exitHooked) {
      exitHooked = true
      process.once('exit', () => flushCount(file))
    }
  }
  const action =
    event && typeof event === 'object' && typeof (event as { action?: unknown }).action === 'string'
      ? (event as { action: string }).action
      : ''
  if (PII_REVEAL_ACTIONS.has(`${fn}.${action}`)) return
  const found = findUnmaskedPii(result)
  if (found.length === 0) return
  const masked = found.map((s) => `${s.slice(0, 3)}…${s.slice(-2)} (${s.length} digits)`)
  fs.appendFileSync(file, JSON.stringify({ fn, action, found: masked, at: new Date().toISOString() }) + '\n')
}
