import type { TenantId } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import type { StaffRole } from './identity.tables.ts';

/** Who is making a request, resolved from a session cookie or an API token. */
export type Actor = {
  userId: string;
  isSuperAdmin: boolean;
  /** The tenant the actor works in now; null for a super admin outside any tenant. */
  tenantId: TenantId | null;
  roles: StaffRole[];
  via: 'session' | 'token';
  sessionId?: string;
  tokenId?: string;
  /** A super admin working in `tenantId` as its admin (time-boxed, audited, database role simpul_support). */
  impersonation?: { id: string; writeAllowed: boolean; expiresAt: Date; reason: string };
};

export type RequestOrigin = { ip?: string; userAgent?: string };

/** The tenant the actor works in; tenant work without one is refused. */
export const requireTenant = (actor: Actor): TenantId => {
  if (!actor.tenantId) throw new AppError('TENANT_REQUIRED', 'Choose a tenant first (POST /api/me/tenant).');
  return actor.tenantId;
};
