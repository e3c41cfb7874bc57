import type { Tx } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { newId } from '../../../platform/ids.ts';
import { billingErrors } from '../billing.errors.ts';
import { eventRef, transactionTenantId, type BillingContext, type Invoice, type ManualPayment, type PaymentHistoryType, type PaymentSource } from '../billing.model.ts';
import { getInvoiceInTransaction } from './invoices.ts';
import { addHistory } from './payment-history.ts';
import { policyInTransaction } from './policy.ts';
import { issueReceiptInTransaction } from './receipts.ts';

export type PayOptions = {
  invoiceId: string;
  amount: number;
  source: PaymentSource;
  method: 'cash' | 'transfer' | 'gateway' | 'collector';
  provider?: string | null;
  providerRef?: string | null;
  actorUserId?: string | null;
  note?: string | null;
  historyType: PaymentHistoryType;
};

/**
 * Marks an invoice paid inside the caller's transaction: the invoice row is locked, the
 * amount must match, the payment and its history entry are written, and `paid` plus
 * `payment confirmed` are published. A provider reference that was already recorded
 * returns the earlier payment (a repeated notification pays nothing twice).
 */
export async function payInTransaction(
  ctx: Pick<BillingContext, 'clock' | 'publishMany'>,
  trx: Tx,
  input: PayOptions,
): Promise<{ paymentId: string; receiptNumber: string | null; duplicate: boolean; invoice: Invoice }> {
  const invoice = await getInvoiceInTransaction(trx, input.invoiceId, { lock: true });
  if (input.provider && input.providerRef) {
    const earlier = await trx
      .selectFrom('billing_payments')
      .select('id')
      .where('provider', '=', input.provider)
      .where('provider_ref', '=', input.providerRef)
      .executeTakeFirst();
    if (earlier) return { paymentId: earlier.id, receiptNumber: null, duplicate: true, invoice };
  }
  if (invoice.status === 'paid') throw new AppError(billingErrors.INVOICE_ALREADY_PAID, `Invoice ${invoice.number} is already paid.`);
  if (invoice.status === 'void') throw new AppError('CONFLICT', `Invoice ${invoice.number} is void.`);
  // Money desk: with partial payments on, less than what remains is a cicilan; more is refused either way.
  const { partialPayments } = await policyInTransaction(ctx, trx);
  if (input.amount > invoice.remaining && partialPayments) {
    throw new AppError(billingErrors.PAYMENT_OVERPAYMENT, `Invoice ${invoice.number} has Rp ${invoice.remaining} remaining; the payment is Rp ${input.amount}.`, {
      fields: { amount: 'exceeds_remaining' },
      remaining: invoice.remaining,
      received: input.amount,
    });
  }
  if (input.amount !== invoice.remaining && !partialPayments) {
    throw new AppError(billingErrors.PAYMENT_AMOUNT_MISMATCH, `Invoice ${invoice.number} is Rp ${invoice.remaining}; the payment is Rp ${input.amount}.`, {
      fields: { amount: 'mismatch' },
      expected: invoice.remaining,
      received: input.amount,
    });
  }
  const paidAmount = invoice.paidAmount + input.amount;
  const settled = paidAmount === invoice.amount;
  const paymentId = newId();
  const now = ctx.clock.now();
  await trx
    .insertInto('billing_payments')
    .values({
      id: paymentId,
      tenant_id: transactionTenantId,
      invoice_id: invoice.id,
      amount: input.amount,
      method: input.method,
      provider: input.provider ?? null,
      provider_ref: input.providerRef ?? null,
      recorded_by: input.actorUserId ?? null,
      received_at: now,
      note: input.note ?? null,
    })
    .execute();
  await trx
    .updateTable('billing_invoices')
    .set(settled ? { status: 'paid', paid_at: now, paid_amount: paidAmount } : { paid_amount: paidAmount })
    .where('id', '=', invoice.id)
    .execute();
  const receipt = await issueReceiptInTransaction(ctx, trx, { paymentId, invoice, amount: input.amount, method: input.method, staffUserId: input.actorUserId ?? null });
  await addHistory(ctx, trx, invoice, {
    type: input.historyType,
    amount: input.amount,
    actorUserId: input.actorUserId ?? null,
    reference: input.providerRef ?? input.note ?? null,
  });
  // Both events in one outbox INSERT (a statement fewer per payment), confirmed first: one key, in this order.
  const confirmed = {
    type: 'billing.payment.confirmed' as const,
    data: { paymentId, invoiceId: invoice.id, customerId: invoice.customerId, amount: input.amount, source: input.source, provider: input.provider ?? null },
    key: invoice.customerId,
  };
  const after = { paidAmount, remaining: invoice.amount - paidAmount };
  if (!settled) {
    await ctx.publishMany(trx, [
      confirmed,
      { type: 'billing.invoice.partially_paid', data: { ...eventRef(invoice), paymentId, source: input.source, ...after }, key: invoice.customerId },
    ]);
    return { paymentId, receiptNumber: receipt.number, duplicate: false, invoice: { ...invoice, ...after } };
  }
  await ctx.publishMany(trx, [confirmed, { type: 'billing.invoice.paid', data: { ...eventRef(invoice), paymentId, source: input.source }, key: invoice.customerId }]);
  return { paymentId, receiptNumber: receipt.number, duplicate: false, invoice: { ...invoice, ...after, status: 'paid' as const, paidAt: now } };
}

export type RecordPaymentOptions = { actorUserId: string; invoiceId: string; payment: ManualPayment };

/**
 * Finance or admin records cash or a bank transfer, inside the caller's transaction (the
 * route's, which stores the answer to an Idempotency-Key with it).
 */
export async function recordPaymentInTransaction(ctx: Pick<BillingContext, 'clock' | 'publishMany'>, trx: Tx, { actorUserId, invoiceId, payment }: RecordPaymentOptions) {
  const { paymentId, receiptNumber } = await payInTransaction(ctx, trx, {
    invoiceId,
    amount: payment.amount,
    source: 'finance',
    method: payment.method,
    actorUserId,
    note: payment.note,
    historyType: 'manual',
  });
  return { paymentId, receiptNumber, invoice: await getInvoiceInTransaction(trx, invoiceId) };
}
