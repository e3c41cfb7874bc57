import type { Page } from '../../../platform/http/pagination.ts';
import { sql } from 'kysely';
import type { IsoDate } from '../../../platform/dates.ts';
import type { Tx } from '../../../platform/db/database.ts';
import { oncePerTransaction } from '../../../platform/db/once-per-transaction.ts';
import { sqlDate, transactionTenantId, type BillingContext, type BillingPolicy, type IsolationTrigger } from '../billing.model.ts';

/**
 * Read once per transaction: a payment reads it several times (payment, receipt, restore) and it
 * only changes through `updatePolicy`, which keeps the entry current.
 */
const policies = oncePerTransaction((trx, ctx: Pick<BillingContext, 'clock'>) => readPolicy(ctx, trx));

/** The tenant's billing policy (read once per transaction); the defaults are written on first read. */
export const policyInTransaction = (ctx: Pick<BillingContext, 'clock'>, trx: Tx): Promise<BillingPolicy> => policies.get(trx, ctx);

async function readPolicy(ctx: Pick<BillingContext, 'clock'>, trx: Tx): Promise<BillingPolicy> {
  // The row exists after the tenant's first read: select first, write the defaults only when missing.
  let p = await trx.selectFrom('billing_policies').selectAll().executeTakeFirst();
  if (!p) {
    await trx
      .insertInto('billing_policies')
      .values({ tenant_id: transactionTenantId, updated_at: ctx.clock.now() })
      .onConflict((oc) => oc.column('tenant_id').doNothing())
      .execute();
    p = await trx.selectFrom('billing_policies').selectAll().executeTakeFirstOrThrow();
  }
  return {
    billingDay: p.billing_day,
    dueDays: p.due_days,
    graceDays: p.grace_days,
    isolationTrigger: p.isolation_trigger as IsolationTrigger, // the table's check constraint
    autoIsolate: p.auto_isolate,
    autoRestore: p.auto_restore,
    notifyUnpaid: p.notify_unpaid,
    notifyIsolated: p.notify_isolated,
    notifyReconnected: p.notify_reconnected,
    partialPayments: p.partial_payments,
    partialRestores: p.partial_restores,
    receiptAddress: p.receipt_address,
    receiptWhatsapp: p.receipt_whatsapp,
  };
}

export type UpdatePolicyOptions = { change: Partial<BillingPolicy> };

export async function updatePolicy(ctx: Pick<BillingContext, 'clock'>, trx: Tx, { change }: UpdatePolicyOptions): Promise<BillingPolicy> {
  const p = { ...(await policyInTransaction(ctx, trx)), ...change };
  await trx
    .updateTable('billing_policies')
    .set({
      billing_day: p.billingDay,
      due_days: p.dueDays,
      grace_days: p.graceDays,
      isolation_trigger: p.isolationTrigger,
      auto_isolate: p.autoIsolate,
      auto_restore: p.autoRestore,
      notify_unpaid: p.notifyUnpaid,
      notify_isolated: p.notifyIsolated,
      notify_reconnected: p.notifyReconnected,
      partial_payments: p.partialPayments,
      partial_restores: p.partialRestores,
      receipt_address: p.receiptAddress,
      receipt_whatsapp: p.receiptWhatsapp,
      updated_at: ctx.clock.now(),
    })
    .execute();
  policies.set(trx, p);
  return p;
}

/** A page of the days the daily scan isolates nobody (holidays), by day (the day is the key: one row each). */
export const listExclusions = (trx: Tx, page: Page): Promise<{ day: IsoDate; reason: string }[]> =>
  trx
    .selectFrom('billing_isolation_exclusions')
    .select([sql<IsoDate>`to_char(day, 'YYYY-MM-DD')`.as('day'), 'reason'])
    .orderBy('billing_isolation_exclusions.day')
    .limit(page.limit)
    .offset(page.offset)
    .execute();

export type AddExclusionOptions = { day: IsoDate; reason: string };

export async function addExclusion(trx: Tx, { day, reason }: AddExclusionOptions): Promise<void> {
  await trx
    .insertInto('billing_isolation_exclusions')
    .values({ tenant_id: transactionTenantId, day, reason })
    .onConflict((oc) => oc.columns(['tenant_id', 'day']).doUpdateSet((eb) => ({ reason: eb.ref('excluded.reason') })))
    .execute();
}

export async function removeExclusion(trx: Tx, day: IsoDate): Promise<void> {
  await trx.deleteFrom('billing_isolation_exclusions').where('day', '=', sqlDate(day)).execute();
}
