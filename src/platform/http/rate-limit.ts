import type { Clock } from '../clock.ts';

/** Addresses remembered before refilled (idle) buckets are swept out. */
const SWEEP_ABOVE = 10_000;

/**
 * A token bucket per client address: `perMinute` requests in a burst, refilled at `perMinute`
 * a minute. Kept in this process's memory: each API process limits on its own, which is enough
 * to stop one address flooding the unauthenticated endpoints (login, webhooks).
 */
export function createAddressRateLimiter(options: { clock: Clock; perMinute: number }) {
  const { clock, perMinute } = options;
  const perMs = perMinute / 60_000;
  const buckets = new Map<string, { tokens: number; at: number }>();

  const refilled = (bucket: { tokens: number; at: number }, now: number) => Math.min(perMinute, bucket.tokens + Math.max(0, now - bucket.at) * perMs);

  return {
    /** Spends one request of `address`; when none is left, the whole seconds until the next one. */
    take(address: string): { allowed: true } | { allowed: false; retryAfterSeconds: number } {
      const now = clock.now().getTime();
      if (buckets.size > SWEEP_ABOVE) {
        for (const [key, bucket] of buckets) if (refilled(bucket, now) >= perMinute) buckets.delete(key);
      }
      const bucket = buckets.get(address) ?? { tokens: perMinute, at: now };
      bucket.tokens = refilled(bucket, now);
      bucket.at = now;
      buckets.set(address, bucket);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return { allowed: true };
      }
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000)) };
    },
  };
}
