/**
 * A token bucket for the send rate: `ratePerSec` tokens a second, at most `burst` saved up. A rate of 0 or
 * less (or Infinity) means no limit (the bench lifts it). Uses the monotonic clock: a rate is real time.
 */
export class TokenBucket {
  private tokens: number
  private last: number
  private queue: Promise<void> = Promise.resolve()
  constructor(
    private readonly ratePerSec: number,
    private readonly burst = Math.max(1, Math.ceil(ratePerSec)),
    private readonly clock: () => number = () => performance.now(),
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {
    this.tokens = burst
    this.last = clock()
  }

  get unlimited(): boolean {
    return !(this.ratePerSec > 0) || !Number.isFinite(this.ratePerSec)
  }

  /** Resolves when one token is available (callers are served in order). */
  take(): Promise<void> {
    if (this.unlimited) return Promise.resolve()
    const next = this.queue.then(() => this.takeOne())
    this.queue = next
    return next
  }

  private async takeOne(): Promise<void> {
    for (;;) {
      const now = this.clock()
      this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.ratePerSec)
      this.last = now
      if (this.tokens >= 1) {
        this.tokens -= 1
        return
      }
      await this.sleep(((1 - this.tokens) / this.ratePerSec) * 1000)
    }
  }
}
