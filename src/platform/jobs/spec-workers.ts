import { defineJob, type JobDefinition } from './job-definition.ts';

/**
 * The spec's scheduled workers (integration_layer: worker_jobs). Their schedules, per-tenant
 * fan-out and exactly-once runs are live now; each body is a recorded no-op until the module
 * that owns it provides a job with the same name (see `withSpecWorkers`).
 */
const placeholder = (name: string, cron: string, description: string, arrivesWith: string) =>
  defineJob({
    name,
    cron,
    description,
    run: (ctx) => ctx.reportProgress({ done: 0, total: 0, message: `no-op until ${arrivesWith}` }),
  });

// purge_payment_history_worker (billing), plan_reconciliation_worker and addon_subscription_billing_worker (saas) have their bodies now.
export const specWorkerPlaceholders: JobDefinition[] = [
  placeholder('purge_collector_logs_worker', '30 2 * * *', 'Delete collector logs past the tenant’s retention period', 'the super-admin retention issue'),
];

/** The jobs to schedule: every module's own, plus the placeholder of each spec worker no module provides yet. */
export function withSpecWorkers(moduleJobs: JobDefinition[]): JobDefinition[] {
  const provided = new Set(moduleJobs.map((job) => job.name));
  return [...moduleJobs, ...specWorkerPlaceholders.filter((job) => !provided.has(job.name))];
}
