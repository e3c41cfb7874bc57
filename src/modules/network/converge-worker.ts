import type { Logger } from '../../platform/logging/logger.ts';
import type { NetworkService } from './network.service.ts';

/**
 * Runs converge passes while lines are due and publishes new RADIUS activity, then waits for a wake-up (a line marked pending)
 * or the poll interval (retries with backoff come due by time).
 */
export function createConvergeWorker(deps: {
  network: NetworkService;
  logger: Logger;
  pollIntervalMs?: number;
  /** Routers driven at once: each pass waits on one router's round trips, so passes overlap well. */
  concurrency?: number;
  listen?: (onWake: () => void) => Promise<() => Promise<void>>;
}) {
  const pollIntervalMs = deps.pollIntervalMs ?? 2_000;
  const concurrency = deps.concurrency ?? 4;
  let running = false;
  let loop: Promise<void> | null = null;
  let wake: (() => void) | null = null;
  let unlisten: (() => Promise<void>) | null = null;

  async function run() {
    while (running) {
      try {
        await Promise.all(
          Array.from({ length: concurrency }, async () => {
            while (running && (await deps.network.convergeNextRouter()) > 0);
          }),
        );
        while (running && (await deps.network.publishRadiusActivity()) > 0);
      } catch (error) {
        deps.logger.error({ err: error }, 'converge pass failed');
      }
      if (!running) break;
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, pollIntervalMs);
      });
      wake = null;
    }
  }

  return {
    async start() {
      if (running) return;
      running = true;
      unlisten = (await deps.listen?.(() => wake?.())) ?? null;
      loop = run();
    },
    async stop() {
      running = false;
      wake?.();
      await loop;
      await unlisten?.();
    },
  };
}
