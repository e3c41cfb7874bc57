// Public entry of the identity module: other modules import from here only.
export { identityErrors } from './identity.errors.ts';
export { createIdentityService, type Actor, type IdentityService, type IdentityConfig, type TenantsForIdentity } from './identity.service.ts';
export { createAuthenticate, installImpersonationGuards, requireActor, requirePermission, requireSuperAdmin, SESSION_COOKIE } from './identity.auth.ts';
export { identityRoutes } from './identity.routes.ts';
export { staffRoles, type StaffRole, type IdentityTables } from './identity.tables.ts';
export { hasPermission, permissionsOf, seesOnlyAssignedCustomers, type Permission } from './permissions.ts';
export { hashPassword } from './secrets.ts';
