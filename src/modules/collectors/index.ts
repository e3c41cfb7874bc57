// Public entry of the collectors module: assignment, worklist, visits, the three-phase cash chain, reports.
export { createCollectorsService, type CollectorsService } from './collectors.service.ts';
export { collectorsRoutes } from './collectors.routes.ts';
export { collectorsErrors } from './collectors.errors.ts';
export { collectorsEvents } from './collectors.events.ts';
export { collectorsHandlers } from './collectors.handlers.ts';
export { collectorsJobs } from './collectors.jobs.ts';
export type { CollectorsSettings } from './collectors.model.ts';
