import { defineJob } from '../../platform/jobs/job-definition.ts';
import type { NetworkService } from './network.service.ts';

/** Every 10 minutes each tenant's lines are compared with their routers again: hand edits are repaired. */
export const networkJobs = (network: NetworkService) => [
  defineJob({
    name: 'network.reconcile-tick',
    cron: '*/10 * * * *',
    description: 'Check every customer line against its router and RADIUS (repairs drift such as hand edits)',
    async run(ctx) {
      const { lines } = await network.reconcileTenant(ctx.tenantId);
      await ctx.reportProgress({ done: lines, total: lines, message: `${lines} lines marked for a check` });
    },
  }),
];
