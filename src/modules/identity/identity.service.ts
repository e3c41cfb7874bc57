import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import { createApiTokens, type IdentityFeatures } from './api-tokens.ts';
import { createAudit } from './audit.ts';
import { createSessions, type IdentityConfig, type TenantsForIdentity } from './sessions.ts';
import { createStaff } from './staff.ts';
import type { StaffLimit } from './staff-limits.ts';
import { createImpersonation, type ImpersonationPorts } from './impersonation.ts';
import { createSuperAdminBootstrap } from './super-admin.ts';

export type { Actor, RequestOrigin } from './actor.ts';
export type { AuditEntry, AuditRecord } from './audit.ts';
export type { ApiTokenSummary } from './api-tokens.ts';
export type { IdentityConfig, TenantsForIdentity } from './sessions.ts';
export type { StaffMember } from './staff.ts';

export type IdentityService = ReturnType<typeof createIdentityService>;

/** The identity module's one service: each use case lives in its own file, wired here. */
/** What identity needs from the SaaS layer (the composition root hands it in): the staff limit and the tenant's features. */
export type SaasForIdentity = {
  limits: StaffLimit;
  features: IdentityFeatures;
  impersonationPorts: ImpersonationPorts;
};

export function createIdentityService(deps: { db: Database; clock: Clock; config: IdentityConfig; tenants: TenantsForIdentity } & Partial<SaasForIdentity>) {
  const { db, clock } = deps;
  const audit = createAudit({ db, clock });
  const useCase = { db, clock, audit: audit.record };
  const impersonation = createImpersonation({ ...useCase, ports: deps.impersonationPorts });
  return {
    audit: audit.record,
    listAudit: audit.list,
    ...createSessions({ ...useCase, config: deps.config, tenants: deps.tenants, features: deps.features, impersonation }),
    ...createApiTokens({ ...useCase, features: deps.features }),
    ...createStaff({ ...useCase, limits: deps.limits }),
    ensureSuperAdmin: createSuperAdminBootstrap(useCase),
    startImpersonation: impersonation.start,
    endImpersonation: impersonation.end,
    recordImpersonatedAction: impersonation.recordAction,
    impersonationHistory: impersonation.history,
    tenantImpersonations: impersonation.tenantHistory,
  };
}
