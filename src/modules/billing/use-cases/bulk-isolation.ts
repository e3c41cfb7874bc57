import { sql } from 'kysely';
import type { Tx } from '../../../platform/db/database.ts';
import { isAppError } from '../../../platform/errors/app-error.ts';
import type { BillingContext } from '../billing.model.ts';
import { restoreByStaff } from './restore-after-payment.ts';

export type BulkIsolationOptions = {
  action: 'isolate' | 'restore';
  customerIds: string[];
  reason: string;
  /** Restore even while an unpaid invoice holds the line (as the single restore button's force). */
  force: boolean;
  actorUserId: string;
};

export type BulkIsolationOutcome = {
  customerId: string;
  customerCode: string | null;
  customerName: string | null;
  /** changed: isolated or restored; skipped: nothing to do, or refused (why in `code` / `message`). */
  result: 'changed' | 'skipped';
  code: string | null;
  message: string | null;
};

/**
 * Isolate or restore a list of customers by hand, each through the normal path (isolation's
 * change with a staff actor and history; a restore refused while an unpaid invoice holds the
 * line, unless forced). Run in a rolled-back transaction it is the preview.
 */
export async function bulkIsolation(ctx: Pick<BillingContext, 'clock' | 'isolation'>, trx: Tx, options: BulkIsolationOptions) {
  const ids = [...new Set(options.customerIds)];
  const { rows } = await sql<{ customer_id: string; code: string; name: string }>`
    select customer_id, code, name from customers_billable where customer_id = any(${ids}::uuid[])`.execute(trx);
  const known = new Map(rows.map((r) => [r.customer_id, r]));
  const outcomes: BulkIsolationOutcome[] = [];
  const skip = (customerId: string, code: string, message: string) =>
    outcomes.push({ customerId, customerCode: known.get(customerId)?.code ?? null, customerName: known.get(customerId)?.name ?? null, result: 'skipped', code, message });

  const billable = ids.filter((id) => known.has(id));
  for (const id of ids.filter((id) => !known.has(id))) skip(id, 'NOT_FOUND', 'No such active customer.');
  if (options.action === 'isolate') {
    const changed = await ctx.isolation.isolateInTransaction(
      trx,
      billable.map((customerId) => ({ customerId, reason: options.reason, trigger: 'manual', invoiceId: null })),
      { type: 'staff', userId: options.actorUserId },
    );
    const changedIds = new Set(changed.map((c) => c.customerId));
    for (const id of billable) {
      if (changedIds.has(id)) outcomes.push({ customerId: id, customerCode: known.get(id)!.code, customerName: known.get(id)!.name, result: 'changed', code: null, message: null });
      else skip(id, 'CONFLICT', 'The customer is already isolated.');
    }
  } else {
    for (const id of billable) {
      await sql`savepoint bulk_restore`.execute(trx);
      try {
        await restoreByStaff(ctx, trx, { actorUserId: options.actorUserId, customerId: id, reason: options.reason, force: options.force });
        await sql`release savepoint bulk_restore`.execute(trx);
        outcomes.push({ customerId: id, customerCode: known.get(id)!.code, customerName: known.get(id)!.name, result: 'changed', code: null, message: null });
      } catch (error) {
        if (!isAppError(error)) throw error;
        await sql`rollback to savepoint bulk_restore`.execute(trx);
        skip(id, error.code, error.message);
      }
    }
  }
  const order = new Map(ids.map((id, i) => [id, i]));
  outcomes.sort((a, b) => order.get(a.customerId)! - order.get(b.customerId)!);
  return { action: options.action, changed: outcomes.filter((o) => o.result === 'changed').length, outcomes };
}
