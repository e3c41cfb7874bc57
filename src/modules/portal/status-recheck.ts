/**
 * While a line waits for its router's confirmation (no event says when it comes), the portal's
 * status stream looks again now and then: after 2 s, then 4, 8, 16 and every 30 s, so a router
 * that takes minutes (or a customer who leaves the page open) costs a few reads, not one every 2 s.
 * Looking stops once the answer is no longer "reconnecting"; a later wait starts at 2 s again.
 */
export const RECHECK_FIRST_MS = 2_000;
export const RECHECK_MAX_MS = 30_000;

/** The wait before look number `attempt` (0-based): 2, 4, 8, 16, 30, 30 … s. */
export const recheckDelay = (attempt: number): number => Math.min(RECHECK_MAX_MS, RECHECK_FIRST_MS * 2 ** Math.min(attempt, 16));

type Timers = { setTimeout: (fn: () => void, ms: number) => unknown; clearTimeout: (handle: never) => void };

export function createStatusRecheck(look: () => void, timers: Timers = { setTimeout, clearTimeout: clearTimeout as Timers['clearTimeout'] }) {
  let timer: unknown;
  let attempt = 0;
  return {
    /** The line still waits: look again after the next delay (nothing more if a look is already due). */
    keepLooking() {
      if (timer !== undefined) return;
      timer = timers.setTimeout(() => {
        timer = undefined;
        attempt += 1;
        look();
      }, recheckDelay(attempt));
    },
    /** The answer came (or the stream closed): no more looks, and the next wait starts from 2 s. */
    stop() {
      if (timer !== undefined) timers.clearTimeout(timer as never);
      timer = undefined;
      attempt = 0;
    },
  };
}
