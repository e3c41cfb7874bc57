import type { Tx } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { stagesIsolatingUnder, type BillingContext, type BillingPolicy } from '../billing.model.ts';
import { policyInTransaction } from './policy.ts';

/** Numbers of the customer's unpaid invoices that keep the line isolated under the tenant's trigger, oldest first. */
async function invoicesHoldingLine(trx: Tx, customerId: string, policy: BillingPolicy): Promise<string[]> {
  return (await invoicesHoldingLines(trx, [customerId], policy)).get(customerId) ?? [];
}

/** `invoicesHoldingLine` of many customers in one query, by customer. */
async function invoicesHoldingLines(trx: Tx, customerIds: string[], policy: BillingPolicy): Promise<Map<string, string[]>> {
  const rows = await trx
    .selectFrom('billing_invoices')
    .select(['customer_id', 'number'])
    .where('customer_id', 'in', customerIds)
    .where('status', '=', 'unpaid')
    .where('stage', 'in', stagesIsolatingUnder[policy.isolationTrigger])
    // Money desk: with "partial restores" on, a partly paid invoice no longer holds the line.
    .$if(policy.partialRestores, (q) => q.where('paid_amount', '=', '0'))
    .orderBy('due_date')
    .execute();
  const byCustomer = new Map<string, string[]>();
  for (const r of rows) byCustomer.set(r.customer_id, [...(byCustomer.get(r.customer_id) ?? []), r.number]);
  return byCustomer;
}

export type RestoreAfterPaymentOptions = { invoiceId: string; customerId: string; number: string; partial?: boolean };
export type RestoreOutcome = 'not_isolated' | 'still_held' | 'eligible' | 'restored';

/**
 * After an invoice is paid (payment_to_unisolate_flow): if the customer is isolated and no other
 * invoice keeps them isolated, restore them (auto-restore on) or mark them eligible for staff to restore.
 */
export async function restoreAfterPayment(ctx: Pick<BillingContext, 'clock' | 'isolation'>, trx: Tx, event: RestoreAfterPaymentOptions) {
  return (await restoreAfterPayments(ctx, trx, [event]))[0];
}

/**
 * `restoreAfterPayment` for many paid invoices of one tenant at once, in a fixed number of
 * statements (a payment rush or a collector's deposit of thousands of invoices): the same outcome
 * for each, in order, as one by one. A customer appearing twice is restored by the first.
 */
export async function restoreAfterPayments(ctx: Pick<BillingContext, 'clock' | 'isolation'>, trx: Tx, events: RestoreAfterPaymentOptions[]): Promise<RestoreOutcome[]> {
  const customerIds = [...new Set(events.map((e) => e.customerId))];
  const lines = await ctx.isolation.linesInTransaction(trx, customerIds);
  const isolated = new Set(customerIds.filter((id) => lines.get(id)?.desiredState === 'isolated'));
  if (isolated.size === 0) return events.map(() => 'not_isolated');
  const policy = await policyInTransaction(ctx, trx);
  const holding = await invoicesHoldingLines(trx, [...isolated], policy);
  const restores: { customerId: string; invoiceId: string; trigger: string; reason: string }[] = [];
  const markedEligible = new Set<string>();
  const outcomes = events.map((event): RestoreOutcome => {
    if (!isolated.has(event.customerId)) return 'not_isolated';
    // Money desk: a partly paid invoice keeps holding the line unless the tenant chose otherwise.
    if (event.partial && !policy.partialRestores) return 'still_held';
    const held = (holding.get(event.customerId)?.length ?? 0) > 0;
    if (held || !policy.autoRestore) {
      markedEligible.add(event.customerId);
      return held ? 'still_held' : 'eligible';
    }
    isolated.delete(event.customerId);
    restores.push({ customerId: event.customerId, invoiceId: event.invoiceId, trigger: 'payment_confirmed', reason: event.partial ? `Tagihan ${event.number} dibayar sebagian` : `Tagihan ${event.number} lunas` });
    return 'restored';
  });
  for (const customerId of markedEligible) await ctx.isolation.markRestoreEligible(trx, customerId);
  await ctx.isolation.restoreInTransaction(trx, restores, { type: 'system', userId: null });
  return outcomes;
}

export type RestoreByStaffOptions = { actorUserId: string; customerId: string; reason: string; force: boolean };

/** Staff restore by hand (the unisolate button), refused while an unpaid invoice still holds the line. */
export async function restoreByStaff(ctx: Pick<BillingContext, 'clock' | 'isolation'>, trx: Tx, { actorUserId, customerId, reason, force }: RestoreByStaffOptions) {
  if (!force) {
    const holding = await invoicesHoldingLine(trx, customerId, await policyInTransaction(ctx, trx));
    if (holding.length > 0) {
      throw new AppError('CONFLICT', `Invoice ${holding.join(', ')} is still unpaid. Record the payment first, or restore with force.`, {
        unpaidInvoices: holding,
      });
    }
  }
  const changed = await ctx.isolation.restoreInTransaction(trx, [{ customerId, invoiceId: null, trigger: 'manual', reason }], {
    type: 'staff',
    userId: actorUserId,
  });
  if (changed.length === 0) throw new AppError('CONFLICT', 'The customer is not isolated.');
}
