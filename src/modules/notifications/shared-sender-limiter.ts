import { sql } from 'kysely';
import type { Database } from '../../platform/db/database.ts';
import { defaultSenderLimits, realTimer, type BucketSettings, type Timer } from './gateways/rate-limiter.ts';
import type { WaProvider } from './gateways/wa-gateway.ts';

/**
 * A sender's rate limit held in the database, so several worker processes (and tenants sharing
 * the platform's default sender) together stay within it: each send reserves the sender's next
 * slot, spaced 1/rate apart, atomically. Jitter is added on top of the slot (a provider may ban
 * machine-regular spacing); it delays, it never brings a send forward.
 */
export class SharedSenderLimiter {
  private readonly db: Database;
  private readonly limits: Record<WaProvider, BucketSettings>;
  private readonly timer: Timer;
  private readonly random: () => number;

  constructor(options: { db: Database; limits?: Partial<Record<WaProvider, BucketSettings>>; timer?: Timer; random?: () => number }) {
    this.db = options.db;
    this.limits = { ...defaultSenderLimits, ...options.limits };
    this.timer = options.timer ?? realTimer;
    this.random = options.random ?? Math.random;
  }

  limitOf(provider: WaProvider): BucketSettings {
    return this.limits[provider];
  }

  /** Reserves the sender's next slot; returns it and how long to wait for it (database clock). */
  async reserve(provider: WaProvider, sender: string): Promise<{ slot: Date; waitMs: number }> {
    const intervalSeconds = 1 / this.limits[provider].perSecond;
    const { rows } = await sql<{ slot: Date; wait_ms: number }>`
      insert into notifications_sender_slots as s (sender_key, next_at)
      values (${`${provider}:${sender}`}, clock_timestamp() + make_interval(secs => ${intervalSeconds}))
      on conflict (sender_key) do update
        set next_at = greatest(s.next_at, clock_timestamp()) + make_interval(secs => ${intervalSeconds})
      returning next_at - make_interval(secs => ${intervalSeconds}) as slot,
                greatest(0, extract(epoch from (next_at - make_interval(secs => ${intervalSeconds}) - clock_timestamp())) * 1000)::float8 as wait_ms`.execute(
      this.db.owner,
    );
    return { slot: new Date(rows[0].slot), waitMs: rows[0].wait_ms };
  }

  /** Resolves when this sender may send its next message. */
  async acquire(provider: WaProvider, sender: string): Promise<void> {
    const { perSecond, jitterMs = 0 } = this.limits[provider];
    if (perSecond === Infinity) return;
    const { waitMs } = await this.reserve(provider, sender);
    const wait = waitMs + this.random() * jitterMs;
    if (wait > 0) await this.timer.sleep(wait);
  }
}
