import { defineJob } from '../../platform/jobs/job-definition.ts';
import type { TechniciansService } from './technicians.service.ts';

/**
 * Retention (daily at 02:30 local time): closed tasks past the tenant's retention days go with
 * their activities and photos (rows first, then the stored files). Safe to run twice.
 */
export const techniciansJobs = (technicians: TechniciansService) => [
  defineJob({
    name: 'technician_retention_worker',
    cron: '30 2 * * *',
    description: 'Delete closed tasks (and their photos) past the retention days (02:30 local time)',
    async run(ctx) {
      const result = await technicians.purgeExpired(ctx.tenantId);
      await ctx.reportProgress({ done: 1, total: 1, message: `${result.tasks} tasks, ${result.activities} activities, ${result.files} files deleted` });
    },
  }),
];
