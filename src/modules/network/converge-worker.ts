import type { Listen } from '../../platform/db/listen.ts';
import type { Logger } from '../../platform/logging/logger.ts';
import { createPollingWorker } from '../../platform/jobs/polling-worker.ts';
import type { NetworkService } from './network.service.ts';

/**
 * Converge passes while lines are due (woken by a line marked pending), then new RADIUS
 * activity published as events.
 */
export const createConvergeWorker = (deps: {
  network: NetworkService;
  logger: Logger;
  listen?: Listen;
  /** Routers driven at once: each pass waits on one router's round trips, so passes overlap well. */
  concurrency?: number;
}) =>
  createPollingWorker({
    name: 'network.converge',
    logger: deps.logger,
    pollIntervalMs: 2_000,
    listen: deps.listen,
    round: async (isRunning) => {
      // One look first: most wake-ups (a line marked pending while the router is being driven)
      // find no router due, and four loops would ask four times.
      if ((await deps.network.convergeNextRouter()) > 0) {
        await Promise.all(
          Array.from({ length: deps.concurrency ?? 4 }, async () => {
            while (isRunning() && (await deps.network.convergeNextRouter()) > 0);
          }),
        );
      }
      while (isRunning() && (await deps.network.publishRadiusActivity()) > 0);
    },
  });
