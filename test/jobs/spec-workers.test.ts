import { describe, expect, it } from 'vitest';
import { billingJobs, type BillingService } from '../../src/modules/billing/index.ts';
import { networkJobs, type NetworkService } from '../../src/modules/network/index.ts';
import { saasJobs, type SaasService } from '../../src/modules/saas/index.ts';
import { specWorkerPlaceholders } from '../../src/platform/jobs/spec-workers.ts';

describe('spec worker placeholders', () => {
  it('should keep no placeholder for a spec worker a module already provides', () => {
    // Only the jobs' names are read: the services are never called.
    const provided = [...billingJobs({} as BillingService), ...networkJobs({} as NetworkService), ...saasJobs({} as SaasService)].map((job) => job.name);
    expect(specWorkerPlaceholders.map((job) => job.name).filter((name) => provided.includes(name))).toEqual([]);
    expect(provided).toEqual(expect.arrayContaining(['purge_payment_history_worker', 'plan_reconciliation_worker', 'addon_subscription_billing_worker']));
  });
});
