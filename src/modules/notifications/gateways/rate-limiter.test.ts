import { describe, expect, it } from 'vitest';
import { TokenBucket, type Timer } from './rate-limiter.ts';

/** Time moves only when the test says so; sleepers wake in deadline order. */
class FakeTimer implements Timer {
  private current = 0;
  private sleepers: Array<{ until: number; wake: () => void }> = [];
  now(): number {
    return this.current;
  }
  sleep(ms: number): Promise<void> {
    return new Promise((wake) => this.sleepers.push({ until: this.current + ms, wake }));
  }
  async advance(ms: number): Promise<void> {
    this.current += ms;
    const due = this.sleepers.filter((s) => s.until <= this.current).sort((a, b) => a.until - b.until);
    this.sleepers = this.sleepers.filter((s) => s.until > this.current);
    for (const sleeper of due) sleeper.wake();
    await new Promise((resolve) => setImmediate(resolve)); // let woken callers run
  }
}

describe('TokenBucket', () => {
  it('lets a burst through at once, then spaces messages at the sustained rate', () => {
    const bucket = new TokenBucket({ perSecond: 1, burst: 2, timer: new FakeTimer() });

    expect([bucket.reserve(), bucket.reserve(), bucket.reserve(), bucket.reserve()]).toEqual([0, 0, 1000, 2000]);
  });

  it('adds jitter to each message without slowing the sustained rate', () => {
    const bucket = new TokenBucket({ perSecond: 50, burst: 1, jitterMs: 400, timer: new FakeTimer(), random: () => 0.5 });

    const waits = Array.from({ length: 100 }, () => bucket.reserve());

    expect(waits.slice(0, 3)).toEqual([200, 220, 240]);
    // The 100th message goes out 99 slots (1.98 s) after the first, plus its own jitter only.
    expect(waits[99]).toBeCloseTo(1980 + 200);
  });

  it('refills while idle, but never beyond the burst size', async () => {
    const timer = new FakeTimer();
    const bucket = new TokenBucket({ perSecond: 1, burst: 2, timer });
    bucket.reserve();
    bucket.reserve();

    await timer.advance(60_000);

    expect([bucket.reserve(), bucket.reserve(), bucket.reserve()]).toEqual([0, 0, 1000]);
  });

  it('refuses without waiting once empty (how stand-ins enforce a limit)', () => {
    const bucket = new TokenBucket({ perSecond: 1, burst: 1, timer: new FakeTimer() });

    expect([bucket.tryTake(), bucket.tryTake()]).toEqual([true, false]);
  });

  it('wakes concurrent callers one slot apart, first come first served', async () => {
    const timer = new FakeTimer();
    const bucket = new TokenBucket({ perSecond: 2, burst: 1, timer });
    const sent: string[] = [];

    const all = Promise.all(['a', 'b', 'c'].map((name) => bucket.take().then(() => sent.push(name))));
    await timer.advance(0);
    expect(sent).toEqual(['a']);

    await timer.advance(500);
    expect(sent).toEqual(['a', 'b']);

    await timer.advance(500);
    await all;
    expect(sent).toEqual(['a', 'b', 'c']);
  });
});
