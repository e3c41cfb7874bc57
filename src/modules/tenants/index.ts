// Public entry of the tenants module.
export { createTenantsService, type TenantsService, type TenantSummary } from './tenants.service.ts';
export { createTenantDirectory, type ActiveTenant, type TenantDirectory } from './tenant-directory.ts';
export { timeZones, type TimeZone } from './tenants.tables.ts';
export { tenantsRoutes } from './tenants.routes.ts';
