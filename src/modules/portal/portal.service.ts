import type { TenantId } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { portalErrors } from './portal.errors.ts';
import type { PortalDeps } from './portal.model.ts';
import { submitComplaint, type SubmitComplaintOptions } from './use-cases/complaints.ts';
import { customerAtAddressInTransaction, customerView, lineStatusInTransaction } from './use-cases/customer-view.ts';
import { endSession, requestCode, sessionCustomer, verifyCode, type RequestCodeOptions, type VerifyCodeOptions } from './use-cases/one-time-codes.ts';
import { payInvoice, payOldestUnpaid, type PayInvoiceOptions } from './use-cases/payments.ts';
import { receiptInTransaction } from './use-cases/receipts.ts';
import { routerScript } from './use-cases/router-script.ts';

export { maskName, type LineStatus, type PortalDeps } from './portal.model.ts';
export type { CustomerView } from './use-cases/customer-view.ts';

export type PortalService = ReturnType<typeof createPortalService>;

/**
 * The customer portal and the isolir landing page: one-time WhatsApp codes, short portal
 * sessions, the customer's own invoices and payment links, receipts, complaints, the captive
 * portal API and the per-router walled-garden script. Use cases in use-cases/; this only wires.
 */
export function createPortalService(deps: PortalDeps) {
  const { db, ...ctx } = deps;
  const full = { ...ctx, db };

  const tenantBySlug = async (slug: string): Promise<TenantId | null> => (/^[a-z0-9-]{1,63}$/.test(slug) ? ctx.tenants.findIdBySlug(slug) : null);

  return {
    tenantBySlug,
    /** Whether the tenant's subscription includes the customer portal (its isolir page works either way). */
    portalEnabled: async (tenantId: TenantId) => (ctx.saas ? ctx.saas.featureEnabled(tenantId, 'customer_portal') : true),
    /** The tenant a Host belongs to (`<slug>.<platform domain>` or a verified custom domain), if any. */
    tenantOfHost: async (host: string): Promise<TenantId | null> => (ctx.saas ? ctx.saas.tenantOfHost(host) : null),
    tenantProfile: (tenantId: TenantId) => db.tenant(tenantId, (trx) => ctx.tenants.profileInTransaction(trx)),
    /** Whether the tenant has an active payment gateway (else the pages say "pay at the office"). */
    canPay: async (tenantId: TenantId) => (await ctx.payments.listAccounts(tenantId)).some((a) => a.isActive),
    requestCode: (tenantId: TenantId, options: RequestCodeOptions) => db.tenant(tenantId, (trx) => requestCode(ctx, trx, options)),
    /** The refusal is thrown after the transaction: the wrong try it counted stays counted. */
    async verifyCode(tenantId: TenantId, options: VerifyCodeOptions) {
      const result = await db.tenant(tenantId, (trx) => verifyCode(ctx, trx, options));
      if (result.ok) return result;
      if (result.reason === 'locked') {
        throw new AppError(portalErrors.PORTAL_CODE_LOCKED, 'Kode salah 5 kali. Minta kode baru.', { fields: { code: 'locked' } });
      }
      throw new AppError(portalErrors.PORTAL_CODE_INVALID, 'Kode salah atau sudah tidak berlaku.', { fields: { code: 'invalid' } });
    },
    sessionCustomer: (tenantId: TenantId, token: string) => db.tenant(tenantId, (trx) => sessionCustomer(ctx, trx, token)),
    endSession: (tenantId: TenantId, token: string) => db.tenant(tenantId, (trx) => endSession(ctx, trx, token)),
    customerView: (tenantId: TenantId, customerId: string, options: { masked: boolean }) => db.tenant(tenantId, (trx) => customerView(ctx, trx, customerId, options)),
    customerAtAddress: (tenantId: TenantId, address: string) => db.tenant(tenantId, (trx) => customerAtAddressInTransaction(ctx, trx, address)),
    lineStatus: (tenantId: TenantId, customerId: string) => db.tenant(tenantId, (trx) => lineStatusInTransaction(ctx, trx, customerId)),
    /** What the status stream sends: the line, and the ids of the customer's own invoices still unpaid (their cards stay). */
    liveStatus: (tenantId: TenantId, customerId: string) =>
      db.tenant(tenantId, async (trx) => {
        const { items } = await ctx.billing.listInvoicesInTransaction(trx, { customerId, status: 'unpaid', limit: 100, offset: 0 });
        return { line: await lineStatusInTransaction(ctx, trx, customerId, items.length), unpaid: items.map((i) => i.id) };
      }),
    payInvoice: (tenantId: TenantId, options: PayInvoiceOptions) => payInvoice(full, tenantId, options),
    payOldestUnpaid: (tenantId: TenantId, customerId: string) => payOldestUnpaid(full, tenantId, customerId),
    receipt: (tenantId: TenantId, customerId: string, invoiceId: string) => db.tenant(tenantId, (trx) => receiptInTransaction(ctx, trx, customerId, invoiceId)),
    submitComplaint: (tenantId: TenantId, options: SubmitComplaintOptions) => db.tenant(tenantId, (trx) => submitComplaint(ctx, trx, options)),
    /** RFC 8908: captive while the line at this address is isolated. */
    async captiveState(tenantId: TenantId, address: string) {
      const customerId = await db.tenant(tenantId, (trx) => customerAtAddressInTransaction(ctx, trx, address));
      if (!customerId) return { captive: false };
      return { captive: (await db.tenant(tenantId, (trx) => lineStatusInTransaction(ctx, trx, customerId))) !== 'active' };
    },
    async routerScript(tenantId: TenantId, routerId: string, portalUrl: string) {
      const router = await ctx.network.getRouter(tenantId, routerId);
      const tenant = await db.tenant(tenantId, (trx) => ctx.tenants.profileInTransaction(trx));
      const accounts = await ctx.payments.listAccounts(tenantId);
      const gateways = accounts
        .filter((a) => a.isActive)
        .map((a) => ({ provider: a.provider, mode: (a.config.mode === 'production' ? 'production' : 'sandbox') as 'sandbox' | 'production' }));
      // Xendit has no mode field: one host serves both; its entry lists both checkout hosts under sandbox.
      return routerScript({ tenant, router, portalUrl, gateways, generatedAt: ctx.clock.now() });
    },
  };
}
