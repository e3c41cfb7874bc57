import type { CreatePaymentLinkRequest, PaymentLink } from '../../billing/index.ts';
import { addDays, startOfLocalDay } from '../../../platform/dates.ts';
import type { Tx } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import type { SaasContext } from '../saas.model.ts';
import { saasErrors } from '../saas.errors.ts';
import { toSaasInvoice, type SaasInvoice } from './saas-invoices.ts';

/** Who pays a tenant's SaaS invoices at the gateway: the tenant's name and its owner's contact. */
export type BillTo = (tenantId: string) => Promise<CreatePaymentLinkRequest['customer']>;

/** Days a link stays payable after the console would lock for the invoice. */
const LINK_DAYS_AFTER_LOCK = 30;

/**
 * The owner presses "Pay": the invoice's link at the platform's own gateway account. It is
 * created once and kept (the provider refuses a second link for the same order id), so a second
 * press, or the super admin's view, answers the same link. Runs in three steps so no transaction
 * waits on the provider: read (tenant), create (network), keep (platform).
 */
export async function paymentLinkFor(
  ctx: SaasContext,
  steps: {
    read: <T>(fn: (trx: Tx) => Promise<T>) => Promise<T>;
    keep: <T>(fn: (trx: Tx) => Promise<T>) => Promise<T>;
    createLink: (request: CreatePaymentLinkRequest) => Promise<PaymentLink>;
    billTo: BillTo;
  },
  invoiceId: string,
): Promise<SaasInvoice & { paymentUrl: string }> {
  const invoice = await steps.read(async (trx) => {
    const row = await trx.selectFrom('saas_invoices').selectAll().where('id', '=', invoiceId).executeTakeFirst();
    return row ? toSaasInvoice(row) : null;
  });
  if (!invoice) throw new AppError('NOT_FOUND', 'No such SaaS invoice.');
  if (invoice.status === 'paid') throw new AppError(saasErrors.SAAS_INVOICE_ALREADY_PAID, `SaaS invoice ${invoice.number} is already paid.`);
  if (invoice.status === 'void') throw new AppError('CONFLICT', `SaaS invoice ${invoice.number} is void.`);
  if (invoice.paymentUrl) return { ...invoice, paymentUrl: invoice.paymentUrl };

  const customer = await steps.billTo(invoice.tenantId);
  if (!customer.phone) {
    throw new AppError('VALIDATION_FAILED', 'The payment page needs the owner’s phone number: add it to your staff profile, then press Pay again.', { fields: [{ field: 'owner.phone', problem: 'required' }] });
  }
  const lastDay = addDays(invoice.dueDate, ctx.config.graceDays + LINK_DAYS_AFTER_LOCK);
  const link = await steps.createLink({
    orderId: invoice.orderId,
    amount: invoice.amount,
    customer,
    description: `${invoice.number} ${invoice.description}`,
    expiresAt: startOfLocalDay(addDays(lastDay, 1), ctx.config.timeZone),
  });
  // A concurrent press may have kept its link first: the first kept is the invoice's.
  const kept = await steps.keep(async (trx) => {
    await trx
      .updateTable('saas_invoices')
      .set({ payment_url: link.url, payment_link_expires_at: link.expiresAt })
      .where('id', '=', invoice.id)
      .where('payment_url', 'is', null)
      .execute();
    return trx.selectFrom('saas_invoices').selectAll().where('id', '=', invoice.id).executeTakeFirstOrThrow();
  });
  const result = toSaasInvoice(kept);
  return { ...result, paymentUrl: result.paymentUrl ?? link.url };
}
