import { sql } from 'kysely';
import type { Tx } from '../../../platform/db/database.ts';
import type { Page } from '../../../platform/http/pagination.ts';
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

export type PaymentMethod = 'cash' | 'transfer' | 'gateway' | 'collector';

export type HistoryEntry = {
  id: string;
  type: PaymentHistoryType;
  amount: number;
  /** How the invoice was paid (Tunai / Transfer / gateway / collector); null before it was paid or for a void. */
  method: PaymentMethod | null;
  actorUserId: string | null;
  /** The staff member's name (identity's `identity_staff_names`); null for the system or a person no longer on staff. */
  actorName: string | null;
  reference: string | null;
  createdAt: Date;
};

/** An invoice's history, oldest first. */
export async function invoiceHistory(trx: Tx, invoiceId: string, page: Page): Promise<HistoryEntry[]> {
  const rows = await trx
    .selectFrom('billing_payment_history as h')
    .leftJoin('identity_staff_names as n', 'n.user_id', 'h.actor_user_id')
    .select(['h.id', 'h.type', 'h.amount', 'h.actor_user_id', 'n.name as actor_name', 'h.reference', 'h.created_at', methodOf])
    .where('h.invoice_id', '=', invoiceId)
    .orderBy('h.created_at')
    .orderBy('h.id')
    .limit(page.limit)
    .offset(page.offset)
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
    .leftJoin('customers_labels as c', 'c.customer_id', 'h.customer_id')
    // Who did it, by name, from identity's published read model.
    .leftJoin('identity_staff_names as n', 'n.user_id', 'h.actor_user_id')
    .select([
      'n.name as actor_name',
      methodOf,
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

/** The method of the payment behind a money line (voids have none). */
const methodOf = sql<string | null>`case when h.type <> 'voided' then
  (select p.method from billing_payments p where p.invoice_id = h.invoice_id order by p.received_at limit 1) end`.as('method');

const toHistoryEntry = (r: {
  id: string;
  type: string;
  amount: string;
  method: string | null;
  actor_user_id: string | null;
  actor_name: string | null;
  reference: string | null;
  created_at: Date;
}): HistoryEntry => ({
  id: r.id,
  type: r.type as PaymentHistoryType, // the table's check constraint
  amount: Number(r.amount),
  method: r.method as PaymentMethod | null, // billing_payments' check constraint
  actorUserId: r.actor_user_id,
  actorName: r.actor_name,
  reference: r.reference,
  createdAt: r.created_at,
});
