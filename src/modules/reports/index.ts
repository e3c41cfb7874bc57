// Public entry of the reports module (money desk reports and list exports; no tables of its own).
export { createReportsService, type ReportsService } from './reports.service.ts';
export { reportsRoutes } from './reports.routes.ts';
