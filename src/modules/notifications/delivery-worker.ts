import type { Logger } from '../../platform/logging/logger.ts';
import { createPollingWorker } from '../../platform/jobs/polling-worker.ts';

/** Delivery rounds while messages are due (new messages, retries and the end of quiet hours all come due by time). */
export const createDeliveryWorker = (deps: { delivery: { deliverDue(): Promise<number> }; logger: Logger; pollIntervalMs?: number }) =>
  createPollingWorker({
    name: 'notifications.delivery',
    logger: deps.logger,
    pollIntervalMs: deps.pollIntervalMs ?? 500,
    round: async (isRunning) => {
      while (isRunning() && (await deps.delivery.deliverDue()) > 0);
    },
  });
