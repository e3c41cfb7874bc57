import type { Logger } from '../../platform/logging/logger.ts';
import { createPollingWorker } from '../../platform/jobs/polling-worker.ts';

/**
 * A round that attempted at least this many messages found a backlog: the next starts right
 * away. A smaller one waits for the next poll, so a trickle (a payment rush's receipts, 50 a
 * second) goes out in rounds of a poll's worth, not one round (≈ 10 statements of scans, channel
 * and claims) per message: on PGlite's one session those rounds queue in front of the payments.
 */
const BACKLOG_ROUND = 50;

/** Delivery rounds while messages are due (new messages, retries and the end of quiet hours all come due by time). */
export const createDeliveryWorker = (deps: { delivery: { deliverDue(): Promise<number> }; logger: Logger; pollIntervalMs?: number }) =>
  createPollingWorker({
    name: 'notifications.delivery',
    logger: deps.logger,
    pollIntervalMs: deps.pollIntervalMs ?? 500,
    round: async (isRunning) => {
      while (isRunning() && (await deps.delivery.deliverDue()) >= BACKLOG_ROUND);
    },
  });
