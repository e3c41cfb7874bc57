// Public entry of the imports module (customers and pakets from RouterOS, Mikhmon, PHPNuxBill, CSV/XLSX; its own import jobs).
export { importsErrors } from './imports.errors.ts';
export { createImportsService, type ImportsService } from './imports.service.ts';
export { createImportWorker } from './import-worker.ts';
export { IMPORT_JOBS_CHANNEL } from './use-cases/import-jobs.ts';
export { importsRoutes } from './imports.routes.ts';
export { parseRouterOsExport } from './parsers/routeros.ts';
