import type { TenantId, Tx } from '../../platform/db/database.ts';
import type { Page } from '../../platform/http/pagination.ts';
import type { IsoDate } from '../../platform/dates.ts';
import type { Actor, CollectorsDeps, CollectorsSettings } from './collectors.model.ts';
import { assignCustomers, listAssignments, releaseCustomers, setRoute, type AssignOptions } from './use-cases/assignments.ts';
import { collect, listCollections, rejectCollection, type CollectOptions } from './use-cases/collect.ts';
import { confirmDeposit, depositProof, listDeposits, type ConfirmDepositOptions } from './use-cases/deposits.ts';
import { confirmHandover, getHandover, listHandovers, writeOffShortfall, type ConfirmHandoverOptions, type ListHandoversOptions } from './use-cases/handovers.ts';
import { agingReport, chainProgress, collectionsPerDay, listLogs, purgeLogs } from './use-cases/reports.ts';
import { settingsInTransaction, updateSettings } from './use-cases/settings.ts';
import { listVisits, recordVisit, type RecordVisitOptions } from './use-cases/visits.ts';
import { cashInHand, customerArrears, worklist } from './use-cases/worklist.ts';

export type CollectorsService = ReturnType<typeof createCollectorsService>;

/**
 * The collectors module's service: each use case lives in use-cases/<name>.ts and runs in the
 * caller's transaction; this factory gives them their dependencies and opens a tenant
 * transaction for the calls that start one (as the acting user, so a collector-only caller's
 * rows are narrowed by the database).
 */
export function createCollectorsService(deps: CollectorsDeps) {
  const { db, ...ctx } = deps;
  const inTenant = <T>(tenantId: TenantId, fn: (trx: Tx) => Promise<T>) => db.tenant(tenantId, fn);

  return {
    getSettings: (tenantId: TenantId) => inTenant(tenantId, settingsInTransaction),
    settingsInTransaction,
    updateSettings: (tenantId: TenantId, change: Partial<CollectorsSettings>) => inTenant(tenantId, (trx) => updateSettings(ctx, trx, { change })),
    // assignment
    assign: (tenantId: TenantId, options: AssignOptions) => inTenant(tenantId, (trx) => assignCustomers(ctx, trx, options)),
    release: (tenantId: TenantId, actor: Actor, customerIds: string[]) => inTenant(tenantId, (trx) => releaseCustomers(ctx, trx, { actor, customerIds })),
    setRoute: (tenantId: TenantId, collectorUserId: string, customerIds: string[]) => inTenant(tenantId, (trx) => setRoute(trx, collectorUserId, customerIds)),
    listAssignments: (tenantId: TenantId, page: Page) => inTenant(tenantId, (trx) => listAssignments(ctx, trx, page)),
    // the collector's day
    worklist: (tenantId: TenantId, collectorUserId: string, options: { customerId?: string; page?: Page } = {}) =>
      inTenant(tenantId, (trx) => worklist(ctx, trx, collectorUserId, options)),
    customerArrears: (tenantId: TenantId, collectorUserId: string, customerId: string) =>
      inTenant(tenantId, (trx) => customerArrears(ctx, trx, collectorUserId, customerId)),
    cashInHand: (tenantId: TenantId, collectorUserId: string) => inTenant(tenantId, (trx) => cashInHand(trx, collectorUserId)),
    recordVisitInTransaction: (trx: Tx, options: RecordVisitOptions) => recordVisit(ctx, trx, options),
    listVisits: (tenantId: TenantId, filter: { customerId?: string; collectorUserId?: string; limit: number }) => inTenant(tenantId, (trx) => listVisits(trx, filter)),
    // phase 1 (in the route's transaction: the Idempotency-Key's answer commits with it)
    collectInTransaction: (trx: Tx, options: CollectOptions) => collect(ctx, trx, options),
    rejectCollectionInTransaction: (trx: Tx, actor: Actor, collectionId: string, reason: string) => rejectCollection(ctx, trx, { actor, collectionId, reason }),
    listCollections: (tenantId: TenantId, filter: Parameters<typeof listCollections>[1]) => inTenant(tenantId, (trx) => listCollections(trx, filter)),
    // phase 2
    confirmHandoverInTransaction: (trx: Tx, options: ConfirmHandoverOptions) => confirmHandover(ctx, trx, options),
    writeOffInTransaction: (trx: Tx, actor: Actor, handoverId: string, reason: string) => writeOffShortfall(ctx, trx, { actor, handoverId, reason }),
    getHandover: (tenantId: TenantId, id: string) => inTenant(tenantId, (trx) => getHandover(trx, id)),
    listHandovers: (tenantId: TenantId, filter: ListHandoversOptions) => inTenant(tenantId, (trx) => listHandovers(trx, filter)),
    // phase 3
    confirmDepositInTransaction: (trx: Tx, options: ConfirmDepositOptions) => confirmDeposit(ctx, trx, options),
    listDeposits: (tenantId: TenantId, limit: number) => inTenant(tenantId, (trx) => listDeposits(trx, limit)),
    depositProof: (tenantId: TenantId, depositId: string) => inTenant(tenantId, (trx) => depositProof(trx, depositId)),
    // reports and logs
    collectionsPerDay: (tenantId: TenantId, range: { from: IsoDate; to: IsoDate }) => inTenant(tenantId, (trx) => collectionsPerDay(ctx, trx, range)),
    openDifferences: (tenantId: TenantId, page: Page) => inTenant(tenantId, (trx) => listHandovers(trx, { status: 'short', ...page })),
    aging: (tenantId: TenantId, page: Page) => inTenant(tenantId, (trx) => agingReport(ctx, trx, page)),
    chainProgress: (tenantId: TenantId, invoiceId: string, page: Page) => inTenant(tenantId, (trx) => chainProgress(ctx, trx, invoiceId, page)),
    listLogs: (tenantId: TenantId, filter: { collectorUserId?: string; limit: number }) => inTenant(tenantId, (trx) => listLogs(trx, filter)),
    purgeLogs: (tenantId: TenantId) => inTenant(tenantId, async (trx) => purgeLogs(ctx, trx, (await settingsInTransaction(trx)).logRetentionDays)),
    /** Phase 1's restore, when the tenant turned it on: the same path a payment takes (billing's). */
    restoreOnCollectionInTransaction: async (trx: Tx, event: { customerId: string; invoiceIds: string[]; invoiceNumber: string }) => {
      if (!(await settingsInTransaction(trx)).restoreOnCollection) return 'off' as const;
      return ctx.billing.restoreAfterPayment(trx, { invoiceId: event.invoiceIds[0], customerId: event.customerId, number: event.invoiceNumber });
    },
  };
}
