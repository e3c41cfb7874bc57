import { sql } from 'kysely';
import type { Tx } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { transactionTenantId, type BillingContext } from '../billing.model.ts';

export type Retention = { legalMinimumYears: number; paymentHistoryRetentionYears: number };

export async function retentionInTransaction(ctx: Pick<BillingContext, 'clock'>, trx: Tx): Promise<Retention> {
  await trx.insertInto('billing_policies').values({ tenant_id: transactionTenantId, updated_at: ctx.clock.now() }).onConflict((oc) => oc.column('tenant_id').doNothing()).execute();
  const p = await trx.selectFrom('billing_policies').select(['legal_minimum_years', 'payment_history_retention_years']).executeTakeFirstOrThrow();
  return { legalMinimumYears: p.legal_minimum_years, paymentHistoryRetentionYears: p.payment_history_retention_years };
}

/** The tenant sets how long it keeps payment history, never below the legal minimum it also sets. */
export async function updateRetention(ctx: Pick<BillingContext, 'clock'>, trx: Tx, change: Partial<Retention>): Promise<Retention> {
  const next = { ...(await retentionInTransaction(ctx, trx)), ...change };
  if (next.paymentHistoryRetentionYears < next.legalMinimumYears) {
    throw new AppError('VALIDATION_FAILED', `Payment history must be kept at least ${next.legalMinimumYears} years (your legal minimum).`, {
      fields: { paymentHistoryRetentionYears: `must be at least ${next.legalMinimumYears}` },
    });
  }
  await trx
    .updateTable('billing_policies')
    .set({ legal_minimum_years: next.legalMinimumYears, payment_history_retention_years: next.paymentHistoryRetentionYears, updated_at: ctx.clock.now() })
    .execute();
  return next;
}

/**
 * purge_payment_history_worker's body for one tenant: deletes payment history older than the
 * tenant's retention, through the one database function allowed to (it re-reads the retention
 * and never goes below the legal minimum). Newer rows stay.
 */
export async function purgePaymentHistory(ctx: Pick<BillingContext, 'clock'>, trx: Tx): Promise<number> {
  const { rows } = await sql<{ removed: number }>`select billing_purge_payment_history(${ctx.clock.now()}) as removed`.execute(trx);
  return rows[0]!.removed;
}
