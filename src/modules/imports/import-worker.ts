import type { Listen } from '../../platform/db/listen.ts';
import { createPollingWorker } from '../../platform/jobs/polling-worker.ts';
import type { Logger } from '../../platform/logging/logger.ts';
import type { ImportsService } from './imports.service.ts';

/** Imports queued jobs chunk by chunk, woken when one is queued; the poll picks up a crashed worker's job once its lease ends. */
export const createImportWorker = (deps: { imports: ImportsService; logger: Logger; listen?: Listen }) =>
  createPollingWorker({
    name: 'imports.jobs',
    logger: deps.logger,
    pollIntervalMs: 5_000,
    listen: deps.listen,
    round: async (isRunning) => {
      await deps.imports.importPending(isRunning);
    },
  });
