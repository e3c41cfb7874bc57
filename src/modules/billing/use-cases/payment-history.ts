import type { Tx } from '../../../platform/db/database.ts';
import { newId } from '../../../platform/ids.ts';
import { customerLabel, transactionTenantId, type BillingContext, type Invoice, type PaymentHistoryType } from '../billing.model.ts';

export type AddHistoryOptions = { type: PaymentHistoryType; amount: number; actorUserId: string | null; reference: string | null };

/** One line of an invoice's money history (paid, voided, collected …). */
export async function addHistory(ctx: Pick<BillingContext, 'clock'>, trx: Tx, invoice: Invoice, entry: AddHistoryOptions): Promise<void> {
  await trx
    .insertInto('billing_payment_history')
    .values({
      id: newId(),
      tenant_id: transactionTenantId,
      invoice_id: invoice.id,
      customer_id: invoice.customerId,
      type: entry.type,
      amount: entry.amount,
      actor_user_id: entry.actorUserId,
      reference: entry.reference,
      created_at: ctx.clock.now(),
    })
    .execute();
}

export type HistoryEntry = {
  id: string;
  type: PaymentHistoryType;
  amount: number;
  actorUserId: string | null;
  reference: string | null;
  createdAt: Date;
};

/** An invoice's history, oldest first. */
export async function invoiceHistory(trx: Tx, invoiceId: string): Promise<HistoryEntry[]> {
  const rows = await trx
    .selectFrom('billing_payment_history')
    .select(['id', 'type', 'amount', 'actor_user_id', 'reference', 'created_at'])
    .where('invoice_id', '=', invoiceId)
    .orderBy('created_at')
    .execute();
  return rows.map(toHistoryEntry);
}

export type PaymentHistoryOptions = { customerId?: string; limit: number };

/** The tenant's (or one customer's) latest money history, newest first, with invoice number and customer label. */
export async function paymentHistory(trx: Tx, filter: PaymentHistoryOptions) {
  let query = trx
    .selectFrom('billing_payment_history as h')
    .innerJoin('billing_invoices as i', 'i.id', 'h.invoice_id')
    // Names come from the customers module's read model; customers who left keep their lines, unnamed.
    .leftJoin('customers_billable as c', 'c.customer_id', 'h.customer_id')
    .select([
      'h.id',
      'h.invoice_id',
      'i.number',
      'h.customer_id',
      'c.name as customer_name',
      'c.code as customer_code',
      'h.type',
      'h.amount',
      'h.actor_user_id',
      'h.reference',
      'h.created_at',
    ])
    .orderBy('h.created_at', 'desc')
    .limit(filter.limit);
  if (filter.customerId) query = query.where('h.customer_id', '=', filter.customerId);
  const rows = await query.execute();
  return rows.map((r) => ({
    ...toHistoryEntry(r),
    invoiceId: r.invoice_id,
    invoiceNumber: r.number,
    customerId: r.customer_id,
    ...customerLabel(r),
  }));
}

const toHistoryEntry = (r: { id: string; type: string; amount: string; actor_user_id: string | null; reference: string | null; created_at: Date }): HistoryEntry => ({
  id: r.id,
  type: r.type as PaymentHistoryType, // the table's check constraint
  amount: Number(r.amount),
  actorUserId: r.actor_user_id,
  reference: r.reference,
  createdAt: r.created_at,
});
