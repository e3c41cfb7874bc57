// Public entry of the technicians module: work orders, activity logs with photos, outage fixes
// that reach the map (through the maps module) and the network (lines re-checked).
export { createTechniciansService, type TechniciansService } from './technicians.service.ts';
export { techniciansRoutes } from './technicians.routes.ts';
export { techniciansErrors } from './technicians.errors.ts';
export { technicianEvents } from './technicians.events.ts';
export { techniciansHandlers } from './technicians.handlers.ts';
export { techniciansJobs } from './technicians.jobs.ts';
export { diskPhotoStorage, s3PhotoStorage, type PhotoStorage, type S3PhotoStorageOptions } from './storage/photo-storage.ts';
