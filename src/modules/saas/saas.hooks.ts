import type { FastifyRequest } from 'fastify';
import type { Clock } from '../../platform/clock.ts';
import { createAccessCache } from '../../platform/db/access-cache.ts';
import type { Database, TenantId } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import type { HttpServer } from '../../platform/http/server.ts';
import type { Permission } from '../identity/index.ts';
import type { FeatureName } from './saas.model.ts';
import type { SaasInvoice } from './use-cases/saas-invoices.ts';
import type { SaasService } from './saas.service.ts';
import { saasErrors } from './saas.errors.ts';

declare module 'fastify' {
  interface FastifySchema {
    /** The feature a route belongs to: refused with FEATURE_DISABLED while it is off for the tenant. */
    'x-feature'?: FeatureName;
  }
}

/**
 * Writes that keep serving the tenant's customers while its console is locked for an unpaid
 * SaaS invoice: recording their payments (and restoring after them), isolation and restoration,
 * collections, a payment link for a customer to pay with. Webhooks, RADIUS and the portal are not staff routes and are never locked; the
 * subscription pages stay open so the owner can pay.
 */
const servesCustomers = new Set<Permission>(['billing.read' /* a customer's payment link */, 'payments.record', 'isolation.manage', 'collections.collect', 'deposits.confirm', 'subscription.manage', 'subscription.read']);
const readOnly = new Set(['GET', 'HEAD', 'OPTIONS']);

export type RequestEntitlements = ReturnType<typeof createRequestEntitlements>;

/**
 * What a tenant's subscription allows, as requests ask it (every `'x-feature'` route, every
 * console write, /api/me): read from one place (the effective-features SQL function, the SaaS
 * invoices) and cached per process until an access change (plan, add-on, override, kill switch,
 * invoice) or the cache's max age, which also bounds a lock that starts with a new day.
 */
export function createRequestEntitlements(saas: SaasService, deps: { db: Database; clock: Clock }) {
  const cache = createAccessCache<{ features: FeatureName[]; locking: SaasInvoice | null }>(deps);
  const of = async (tenantId: TenantId) =>
    (await cache.get(tenantId, async () => ({ value: await saas.requestEntitlements(tenantId) })))!;
  const featureEnabled = async (tenantId: TenantId, feature: FeatureName) => (await of(tenantId)).features.includes(feature);
  return {
    featuresOf: async (tenantId: TenantId): Promise<string[]> => (await of(tenantId)).features,
    featureEnabled,
    /** Refuses with FEATURE_DISABLED while `feature` is off for the tenant (its routes, and API tokens as they authenticate). */
    requireFeature: async (tenantId: TenantId, feature: FeatureName) => {
      if (!(await featureEnabled(tenantId, feature))) {
        throw new AppError(saasErrors.FEATURE_DISABLED, `The ${feature} feature is not part of your subscription now. Buy it as an add-on, or ask the platform.`, { feature });
      }
    },
    lockingInvoice: async (tenantId: TenantId) => (await of(tenantId)).locking,
  };
}

/** Installed on the root server before any route: feature switches and the subscription lock, from `createRequestEntitlements`. */
export function installSaasHooks(app: HttpServer, entitlements: RequestEntitlements) {
  app.addHook('preHandler', async (request: FastifyRequest) => {
    const schema = request.routeOptions.schema;
    const tenantId = request.actor?.tenantId as TenantId | null | undefined;
    if (!schema || !tenantId) return;
    const feature = schema['x-feature'];
    if (feature) await entitlements.requireFeature(tenantId, feature);
    const permission = schema['x-permission'];
    if (!permission || readOnly.has(request.method) || servesCustomers.has(permission)) return;
    const locking = await entitlements.lockingInvoice(tenantId);
    if (locking) {
      throw new AppError(
        saasErrors.SUBSCRIPTION_LOCKED,
        `The console is read-only until SaaS invoice ${locking.number} (Rp ${locking.amount.toLocaleString('id-ID')}, due ${locking.dueDate}) is paid. Pay it in Subscription; your customers' payments, isolation and restoration keep working.`,
        { invoiceId: locking.id, number: locking.number, amount: locking.amount },
      );
    }
  });
}
