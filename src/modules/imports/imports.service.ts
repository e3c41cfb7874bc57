import type { Clock } from '../../platform/clock.ts';
import type { Database, TenantId } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import type { CustomersService } from '../customers/index.ts';
import type { PlansService } from '../plans/index.ts';
import type { TenantsService } from '../tenants/index.ts';
import { importsErrors } from './imports.errors.ts';
import type { ImportDraft, ImportMode, ImportSource } from './imports.model.ts';
import { parseCsvTable, parseXlsxTable } from './parsers/table.ts';
import { phpNuxBillDraft, routerOsDraft, tableDraft } from './use-cases/drafts.ts';
import { planImport, runImport } from './use-cases/plan-import.ts';

export type ImportsDeps = { db: Database; clock: Clock; tenants: TenantsService; plans: PlansService; customers: CustomersService };
export type ImportsService = ReturnType<typeof createImportsService>;
export type ImportRequest = { source: ImportSource; content: string; mode: ImportMode; prices: Record<string, number> };

/** Reads a file into drafts; an unreadable file is one clear error, not a stack trace. */
async function draftOf(request: ImportRequest): Promise<ImportDraft> {
  try {
    switch (request.source) {
      case 'routeros':
        return routerOsDraft(request.content, request.prices);
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

/** Importers (customers + pakets from RouterOS, PHPNuxBill, CSV/XLSX): a read-only preview, then one transaction. */
export function createImportsService(deps: ImportsDeps) {
  const { db, ...ctx } = deps;
  return {
    preview: async (tenantId: TenantId, request: ImportRequest) => {
      const draft = await draftOf(request);
      return db.tenant(tenantId, (trx) => planImport(ctx, trx, { source: request.source, mode: request.mode, draft }));
    },
    run: async (tenantId: TenantId, request: ImportRequest & { skipInvalid: boolean }) => {
      const draft = await draftOf(request);
      return db.tenant(tenantId, (trx) => runImport(ctx, trx, tenantId, { source: request.source, mode: request.mode, draft, skipInvalid: request.skipInvalid }));
    },
  };
}
