import type { TenantId, Database } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { portalErrors } from '../portal.errors.ts';
import type { PortalContext } from '../portal.model.ts';

const notFound = () => new AppError('NOT_FOUND', 'Tagihan tidak ditemukan.');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type PayInvoiceOptions = { customerId: string; invoiceId: string };

/**
 * A payment link for one of the customer's own unpaid invoices through the tenant's gateway (the
 * first active account). Another customer's invoice, or one that does not exist, is the same
 * "not found". The provider call happens outside any transaction (billing's payment links).
 */
export async function payInvoice(ctx: PortalContext & { db: Database }, tenantId: TenantId, options: PayInvoiceOptions): Promise<{ url: string }> {
  if (!UUID.test(options.invoiceId)) throw notFound();
  await ctx.db.tenant(tenantId, async (trx) => {
    const invoice = await ctx.billing.getInvoiceInTransaction(trx, options.invoiceId).catch(() => null);
    if (!invoice || invoice.customerId !== options.customerId) throw notFound();
  });
  const accounts = await ctx.payments.listAccounts(tenantId);
  const account = accounts.find((a) => a.isActive);
  if (!account) {
    throw new AppError(portalErrors.PORTAL_NO_PAYMENT_GATEWAY, 'Pembayaran online belum tersedia. Silakan hubungi kantor kami untuk membayar.');
  }
  const link = await ctx.payments.createPaymentLink(tenantId, options.invoiceId, account.provider);
  return { url: link.url };
}

/** The isolir page's pay button: the oldest unpaid invoice of the customer at that address. */
export async function payOldestUnpaid(ctx: PortalContext & { db: Database }, tenantId: TenantId, customerId: string): Promise<{ url: string }> {
  const oldest = await ctx.db.tenant(tenantId, async (trx) => {
    const { items } = await ctx.billing.listInvoicesInTransaction(trx, { customerId, status: 'unpaid', limit: 100, offset: 0 });
    return items.sort((a, b) => a.dueDate.localeCompare(b.dueDate))[0] ?? null;
  });
  if (!oldest) throw notFound();
  return payInvoice(ctx, tenantId, { customerId, invoiceId: oldest.id });
}
