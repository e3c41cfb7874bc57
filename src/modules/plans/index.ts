// Public entry of the plans module (service plans / paket).
export { createPlansService, type PlansService, type ServicePlan, type PlanInput } from './plans.service.ts';
export { plansRoutes } from './plans.routes.ts';
export { planEvents } from './plans.events.ts';
