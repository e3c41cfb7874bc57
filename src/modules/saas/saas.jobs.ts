import { defineJob } from '../../platform/jobs/job-definition.ts';
import type { SaasService } from './saas.service.ts';

/** The spec's SaaS workers (their names come from spec-workers.ts), each safe to run twice for a slot. */
export const saasJobs = (saas: SaasService) => [
  defineJob({
    name: 'addon_subscription_billing_worker',
    cron: '0 1 * * *',
    description: 'Issue the month’s SaaS invoice (plan + recurring add-ons + pro-rata adjustments), once per tenant and period; then remind the owner of unpaid ones',
    async run(ctx) {
      const invoice = await saas.issueMonthlyInvoice(ctx.tenantId);
      const reminded = await saas.remindUnpaidInvoices(ctx.tenantId);
      await ctx.reportProgress({ done: 1, total: 1, message: `${invoice ? `issued ${invoice.number} (${invoice.amount})` : 'already issued for this period'}; ${reminded} reminders` });
    },
  }),
  defineJob({
    name: 'plan_reconciliation_worker',
    cron: '0 * * * *',
    description: 'End expired overrides and add-ons, recount usage and flag limits the tenant is over',
    async run(ctx) {
      const result = await saas.reconcile(ctx.tenantId);
      await ctx.reportProgress({
        done: 1,
        total: 1,
        message: `${result.overLimit.length ? `over: ${result.overLimit.join(', ')}` : 'within limits'}; ended ${result.endedOverrides} overrides, ${result.endedAddons} add-ons`,
      });
    },
  }),
];
