import type { Tx } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import type { PortalContext } from '../portal.model.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type Receipt = {
  tenantName: string;
  customer: { code: string; name: string; address: string };
  invoice: { number: string; period: string; amount: number; description: string; paidAt: Date | null; status: string };
};

/**
 * A printable receipt for one of the customer's own paid invoices (the money desk issue builds
 * full receipts). Another customer's invoice, an unpaid one or a made-up id: the same "not found".
 */
export async function receiptInTransaction(ctx: PortalContext, trx: Tx, customerId: string, invoiceId: string): Promise<Receipt> {
  const notFound = new AppError('NOT_FOUND', 'Kuitansi tidak ditemukan.');
  if (!UUID.test(invoiceId)) throw notFound;
  const invoice = await ctx.billing.getInvoiceInTransaction(trx, invoiceId).catch(() => null);
  if (!invoice || invoice.customerId !== customerId || (invoice.status === 'unpaid' || invoice.status === 'void')) throw notFound;
  const customer = await ctx.customers.getInTransaction(trx, customerId);
  const tenant = await ctx.tenants.profileInTransaction(trx);
  return {
    tenantName: tenant.name,
    customer: { code: customer!.code, name: customer!.name, address: customer!.address },
    invoice: { number: invoice.number, period: invoice.period, amount: invoice.amount, description: invoice.description, paidAt: invoice.paidAt, status: invoice.status },
  };
}
