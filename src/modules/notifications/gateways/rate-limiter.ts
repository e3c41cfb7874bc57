import type { WaProvider } from './wa-gateway.ts';

/** Monotonic milliseconds and a way to wait: injected so tests move time by hand. */
export type Timer = { now(): number; sleep(ms: number): Promise<void> };

export const realTimer: Timer = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export type BucketSettings = {
  /** Sustained messages per second; `Infinity` means unlimited. */
  perSecond: number;
  /** How many may go back to back after an idle spell (bucket size). Default 1. */
  burst?: number;
  /**
   * Up to this many ms of random extra delay per message. Unofficial gateways get numbers
   * banned for machine-regular spacing; jitter does not lower the sustained rate because it
   * delays each send without moving the schedule of the ones behind it.
   */
  jitterMs?: number;
};

export type TokenBucketOptions = Pick<BucketSettings, 'perSecond' | 'burst'> & { timer?: Timer };

/** A token bucket that refuses when empty: how the stand-ins enforce a provider's rate limit. */
export class TokenBucket {
  private readonly perSecond: number;
  private readonly burst: number;
  private readonly timer: Timer;
  private tokens: number;
  private refilledAt: number;

  constructor(options: TokenBucketOptions) {
    if (!(options.perSecond > 0)) throw new RangeError('perSecond must be positive');
    this.perSecond = options.perSecond;
    this.burst = Math.max(1, options.burst ?? 1);
    this.timer = options.timer ?? realTimer;
    this.tokens = this.burst;
    this.refilledAt = this.timer.now();
  }

  /** Takes a token only if one is there now; never waits. */
  tryTake(): boolean {
    this.refill();
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  private refill(): void {
    const now = this.timer.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.refilledAt) * this.perSecond) / 1000);
    this.refilledAt = now;
  }
}

/**
 * Defaults per provider. Cloud API allows 80 msg/s per number by default; we stay below it.
 * Fonnte and Wablas drive a personal WhatsApp session, where bursts are what gets numbers
 * banned: one message every ~2 s with jitter is a cautious start, operators can raise it.
 * SharedSenderLimiter holds them across processes (`burst` only matters to the stand-ins).
 */
export const defaultSenderLimits: Record<WaProvider, BucketSettings> = {
  whatsapp_cloud: { perSecond: 50, burst: 10 },
  fonnte: { perSecond: 0.5, burst: 1, jitterMs: 1500 },
  wablas: { perSecond: 0.5, burst: 1, jitterMs: 1500 },
  dev_inbox: { perSecond: Infinity },
};
