/**
 * npm run bench:training — the signup burst through the real SDK against the local emulator:
 * 1,000 distinct residents at once for 50 seats, then 10 cancellations. Prints p50/p95 per signup and total.
 *
 * Baseline, measured in the same run on the same emulator: 1,000 other new residents call the cheapest signed-in
 * action there is (`user.getProfile`: identity from the context, the user record created) at once. Every call of a
 * burst waits for the ones ahead of it on this one emulator process, so that floor shows what "1,000 at once"
 * costs before a signup does anything; the ratio and the SDK requests per call show what the signup itself adds.
 */
import { startEmulator, type TestEmulator } from '../helpers/emulator'
import { p, runBurst } from '../helpers/trainingBurst'

/** BENCH_SIGNUPS: a smaller burst while developing (50 seats, or a twentieth of a smaller burst). */
const N = Number(process.env.BENCH_SIGNUPS ?? 1000)
const SEATS = Math.min(50, Math.max(1, Math.floor(N / 20)))

async function requestsServed(emu: TestEmulator): Promise<number> {
  const s = await emu.admin<{ requests: Record<string, number> }>('/_emulator/stats')
  return Object.values(s.requests).reduce((a, b) => a + b, 0)
}

/** Baseline: N new residents call user.getProfile at once. */
async function floor(emu: TestEmulator) {
  // warm: the function loaded and compiled before anything is timed (the burst that follows runs warm too)
  for (let i = 0; i < 50; i++) await emu.call(`o_floor_warm_${i}`, 'user', { action: 'getProfile' })
  await emu.admin('/_emulator/stats/reset', {})
  const latencies: number[] = []
  const t0 = performance.now()
  await Promise.all(
    Array.from({ length: N }, async (_v, i) => {
      const t = performance.now()
      const r = await emu.call(`o_floor_${String(i).padStart(5, '0')}`, 'user', { action: 'getProfile' })
      if (!r.ok) throw new Error('getProfile failed: ' + JSON.stringify(r.error))
      latencies.push(performance.now() - t)
    }),
  )
  const totalMs = performance.now() - t0
  return { p50: p(latencies, 50), p95: p(latencies, 95), totalMs, requestsPerCall: (await requestsServed(emu)) / N }
}

async function main() {
  process.env.ZJ_LOG = process.env.ZJ_LOG ?? 'silent'
  const emu = await startEmulator()
  try {
    const base = await floor(emu)
    await emu.admin('/_emulator/stats/reset', {})
    let burstRequests = 0
    const r = await runBurst(emu, {
      signups: N,
      seats: SEATS,
      cancels: Math.min(10, SEATS),
      afterBurst: async () => {
        burstRequests = await requestsServed(emu)
      },
    })
    const p50 = p(r.latenciesMs, 50),
      p95 = p(r.latenciesMs, 95)
    // the burst's requests include the admin's course creation (one call, a few requests)
    const perSignup = burstRequests / N
    console.log(
      `baseline: ${N} new residents call user.getProfile at once → p50 ${base.p50.toFixed(1)} ms, p95 ${base.p95.toFixed(1)} ms, total ${base.totalMs.toFixed(0)} ms, ${base.requestsPerCall.toFixed(1)} SDK requests per call`,
    )
    console.log(
      `signups: ${N}, seats: ${SEATS} → confirmed ${r.confirmed.length}, waitlisted ${r.waitlisted.length}, failed ${r.failed.length}, duplicates ${r.duplicates}`,
    )
    console.log(
      `per signup: p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms (target p95 ≤ 500 ms); burst total ${r.totalMs.toFixed(0)} ms, ${perSignup.toFixed(1)} SDK requests per signup`,
    )
    const signupsPerS = N / (r.totalMs / 1000)
    const baselinePerS = N / (base.totalMs / 1000)
    console.log(
      `throughput: ${signupsPerS.toFixed(0)} signups/s vs ${baselinePerS.toFixed(0)} user.getProfile calls/s (baseline) on one emulator process`,
    )
    console.log(
      `signup p95 / baseline p95: ${(p95 / base.p95).toFixed(2)}× (a burst on one emulator process queues: p95 ≈ 0.95 × total)`,
    )
    console.log(`after 10 cancellations: promoted ${r.promoted.length} (expected the first 10 of the waitlist)`)
    console.log(
      JSON.stringify({
        bench: 'training',
        signups: N,
        seats: SEATS,
        confirmed: r.confirmed.length,
        waitlisted: r.waitlisted.length,
        duplicates: r.duplicates,
        p95_ms: Math.round(p95 * 10) / 10,
        total_ms: Math.round(r.totalMs),
        baseline_p95_ms: Math.round(base.p95 * 10) / 10,
        ratio_to_baseline: Math.round((p95 / base.p95) * 100) / 100,
        requests_per_signup: Math.round(perSignup * 10) / 10,
        signups_per_s: Math.round(signupsPerS),
        baseline_calls_per_s: Math.round(baselinePerS),
      }),
    )
  } finally {
    await emu.stop()
  }
}
main().catch((e) => {
  console.error(e)
  process.exit(1)
})
