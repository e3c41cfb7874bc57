import { isConnectionError, reconnectDelayMs } from '../db/connection-errors.ts';
import type { Listen } from '../db/listen.ts';
import type { Logger } from '../logging/logger.ts';

/**
 * A background loop: runs `round` (which works while work is due), then sleeps until a wake-up
 * notification or the poll interval (retries and backoffs come due by time); while the database
 * is unreachable, rounds back off instead. `stop` lets the round in progress finish.
 */
export function createPollingWorker(options: {
  name: string;
  logger: Logger;
  pollIntervalMs: number;
  round: (isRunning: () => boolean) => Promise<void>;
  listen?: Listen;
}) {
  let running = false;
  let loop: Promise<void> | null = null;
  let wake: (() => void) | null = null;
  let unlisten: (() => Promise<void>) | null = null;
  const isRunning = () => running;

  async function run() {
    let outageFailures = 0;
    while (running) {
      try {
        await options.round(isRunning);
        outageFailures = 0;
      } catch (error) {
        // The database being unreachable is logged once by the database itself: back off quietly.
        if (isConnectionError(error)) outageFailures += 1;
        else options.logger.error({ err: error, worker: options.name }, 'worker round failed');
      }
      if (!running) break;
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, outageFailures ? reconnectDelayMs(outageFailures) : options.pollIntervalMs);
      });
      wake = null;
    }
  }

  return {
    async start() {
      if (running) return;
      running = true;
      unlisten = (await options.listen?.(() => wake?.())) ?? null;
      loop = run();
    },
    async stop() {
      running = false;
      wake?.();
      await loop;
      await unlisten?.();
      unlisten = null;
    },
  };
}
