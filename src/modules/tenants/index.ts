// Public entry of the tenants module.
export { createTenantsService, timeZones, type TenantsService, type TenantSummary, type TimeZone } from './tenants.service.ts';
export { tenantsRoutes } from './tenants.routes.ts';
