// Public entry of the SaaS module: plans, entitlements and limits, add-ons, SaaS invoices, feature switches, domains.
export { createSaasService, type LimitGuard, type SaasService } from './saas.service.ts';
export { saasRoutes } from './saas.routes.ts';
export { createRequestEntitlements, installSaasHooks, type RequestEntitlements } from './saas.hooks.ts';
export { saasErrors } from './saas.errors.ts';
export { saasEvents } from './saas.events.ts';
export { saasJobs } from './saas.jobs.ts';
export { featureNames, limitNames, type FeatureName, type LimitName, type SaasConfig } from './saas.model.ts';
export type { CountUsed } from './use-cases/entitlements.ts';
