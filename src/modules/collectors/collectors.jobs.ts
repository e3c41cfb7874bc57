import { defineJob } from '../../platform/jobs/job-definition.ts';
import type { CollectorsService } from './collectors.service.ts';

/**
 * purge_collector_logs_worker (the spec's name, daily at 02:30 in the tenant's time zone):
 * deletes collector log lines older than the tenant's retention. Collections, handovers,
 * deposits and payment history are money records and stay. Safe to run twice.
 */
export const collectorsJobs = (collectors: CollectorsService) => [
  defineJob({
    name: 'purge_collector_logs_worker',
    cron: '30 2 * * *',
    description: 'Delete collector logs past the tenant’s retention period (money records are kept)',
    async run(ctx) {
      const { deleted, cutoff } = await collectors.purgeLogs(ctx.tenantId);
      await ctx.reportProgress({ done: deleted, total: deleted, message: `${deleted} log lines before ${cutoff.toISOString()} deleted` });
    },
  }),
];
