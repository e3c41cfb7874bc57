import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createStatusRecheck, recheckDelay } from './status-recheck.ts';

describe("the portal status stream's look-again while the router reconnects", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('should wait 2, 4, 8, 16 s and then every 30 s while the line is still reconnecting', () => {
    expect([0, 1, 2, 3, 4, 5, 40].map(recheckDelay)).toEqual([2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000]);
    const looks: number[] = [];
    const recheck = createStatusRecheck(() => {
      looks.push(Date.now());
      recheck.keepLooking(); // each answer is still "reconnecting"
    });
    const start = Date.now();
    recheck.keepLooking();
    recheck.keepLooking(); // a live event meanwhile schedules nothing more
    vi.advanceTimersByTime(120_000);
    expect(looks.map((at) => (at - start) / 1000)).toEqual([2, 6, 14, 30, 60, 90, 120]);
  });

  it('should stop looking after the answer that is no longer reconnecting, and start again from 2 s for a later wait', () => {
    let looks = 0;
    const recheck = createStatusRecheck(() => {
      looks += 1;
      if (looks < 3) recheck.keepLooking();
      else recheck.stop(); // the third look finds the line active
    });
    recheck.keepLooking();
    vi.advanceTimersByTime(14_000);
    expect(looks).toBe(3);
    vi.advanceTimersByTime(600_000);
    expect(looks).toBe(3);
    recheck.keepLooking();
    vi.advanceTimersByTime(1_999);
    expect(looks).toBe(3);
    vi.advanceTimersByTime(1);
    expect(looks).toBe(4);
  });
});
