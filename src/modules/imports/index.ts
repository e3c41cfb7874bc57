// Public entry of the imports module (customers and pakets from RouterOS, PHPNuxBill, CSV/XLSX; no tables of its own).
export { importsErrors } from './imports.errors.ts';
export { createImportsService, type ImportsService } from './imports.service.ts';
export { importsRoutes } from './imports.routes.ts';
export { parseRouterOsExport } from './parsers/routeros.ts';
