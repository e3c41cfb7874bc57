import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers, openTestDatabase, type TestDatabase } from '../../../test/harness.ts';
import { ManualClock } from '../../platform/clock.ts';
import type { Timer } from './gateways/index.ts';
import { SharedSenderLimiter } from './shared-sender-limiter.ts';

/** Records the waits asked for instead of waiting. */
const recordingTimer = () => {
  const waits: number[] = [];
  const timer: Timer = { now: () => Date.now(), sleep: async (ms) => void waits.push(ms) };
  return { timer, waits };
};

describe.each(drivers)('shared sender rate limit on %s', (driver) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openTestDatabase(driver);
  });
  afterAll(() => db?.drop());

  it('should space one sender’s sends at its rate even when two processes send at once', async () => {
    // Two worker processes: two limiters on one database.
    const [a, b] = [new SharedSenderLimiter({ db }), new SharedSenderLimiter({ db })];
    const reservations = await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 ? a : b).reserve('whatsapp_cloud', 'phone-1')));
    const slots = reservations.map((r) => r.slot.getTime()).sort((x, y) => x - y);
    const gaps = slots.slice(1).map((t, i) => t - slots[i]);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(19.9); // 50 messages/s: 20 ms apart
    expect(slots.at(-1)! - slots[0]).toBeGreaterThanOrEqual(39 * 19.9);
  });

  it('should keep senders apart: one busy sender does not hold up another', async () => {
    const clock = new ManualClock('2026-12-01T08:00:00Z');
    const limiter = new SharedSenderLimiter({ db, clock });
    const busy = await Promise.all(Array.from({ length: 10 }, () => limiter.reserve('fonnte', 'device-A')));
    expect(busy.map((r) => r.waitMs).sort((x, y) => x - y)).toEqual(Array.from({ length: 10 }, (_, i) => i * 2_000)); // 0.5/s
    const other = await limiter.reserve('fonnte', 'device-B');
    expect(other).toEqual({ slot: clock.now(), waitMs: 0 });

    clock.advance(5_000); // device-A's slots at 0, 2 and 4 s have passed: the next waits from the 20 s slot
    expect((await limiter.reserve('fonnte', 'device-A')).waitMs).toBe(15_000);
    expect((await limiter.reserve('fonnte', 'device-B')).waitMs).toBe(0); // its 2 s slot is past too
  });

  it('should add jitter to unofficial gateways, and not limit the dev inbox at all', async () => {
    const { timer, waits } = recordingTimer();
    const limiter = new SharedSenderLimiter({ db, timer, random: () => 1 });
    await limiter.acquire('wablas', 'device-J');
    expect(waits[0]).toBeGreaterThanOrEqual(1500); // the default 1.5 s of jitter, on top of the slot
    for (let i = 0; i < 100; i++) await limiter.acquire('dev_inbox', 'inbox');
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from notifications_sender_slots where sender_key like 'dev_inbox:%'`.execute(db.owner);
    expect(rows[0].n).toBe(0);
  });
});
