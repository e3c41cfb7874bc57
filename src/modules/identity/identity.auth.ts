import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TenantId } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { logContext } from '../../platform/logging/logger.ts';
import type { Actor } from './actor.ts';
import type { IdentityService } from './identity.service.ts';
import { hasPermission, seesOnlyAssignedCustomers, type Permission } from './permissions.ts';

export const SESSION_COOKIE = 'simpul_session';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifySchema {
    /**
     * The permission a route requires. Declared once in the route's schema: authentication
     * enforces it before the input is validated, handlers read it through `requirePermission`,
     * and OpenAPI shows it (an `x-` extension) to integrators and to the role matrix test.
     */
    'x-permission'?: Permission;
  }
}

const declaredPermission = (request: FastifyRequest) => request.routeOptions.schema?.['x-permission'];

/**
 * Resolves the caller from the session cookie or `Authorization: Bearer <API token>`, then
 * refuses them if the route declares a permission they lack (401 / 403 before any 400).
 * Returns the caller, or null for nobody.
 */
export const createAuthenticate = (identity: IdentityService) => async (request: FastifyRequest): Promise<Actor | null> => {
  request.actor = null;
  const bearer = request.headers.authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
  const cookie = request.cookies?.[SESSION_COOKIE];
  if (bearer) request.actor = await identity.authenticateApiToken(bearer);
  else if (cookie) request.actor = await identity.authenticateSession(cookie);
  if (request.actor) {
    const store = logContext.getStore();
    if (store) {
      Object.assign(store, {
        userId: request.actor.userId,
        tenantId: request.actor.tenantId ?? undefined,
        // The database narrows a collector-only caller to their assigned customers (collector_scope policies).
        scopeUserId: request.actor.tenantId && seesOnlyAssignedCustomers(request.actor.roles) ? request.actor.userId : undefined,
        // …and refuses a technician alone money, a collector alone tasks (app_staff_only policies).
        staffRoles: request.actor.tenantId ? request.actor.roles : undefined,
      });
    }
  }
  if (declaredPermission(request)) requirePermission(request);
  return request.actor;
};

export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('UNAUTHENTICATED', 'Log in first, or send an API token.');
  return request.actor;
}

/**
 * The caller, working in a tenant, holding a role that grants `permission`: by default the one
 * the route declares (`'x-permission'` in its schema). An explicit one is for routes whose
 * schema lives outside the modules (the live feed).
 */
export function requirePermission(request: FastifyRequest, permission = declaredPermission(request)): Actor & { tenantId: TenantId } {
  if (!permission) throw new Error(`${request.routeOptions.url} calls requirePermission but declares no 'x-permission'`);
  const actor = requireActor(request);
  if (!actor.tenantId) throw new AppError('TENANT_REQUIRED', 'Choose a tenant first (POST /api/me/tenant).');
  if (!hasPermission(actor.roles, permission)) {
    throw new AppError('FORBIDDEN', `Your roles (${actor.roles.join(', ') || 'none'}) do not allow this (${permission}).`);
  }
  return actor as Actor & { tenantId: TenantId };
}

export function requireSuperAdmin(request: FastifyRequest): Actor {
  const actor = requireActor(request);
  if (!actor.isSuperAdmin || actor.via !== 'session') throw new AppError('FORBIDDEN', 'Only a platform super admin may do this.');
  return actor;
}

/** Writes an impersonating super admin may never make, even with support write: money, credentials, people, the subscription. */
const neverWhileImpersonating = new Set<Permission>(['payments.record', 'deposits.confirm', 'collections.collect', 'billing.configure', 'isolation.manage', 'tokens.manage', 'staff.manage', 'subscription.manage', 'notifications.manage']);

/**
 * Impersonation guards, on the root server before any route: a read-only impersonation refuses
 * every write (ending it excepted), money and credential writes are refused always, and every
 * request lands in the tenant's audit log under the real super admin.
 */
export function installImpersonationGuards(app: FastifyInstance<any, any, any, any, any>, identity: IdentityService) {
  app.addHook('preHandler', async (request: FastifyRequest) => {
    const impersonation = request.actor?.impersonation;
    if (!impersonation || ['GET', 'HEAD', 'OPTIONS'].includes(request.method) || request.routeOptions.url === '/api/platform/impersonations/end') return;
    if (!impersonation.writeAllowed) throw new AppError('FORBIDDEN', 'This impersonation is read-only: the tenant owner has not allowed support to make changes.');
    const permission = declaredPermission(request);
    if (!permission || neverWhileImpersonating.has(permission)) throw new AppError('FORBIDDEN', 'Support never does this while impersonating (money, credentials, staff or the subscription).');
  });
  app.addHook('onResponse', async (request: FastifyRequest, reply: FastifyReply) => {
    const actor = request.actor;
    if (!actor?.impersonation) return;
    await identity.recordImpersonatedAction(actor, { method: request.method, url: request.url, status: reply.statusCode }).catch((error: unknown) => request.log.error({ err: error }, 'impersonation audit failed'));
  });
}
