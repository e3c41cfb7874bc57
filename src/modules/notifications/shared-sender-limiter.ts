import { sql } from 'kysely';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import { defaultSenderLimits, realTimer, type BucketSettings, type Timer } from './gateways/rate-limiter.ts';
import type { WaProvider } from './gateways/wa-gateway.ts';

/**
 * A sender's rate limit held in the database, so several worker processes (and tenants sharing
 * the platform's default sender) together stay within it: each send reserves the sender's next
 * slot, spaced 1/rate apart, atomically. Jitter is added on top of the slot (a provider may ban
 * machine-regular spacing); it delays, it never brings a send forward.
 * Slots follow the database's clock, which every process shares (pacing is about a provider's real
 * rate, even when a demo moves the business clock); tests give a ManualClock instead.
 */
export class SharedSenderLimiter {
  private readonly db: Database;
  private readonly limits: Record<WaProvider, BucketSettings>;
  private readonly clock: Clock | undefined;
  private readonly timer: Timer;
  private readonly random: () => number;

  constructor(options: {
    db: Database;
    limits?: Partial<Record<WaProvider, BucketSettings>>;
    /** Omitted: the database's clock. */
    clock?: Clock;
    timer?: Timer;
    random?: () => number;
  }) {
    this.db = options.db;
    this.clock = options.clock;
    this.limits = { ...defaultSenderLimits, ...options.limits };
    this.timer = options.timer ?? realTimer;
    this.random = options.random ?? Math.random;
  }

  limitOf(provider: WaProvider): BucketSettings {
    return this.limits[provider];
  }

  /** Reserves the sender's next slot; returns it and how long to wait for it. */
  async reserve(provider: WaProvider, sender: string): Promise<{ slot: Date; waitMs: number }> {
    const intervalSeconds = 1 / this.limits[provider].perSecond;
    const { rows } = await sql<{ slot: Date; now: Date }>`
      with clock as (select coalesce(${this.clock?.now() ?? null}::timestamptz, clock_timestamp()) as now)
      insert into notifications_sender_slots as s (sender_key, next_at)
      select ${`${provider}:${sender}`}, now + make_interval(secs => ${intervalSeconds}) from clock
      on conflict (sender_key) do update
        set next_at = greatest(s.next_at, (select now from clock)) + make_interval(secs => ${intervalSeconds})
      returning next_at - make_interval(secs => ${intervalSeconds}) as slot, (select now from clock) as now`.execute(this.db.owner);
    const slot = new Date(rows[0].slot);
    return { slot, waitMs: Math.max(0, slot.getTime() - new Date(rows[0].now).getTime()) };
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
