import { defineJob } from '../../platform/jobs/job-definition.ts';
import type { BillingService } from './billing.service.ts';

/**
 * auto_isolir_worker (the spec's name, daily at 00:05 in the tenant's time zone): issues the
 * period's invoices from the billing day on (idempotent), then the daily scan — due, overdue,
 * grace expired, and isolation of the customers the tenant's trigger makes eligible.
 */
export const billingJobs = (billing: BillingService) => [
  defineJob({
    name: 'auto_isolir_worker',
    cron: '5 0 * * *',
    description: 'Issue invoices, move unpaid invoices through due → overdue → grace expired, isolate the eligible (00:05 local time)',
    async run(ctx) {
      await ctx.reportProgress({ done: 0, total: 2, message: 'issuing invoices' });
      const generated = await billing.generateInvoices(ctx.tenantId);
      await ctx.reportProgress({ done: 1, total: 2, message: `${generated.issued} invoices issued; scanning` });
      const scan = await billing.runDailyScan(ctx.tenantId);
      await ctx.reportProgress({
        done: 2,
        total: 2,
        message: `${scan.today}: ${scan.dueUnpaid} due, ${scan.overdue} overdue, ${scan.graceExpired} past grace, ${scan.isolated} isolated` +
          (scan.skippedIsolation ? ` (isolation skipped: ${scan.skippedIsolation})` : ''),
      });
    },
  }),
  defineJob({
    name: 'purge_payment_history_worker',
    cron: '0 2 * * *',
    description: 'Delete payment history past the tenant’s retention period (default 10 years, never below its legal minimum)',
    async run(ctx) {
      const removed = await billing.purgePaymentHistory(ctx.tenantId);
      await ctx.reportProgress({ done: 1, total: 1, message: `${removed} payment history rows past retention deleted` });
    },
  }),
];
