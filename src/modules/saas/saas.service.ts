import { sql } from 'kysely';
import type { Page } from '../../platform/http/pagination.ts';
import type { TenantId, Tx } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { createPaymentGateway, type PaymentNotificationRequest } from '../billing/index.ts';
import type { FeatureName, LimitName, SaasDeps } from './saas.model.ts';
import { addOverride, createAddon, createPlan, endOverride, listAddons, listFeatureSwitches, listOverrides, listPlans, reconcileTenant, setFeatureSwitch, setTenantPlan, tenantOverview, updateAddon, updatePlan, type AddonInput, type OverrideInput, type PlanInput } from './use-cases/catalog.ts';
import { paymentLinkFor, type BillTo } from './use-cases/payment-links.ts';
import { addDomain, listAllDomains, listDomains, removeDomain, tenantOfCustomHost, verifyDomain } from './use-cases/domains.ts';
import { assertWithinLimit, entitlementsInTransaction, featureEnabledInTransaction, featuresInTransaction, remainingInLimit, type CountUsed } from './use-cases/entitlements.ts';
import { issueMonthlyInvoice, listInvoices, lockingInvoiceInTransaction, markInvoicePaid, purchaseAddon, remindUnpaidInvoices } from './use-cases/saas-invoices.ts';

export type SaasService = ReturnType<typeof createSaasService>;

/**
 * What other modules call inside their creating transaction (the composition root hands it in):
 * `assertWithinLimit(trx, 'customers', countUsed)` before the insert.
 */
export type LimitGuard = {
  assertWithinLimit(trx: Tx, limit: LimitName, countUsed: CountUsed, adding?: number): Promise<void>;
  /** `period`: a quota counted per month (its key, e.g. `2026-12`) warns once per month at 80 %. */
  remainingInLimit(trx: Tx, limit: LimitName, countUsed: CountUsed, options?: { period?: string }): Promise<number | null>;
};

/** The SaaS module's service: each use case lives in use-cases/<name>.ts and runs in the caller's transaction. */
export function createSaasService(deps: SaasDeps & { tenantIdBySlug: (slug: string) => Promise<TenantId | null>; billTo: BillTo }) {
  const { db, tenantIdBySlug, billTo, ...ctx } = deps;
  const inTenant = <T>(tenantId: TenantId, fn: (trx: Tx) => Promise<T>) => db.tenant(tenantId, fn);
  const asPlatform = <T>(fn: (trx: Tx) => Promise<T>, userId?: string) => db.platform(fn, { userId });

  const limits: LimitGuard = {
    assertWithinLimit: (trx, limit, countUsed, adding) => assertWithinLimit(ctx, trx, { limit, countUsed, adding }),
    remainingInLimit: (trx, limit, countUsed, options) => remainingInLimit(ctx, trx, limit, countUsed, options),
  };

  const gateway = () => {
    if (!ctx.config.gateway) throw new AppError('NOT_FOUND', 'The platform has no payment gateway account.');
    return createPaymentGateway(ctx.config.gateway, { clock: ctx.clock, fetch: ctx.fetch, providerUrls: ctx.providerUrls });
  };

  /** A host that reaches a tenant: `<slug>.<platform domain>`, or a verified custom domain. */
  async function tenantOfHost(rawHost: string): Promise<TenantId | null> {
    const host = rawHost.toLowerCase().replace(/:\d+$/, '').replace(/\.$/, '');
    const suffix = `.${ctx.config.platformDomain}`;
    if (host.endsWith(suffix)) {
      const slug = host.slice(0, -suffix.length);
      return slug.includes('.') ? null : tenantIdBySlug(slug);
    }
    return (await db.system((trx) => tenantOfCustomHost(trx, host))) as TenantId | null;
  }

  return {
    limits,
    // the tenant's view
    entitlements: (tenantId: TenantId) =>
      inTenant(tenantId, async (trx) => {
        const entitlements = await entitlementsInTransaction(ctx, trx, tenantId);
        const usage = await trx.selectFrom('saas_my_usage').selectAll().executeTakeFirst();
        const locking = await lockingInvoiceInTransaction(ctx, trx, tenantId);
        const subscription = await trx.selectFrom('saas_subscriptions').select('support_write').executeTakeFirst();
        return {
          supportWrite: subscription?.support_write ?? false,
          ...entitlements,
          usage: {
            customers: Number(usage?.customers ?? 0),
            routers: Number(usage?.routers ?? 0),
            staff: Number(usage?.staff ?? 0),
            whatsapp_messages: (await ctx.whatsappQuotaUsed?.(trx)) ?? null,
          },
          locked: locking !== null,
          platformDomain: ctx.config.platformDomain,
        };
      }),
    featuresOf: (tenantId: TenantId) => inTenant(tenantId, async (trx) => (await entitlementsInTransaction(ctx, trx, tenantId)).features),
    featureEnabled: (tenantId: TenantId, feature: FeatureName) => inTenant(tenantId, (trx) => featureEnabledInTransaction(ctx, trx, tenantId, feature)),
    lockingInvoice: (tenantId: TenantId) => inTenant(tenantId, (trx) => lockingInvoiceInTransaction(ctx, trx, tenantId)),
    /** What every request asks (the features on, the invoice locking the console), in one transaction of two reads. */
    requestEntitlements: (tenantId: TenantId) =>
      inTenant(tenantId, async (trx) => ({ features: await featuresInTransaction(ctx, trx, tenantId), locking: await lockingInvoiceInTransaction(ctx, trx, tenantId) })),
    addonsOnSale: (tenantId: TenantId) => inTenant(tenantId, (trx) => listAddons(trx, true)),
    purchaseAddon: (tenantId: TenantId, addonId: string, quantity: number) => inTenant(tenantId, (trx) => purchaseAddon(ctx, trx, { tenantId, addonId, quantity })),
    invoices: (tenantId: TenantId, page: Page) => inTenant(tenantId, (trx) => listInvoices(trx, tenantId, page)),
    /** The owner's "Pay": the invoice's payment link at the platform's own gateway account. */
    payInvoice: (tenantId: TenantId, invoiceId: string) =>
      paymentLinkFor(ctx, { read: (fn) => inTenant(tenantId, fn), keep: (fn) => asPlatform(fn), createLink: (request) => gateway().createPaymentLink(request), billTo }, invoiceId),
    setSupportWrite: (tenantId: TenantId, allowed: boolean) =>
      inTenant(tenantId, async (trx) => {
        const now = ctx.clock.now();
        await trx
          .insertInto('saas_subscriptions')
          .values({ tenant_id: tenantId, plan_id: sql<string>`(select id from saas_plans where is_default)`, support_write: allowed, updated_at: now })
          .onConflict((oc) => oc.column('tenant_id').doUpdateSet({ support_write: allowed, updated_at: now }))
          .execute();
      }),
    /** Whether the owner allowed an impersonating super admin to write (identity asks when one starts). */
    supportWriteAllowed: (tenantId: string) =>
      asPlatform(async (trx) => (await trx.selectFrom('saas_subscriptions').select('support_write').where('tenant_id', '=', tenantId).executeTakeFirst())?.support_write ?? false),
    // domains
    addDomain: (tenantId: TenantId, host: string) => inTenant(tenantId, (trx) => addDomain(ctx, trx, tenantId, host)),
    listDomains: (tenantId: TenantId, page: Page) => inTenant(tenantId, (trx) => listDomains(ctx, trx, page)),
    verifyDomain: (tenantId: TenantId, domainId: string) => inTenant(tenantId, (trx) => verifyDomain(ctx, trx, domainId)),
    removeDomain: (tenantId: TenantId, domainId: string) => inTenant(tenantId, (trx) => removeDomain(trx, domainId)),
    tenantOfHost,
    // the platform's view (super admin)
    plans: () => asPlatform(listPlans),
    createPlan: (input: PlanInput) => asPlatform((trx) => createPlan(ctx, trx, input)),
    updatePlan: (planId: string, change: Parameters<typeof updatePlan>[2]) => asPlatform((trx) => updatePlan(trx, planId, change)),
    addons: () => asPlatform((trx) => listAddons(trx, false)),
    createAddon: (input: AddonInput) => asPlatform((trx) => createAddon(ctx, trx, input)),
    updateAddon: (addonId: string, change: Parameters<typeof updateAddon>[2]) => asPlatform((trx) => updateAddon(trx, addonId, change)),
    allDomains: (page: Page) => asPlatform((trx) => listAllDomains(trx, page)),
    setTenantPlan: (tenantId: string, planId: string) => asPlatform((trx) => setTenantPlan(ctx, trx, tenantId, planId)),
    overrides: (tenantId: string, page: Page) => asPlatform((trx) => listOverrides(trx, tenantId, page)),
    addOverride: (tenantId: string, userId: string, input: OverrideInput) => asPlatform((trx) => addOverride(ctx, trx, tenantId, userId, input), userId),
    endOverride: (tenantId: string, overrideId: string) => asPlatform((trx) => endOverride(ctx, trx, tenantId, overrideId)),
    featureSwitches: () => asPlatform(listFeatureSwitches),
    setFeatureSwitch: (feature: FeatureName, enabled: boolean, reason: string) => asPlatform((trx) => setFeatureSwitch(ctx, trx, feature, enabled, reason)),
    overview: (page: Page) => asPlatform((trx) => tenantOverview(ctx, trx, page)),
    allInvoices: (page: Page) => asPlatform((trx) => listInvoices(trx, null, page)),
    markInvoicePaid: (invoiceId: string, userId: string) => asPlatform((trx) => markInvoicePaid(ctx, trx, { via: 'super_admin', invoiceId }), userId),
    /** The platform gateway's notification (verified on the raw bytes): a paid one settles its SaaS invoice. */
    async handleGatewayNotification(request: PaymentNotificationRequest) {
      const notification = gateway().verifyNotification(request);
      if (notification.status !== 'paid') return { settled: false, status: notification.status };
      const result = await asPlatform((trx) => markInvoicePaid(ctx, trx, { via: 'gateway', orderId: notification.orderId, providerRef: notification.providerRef, amount: notification.amount }));
      return { settled: !result.alreadyPaid, status: notification.status };
    },
    // workers
    issueMonthlyInvoice: (tenantId: TenantId) => asPlatform((trx) => issueMonthlyInvoice(ctx, trx, tenantId)),
    remindUnpaidInvoices: (tenantId: TenantId) => asPlatform((trx) => remindUnpaidInvoices(ctx, trx, tenantId)),
    reconcile: (tenantId: TenantId) => asPlatform((trx) => reconcileTenant(ctx, trx, tenantId)),
  };
}
