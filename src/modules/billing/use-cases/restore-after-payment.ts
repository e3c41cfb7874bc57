import type { Tx } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { stagesIsolatingUnder, type BillingContext, type BillingPolicy } from '../billing.model.ts';
import { policyInTransaction } from './policy.ts';

/** Numbers of the customer's unpaid invoices that keep the line isolated under the tenant's trigger, oldest first. */
async function invoicesHoldingLine(trx: Tx, customerId: string, policy: BillingPolicy): Promise<string[]> {
  const rows = await trx
    .selectFrom('billing_invoices')
    .select('number')
    .where('customer_id', '=', customerId)
    .where('status', '=', 'unpaid')
    .where('stage', 'in', stagesIsolatingUnder[policy.isolationTrigger])
    // Money desk: with "partial restores" on, a partly paid invoice no longer holds the line.
    .$if(policy.partialRestores, (q) => q.where('paid_amount', '=', '0'))
    .orderBy('due_date')
    .execute();
  return rows.map((r) => r.number);
}

export type RestoreAfterPaymentOptions = { invoiceId: string; customerId: string; number: string; partial?: boolean };

/**
 * After an invoice is paid (payment_to_unisolate_flow): if the customer is isolated and no other
 * invoice keeps them isolated, restore them (auto-restore on) or mark them eligible for staff to restore.
 */
export async function restoreAfterPayment(ctx: Pick<BillingContext, 'clock' | 'isolation'>, trx: Tx, event: RestoreAfterPaymentOptions) {
  const line = (await ctx.isolation.linesInTransaction(trx, [event.customerId])).get(event.customerId);
  if (!line || line.desiredState !== 'isolated') return 'not_isolated' as const;
  const policy = await policyInTransaction(ctx, trx);
  // Money desk: a partly paid invoice keeps holding the line unless the tenant chose otherwise.
  if (event.partial && !policy.partialRestores) return 'still_held' as const;
  const holding = await invoicesHoldingLine(trx, event.customerId, policy);
  if (holding.length > 0 || !policy.autoRestore) {
    await ctx.isolation.markRestoreEligible(trx, event.customerId);
    return holding.length > 0 ? ('still_held' as const) : ('eligible' as const);
  }
  await ctx.isolation.restoreInTransaction(
    trx,
    [{ customerId: event.customerId, invoiceId: event.invoiceId, trigger: 'payment_confirmed', reason: event.partial ? `Tagihan ${event.number} dibayar sebagian` : `Tagihan ${event.number} lunas` }],
    { type: 'system', userId: null },
  );
  return 'restored' as const;
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
