import type { Clock } from '../../platform/clock.ts';
import type { Page } from '../../platform/http/pagination.ts';
import type { Database, TenantId } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import type { CustomersService } from '../customers/index.ts';
import type { PlansService } from '../plans/index.ts';
import type { TenantsService } from '../tenants/index.ts';
import { importsErrors } from './imports.errors.ts';
import type { ImportDraft, ImportMode, ImportSource, UnmatchedRouters } from './imports.model.ts';
import { parseCsvTable, parseXlsxTable } from './parsers/table.ts';
import { mikhmonDraft, phpNuxBillDraft, routerOsDraft, tableDraft } from './use-cases/drafts.ts';
import { importNextChunk } from './use-cases/import-chunk.ts';
import { getImportJob, listImportJobs, queueImport } from './use-cases/import-jobs.ts';
import { planImport } from './use-cases/plan-import.ts';

export type ImportsDeps = {
  db: Database;
  clock: Clock;
  tenants: TenantsService;
  plans: PlansService;
  customers: CustomersService;
  /** The tenant's routers, to match the routers a file names (network's `listRouters`). */
  routers: { listRouters(tenantId: TenantId): Promise<{ id: string; name: string }[]> };
};
export type ImportsService = ReturnType<typeof createImportsService>;
export type ImportRequest = { source: ImportSource; content: string; mode: ImportMode; prices: Record<string, number>; unmatchedRouters: UnmatchedRouters };

/** Reads a file into drafts; an unreadable file is one clear error, not a stack trace. */
async function draftOf(request: ImportRequest): Promise<ImportDraft> {
  try {
    switch (request.source) {
      case 'routeros':
        return routerOsDraft(request.content, request.prices);
      case 'mikhmon':
        return mikhmonDraft(request.content, request.prices);
      case 'phpnuxbill':
        return phpNuxBillDraft(request.content);
      case 'csv':
        return tableDraft(parseCsvTable(request.content));
      case 'xlsx':
        return tableDraft(await parseXlsxTable(Buffer.from(request.content, 'base64')));
    }
  } catch (error) {
    throw new AppError(importsErrors.IMPORT_FILE_UNREADABLE, `The file could not be read as ${request.source}: ${(error as Error).message}`, { fields: { content: 'unreadable' } });
  }
}

/**
 * Importers (customers + pakets from RouterOS, Mikhmon, PHPNuxBill, CSV/XLSX): a read-only
 * preview, then a queued job that a worker imports chunk by chunk (`importNextChunk`).
 */
export function createImportsService(deps: ImportsDeps) {
  const { db, routers, ...ctx } = deps;
  const planOptions = async (tenantId: TenantId, request: ImportRequest) => ({
    source: request.source,
    mode: request.mode,
    unmatchedRouters: request.unmatchedRouters,
    draft: await draftOf(request),
    routers: await routers.listRouters(tenantId),
  });
  return {
    preview: async (tenantId: TenantId, request: ImportRequest) => {
      const options = await planOptions(tenantId, request);
      return db.tenant(tenantId, (trx) => planImport(ctx, trx, options));
    },
    /** The operator confirmed the preview: one job, imported in the background. */
    queue: async (tenantId: TenantId, request: ImportRequest & { skipInvalid: boolean }) => {
      const options = await planOptions(tenantId, request);
      return db.tenant(tenantId, (trx) => queueImport(ctx, trx, tenantId, { ...options, skipInvalid: request.skipInvalid }));
    },
    job: (tenantId: TenantId, jobId: string) => db.tenant(tenantId, (trx) => getImportJob(trx, jobId)),
    jobs: (tenantId: TenantId, page: Page) => db.tenant(tenantId, (trx) => listImportJobs(trx, page)),
    /** One chunk of the oldest job no worker holds; false when none has work. */
    importNextChunk: () => importNextChunk(ctx, db),
    /** Every queued chunk, one after the other (tests, the benchmark, the worker's round). */
    async importPending(isRunning: () => boolean = () => true): Promise<number> {
      let chunks = 0;
      while (isRunning() && (await importNextChunk(ctx, db))) chunks++;
      return chunks;
    },
  };
}
