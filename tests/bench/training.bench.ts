/**
 * npm run bench:training — the signup burst through the real SDK against the local emulator:
 * 1,000 distinct residents at once for 50 seats, then 10 cancellations. Prints p50/p95 per signup and total.
 */
import { startEmulator } from '../helpers/emulator'
import { p, runBurst } from '../helpers/trainingBurst'

async function main() {
  process.env.ZJ_LOG = process.env.ZJ_LOG ?? 'silent'
  const emu = await startEmulator()
  try {
    const r = await runBurst(emu, { signups: 1000, seats: 50, cancels: 10 })
    const p50 = p(r.latenciesMs, 50), p95 = p(r.latenciesMs, 95)
    console.log(`signups: 1000, seats: 50 → confirmed ${r.confirmed.length}, waitlisted ${r.waitlisted.length}, failed ${r.failed.length}, duplicates ${r.duplicates}`)
    console.log(`per signup: p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms (target p95 ≤ 500 ms); burst total ${r.totalMs.toFixed(0)} ms`)
    console.log(`after 10 cancellations: promoted ${r.promoted.length} (expected the first 10 of the waitlist)`)
    console.log(JSON.stringify({
      bench: 'training', signups: 1000, seats: 50, confirmed: r.confirmed.length, waitlisted: r.waitlisted.length,
      duplicates: r.duplicates, p95_ms: Math.round(p95 * 10) / 10, total_ms: Math.round(r.totalMs),
    }))
  } finally {
    await emu.stop()
  }
}
main().catch((e) => { console.error(e); process.exit(1) })
