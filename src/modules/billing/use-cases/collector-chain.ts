import { sql } from 'kysely';
import type { Tx } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { issueReceiptsInTransaction } from './receipts.ts';
import { newId } from '../../../platform/ids.ts';
import { billingErrors } from '../billing.errors.ts';
import { eventRef, toInvoice, transactionTenantId, type BillingContext, type Invoice, type InvoiceRow, type PaymentHistoryType } from '../billing.model.ts';
import { invoiceColumns } from './invoices.ts';

/**
 * The money side of the collector cash chain (the collectors module decides who holds what;
 * billing alone changes an invoice's status and writes its money history):
 *
 *   unpaid ─collected─► awaiting_setoran ─setoran confirmed─► setoran_confirmed ─deposited─► paid
 *
 * Each phase adds one history line per invoice it covers, with the amount of that movement. With
 * partial collections (a tenant option) an invoice moves on once the phase's amounts reach its
 * amount; a rejected collection (history `collection_rejected`, negative) takes it back to unpaid.
 */
export type ChainItem = { invoiceId: string; amount: number };
export type ChainStep = { items: ChainItem[]; actorUserId: string; reference: string };

async function addHistoryRows(ctx: Pick<BillingContext, 'clock'>, trx: Tx, type: PaymentHistoryType, step: ChainStep, sign = 1) {
  if (step.items.length === 0) return;
  const now = ctx.clock.now();
  await sql`insert into billing_payment_history (id, tenant_id, invoice_id, customer_id, type, amount, actor_user_id, reference, created_at)
    select x.id, app_tenant_id(), i.id, i.customer_id, ${type}, x.amount * ${sign}, ${step.actorUserId}::uuid, ${step.reference}, ${now}
    from unnest(${sql.val(step.items.map(() => newId()))}::uuid[], ${sql.val(step.items.map((i) => i.invoiceId))}::uuid[], ${sql.val(step.items.map((i) => i.amount))}::bigint[])
      as x(id, invoice_id, amount)
    join billing_invoices i on i.id = x.invoice_id`.execute(trx);
}

/** Sum of one kind of chain movement per invoice (collected counts rejections, which are negative). */
const movedSql = (types: PaymentHistoryType[]) =>
  sql<number>`coalesce((select sum(h.amount) from billing_payment_history h where h.invoice_id = i.id and h.type in (${sql.join(types)})), 0)`;

export type MarkCollectedOptions = ChainStep & { partialAllowed: boolean };

/**
 * Phase 1: cash for these invoices is in a collector's hand. Each invoice is locked and must be
 * unpaid; the amount is what is still open on it (less with `partialAllowed`, never more: an
 * overpayment is handed back, never credited). Fully covered invoices → awaiting_setoran.
 */
export async function markCollectedInTransaction(ctx: Pick<BillingContext, 'clock'>, trx: Tx, options: MarkCollectedOptions): Promise<Invoice[]> {
  const ids = options.items.map((i) => i.invoiceId);
  const { rows } = await sql<InvoiceRow & { collected: string }>`
    select ${invoiceColumns}, ${movedSql(['collected_by_collector', 'collection_rejected'])} as collected
    from billing_invoices i where id = any(${sql.val(ids)}::uuid[]) order by id for update`.execute(trx);
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const item of options.items) {
    const row = byId.get(item.invoiceId);
    if (!row) throw new AppError('NOT_FOUND', 'No such invoice.', { fields: { invoiceIds: 'not_found' } });
    if (row.status !== 'unpaid') {
      throw new AppError(billingErrors.INVOICE_NOT_OPEN, `Invoice ${row.number} is ${row.status}, not open for collection.`, { invoiceId: row.id, status: row.status });
    }
    const open = Number(row.amount) - Number(row.collected);
    if (item.amount > open || (!options.partialAllowed && item.amount !== open)) {
      throw new AppError(billingErrors.PAYMENT_AMOUNT_MISMATCH, `Invoice ${row.number} has Rp ${open} open; the collection is Rp ${item.amount}.`, {
        fields: { amount: item.amount > open ? 'more_than_open' : 'partial_not_allowed' },
        expected: open,
        received: item.amount,
      });
    }
  }
  await addHistoryRows(ctx, trx, 'collected_by_collector', options);
  const { rows: updated } = await sql<InvoiceRow>`
    update billing_invoices i set status = 'awaiting_setoran'
    where i.id = any(${sql.val(ids)}::uuid[]) and i.status = 'unpaid' and ${movedSql(['collected_by_collector', 'collection_rejected'])} >= i.amount
    returning ${invoiceColumns}`.execute(trx);
  const moved = new Map(updated.map((r) => [r.id, toInvoice(r)]));
  return rows.map((r) => moved.get(r.id) ?? toInvoice(r));
}

/**
 * A collection refused by the office before its handover was confirmed (counterfeit notes, a
 * mistaken customer): history `collection_rejected` with the negative amount, and the invoice
 * back to unpaid — the daily scan's isolation rules apply to it again.
 */
export async function markCollectionRejectedInTransaction(ctx: Pick<BillingContext, 'clock'>, trx: Tx, step: ChainStep): Promise<void> {
  const ids = step.items.map((i) => i.invoiceId);
  const { rows } = await sql<{ id: string; number: string; status: string }>`
    select id, number, status from billing_invoices where id = any(${sql.val(ids)}::uuid[]) order by id for update`.execute(trx);
  const past = rows.find((r) => r.status !== 'unpaid' && r.status !== 'awaiting_setoran');
  if (past) throw new AppError(billingErrors.INVOICE_NOT_OPEN, `Invoice ${past.number} is ${past.status}: its collection can no longer be rejected.`);
  await addHistoryRows(ctx, trx, 'collection_rejected', step, -1);
  await sql`update billing_invoices set status = 'unpaid' where id = any(${sql.val(ids)}::uuid[]) and status = 'awaiting_setoran'`.execute(trx);
}

/** Phase 2: the office counted the collector's cash; invoices whose collections are all handed over → setoran_confirmed. */
export async function markSetoranConfirmedInTransaction(ctx: Pick<BillingContext, 'clock'>, trx: Tx, step: ChainStep): Promise<{ confirmed: number }> {
  await addHistoryRows(ctx, trx, 'setoran_confirmed', step);
  const { rows } = await sql<{ id: string }>`
    update billing_invoices i set status = 'setoran_confirmed'
    where i.id = any(${sql.val(step.items.map((x) => x.invoiceId))}::uuid[]) and i.status = 'awaiting_setoran' and ${movedSql(['setoran_confirmed'])} >= i.amount
    returning i.id`.execute(trx);
  return { confirmed: rows.length };
}

/**
 * Phase 3: finance banked the cash. Invoices whose deposited amounts reach their amount are paid:
 * one payment row each (method collector), then `billing.payment.confirmed` and
 * `billing.invoice.paid` — the same restore path every payment takes. Set-based: thousands of
 * invoices in a handful of statements.
 */
export async function markDepositedInTransaction(ctx: Pick<BillingContext, 'clock' | 'publishMany'>, trx: Tx, step: ChainStep): Promise<{ paid: Invoice[] }> {
  await addHistoryRows(ctx, trx, 'deposited', step);
  const now = ctx.clock.now();
  const { rows } = await sql<InvoiceRow>`
    update billing_invoices i set status = 'paid', paid_at = ${now}, paid_amount = i.amount
    where i.id = any(${sql.val(step.items.map((x) => x.invoiceId))}::uuid[]) and i.status = 'setoran_confirmed' and ${movedSql(['deposited'])} >= i.amount
    returning ${invoiceColumns}`.execute(trx);
  const paid = rows.map(toInvoice);
  if (paid.length === 0) return { paid };
  const paymentIds = paid.map(() => newId());
  await trx
    .insertInto('billing_payments')
    .values(
      paid.map((invoice, n) => ({
        id: paymentIds[n],
        tenant_id: transactionTenantId,
        invoice_id: invoice.id,
        amount: invoice.amount,
        method: 'collector' as const,
        recorded_by: step.actorUserId,
        received_at: now,
        note: step.reference,
      })),
    )
    .execute();
  // A deposit is a payment like any other: each gets its receipt (kuitansi), as payInTransaction does.
  await issueReceiptsInTransaction(
    ctx,
    trx,
    paid.map((invoice, n) => ({ paymentId: paymentIds[n]!, invoice, amount: invoice.amount, method: 'collector', staffUserId: step.actorUserId })),
  );
  await ctx.publishMany(
    trx,
    'billing.payment.confirmed',
    paid.map((invoice, n) => ({
      data: { paymentId: paymentIds[n], invoiceId: invoice.id, customerId: invoice.customerId, amount: invoice.amount, source: 'collector' as const, provider: null },
      key: invoice.customerId,
    })),
  );
  await ctx.publishMany(
    trx,
    'billing.invoice.paid',
    paid.map((invoice, n) => ({ data: { ...eventRef(invoice), paymentId: paymentIds[n], source: 'collector' as const }, key: invoice.customerId })),
  );
  return { paid };
}
