import { describe, expect, it } from 'vitest';
import { TokenBucket, type Timer } from './rate-limiter.ts';

/** Time moves only when the test says so. */
class FakeTimer implements Timer {
  private current = 0;
  now(): number {
    return this.current;
  }
  sleep(): Promise<void> {
    throw new Error('the bucket never waits');
  }
  advance(ms: number): void {
    this.current += ms;
  }
}

describe('TokenBucket', () => {
  it('lets a burst through at once, then one message per slot at the sustained rate', () => {
    const timer = new FakeTimer();
    const bucket = new TokenBucket({ perSecond: 1, burst: 2, timer });

    expect([bucket.tryTake(), bucket.tryTake(), bucket.tryTake()]).toEqual([true, true, false]);
    timer.advance(999);
    expect(bucket.tryTake()).toBe(false);
    timer.advance(1);
    expect([bucket.tryTake(), bucket.tryTake()]).toEqual([true, false]);
  });

  it('refills while idle, but never beyond the burst size', () => {
    const timer = new FakeTimer();
    const bucket = new TokenBucket({ perSecond: 1, burst: 2, timer });
    bucket.tryTake();
    bucket.tryTake();

    timer.advance(60_000);

    expect([bucket.tryTake(), bucket.tryTake(), bucket.tryTake()]).toEqual([true, true, false]);
  });

  it('refuses without waiting once empty (how stand-ins enforce a limit)', () => {
    const bucket = new TokenBucket({ perSecond: 1, burst: 1, timer: new FakeTimer() });

    expect([bucket.tryTake(), bucket.tryTake()]).toEqual([true, false]);
  });
});
