import type { TenantId, Tx } from '../../platform/db/database.ts';
import type { Page } from '../../platform/http/pagination.ts';
import type { IsoDate } from '../../platform/dates.ts';
import type { BillingDeps, BillingPolicy, ManualPayment } from './billing.model.ts';
import { bulkIsolation, type BulkIsolationOptions } from './use-cases/bulk-isolation.ts';
import {
  markCollectedInTransaction,
  markCollectionRejectedInTransaction,
  markDepositedInTransaction,
  markSetoranConfirmedInTransaction,
  type ChainStep,
  type MarkCollectedOptions,
} from './use-cases/collector-chain.ts';
import { runDailyScan } from './use-cases/daily-scan.ts';
import { dashboardSummary } from './use-cases/dashboard-summary.ts';
import { generateInvoices, type GenerateInvoicesOptions } from './use-cases/generate-invoices.ts';
import { getInvoice, getInvoiceInTransaction, listInvoices, voidInvoice, type ListInvoicesOptions } from './use-cases/invoices.ts';
import { inRolledBackTransaction, previewDailyScan, previewInvoices } from './use-cases/mass-previews.ts';
import { paymentHistory, type PaymentHistoryOptions } from './use-cases/payment-history.ts';
import { addExclusion, listExclusions, policyInTransaction, removeExclusion, updatePolicy } from './use-cases/policy.ts';
import { payInTransaction, recordPaymentInTransaction, type PayOptions } from './use-cases/record-payment.ts';
import { purgePaymentHistory, retentionInTransaction, updateRetention, type Retention } from './use-cases/retention.ts';
import { agingReport, incomeReport, paymentsPage, type IncomeReportOptions, type PaymentsPageOptions } from './use-cases/reports.ts';
import { getReceipt, receiptsOfInvoice, verifyReceipt } from './use-cases/receipts.ts';
import { restoreAfterPayment, restoreAfterPayments, restoreByStaff, type RestoreAfterPaymentOptions } from './use-cases/restore-after-payment.ts';

export {
  isolationTriggers,
  type BillingDeps,
  type BillingPolicy,
  type Invoice,
  type InvoiceStatus,
  type IsolationTrigger,
  type ManualPayment,
  type PaymentHistoryType,
  type PaymentSource,
} from './billing.model.ts';

export type BillingService = ReturnType<typeof createBillingService>;

/**
 * The billing module's service: each use case lives in use-cases/<name>.ts and runs in the
 * caller's transaction; this factory gives them their dependencies and opens a tenant
 * transaction for the calls that start one.
 */
export function createBillingService(deps: BillingDeps) {
  const { db, ...ctx } = deps;
  const inTenant = <T>(tenantId: TenantId, fn: (trx: Tx) => Promise<T>) => db.tenant(tenantId, fn);

  return {
    // policy
    getPolicy: (tenantId: TenantId) => inTenant(tenantId, (trx) => policyInTransaction(ctx, trx)),
    policyInTransaction: (trx: Tx) => policyInTransaction(ctx, trx),
    updatePolicy: (tenantId: TenantId, change: Partial<BillingPolicy>) => inTenant(tenantId, (trx) => updatePolicy(ctx, trx, { change })),
    listExclusions: (tenantId: TenantId, page: Page) => inTenant(tenantId, (trx) => listExclusions(trx, page)),
    addExclusion: (tenantId: TenantId, day: IsoDate, reason: string) => inTenant(tenantId, (trx) => addExclusion(trx, { day, reason })),
    removeExclusion: (tenantId: TenantId, day: IsoDate) => inTenant(tenantId, (trx) => removeExclusion(trx, day)),
    // payment history retention (purge_payment_history_worker)
    getRetention: (tenantId: TenantId) => inTenant(tenantId, (trx) => retentionInTransaction(ctx, trx)),
    updateRetention: (tenantId: TenantId, change: Partial<Retention>) => inTenant(tenantId, (trx) => updateRetention(ctx, trx, change)),
    purgePaymentHistory: (tenantId: TenantId) => inTenant(tenantId, (trx) => purgePaymentHistory(ctx, trx)),
    // invoices
    generateInvoices: (tenantId: TenantId, options: GenerateInvoicesOptions = {}) => inTenant(tenantId, (trx) => generateInvoices(ctx, trx, options)),
    generateInvoicesInTransaction: (trx: Tx, options: GenerateInvoicesOptions = {}) => generateInvoices(ctx, trx, options),
    previewInvoices: (tenantId: TenantId, options: GenerateInvoicesOptions = {}) => previewInvoices(ctx, db, tenantId, options),
    listInvoices: (tenantId: TenantId, filter: ListInvoicesOptions) => inTenant(tenantId, (trx) => listInvoices(trx, filter)),
    getInvoice: (tenantId: TenantId, invoiceId: string, page: Page = { limit: 100, offset: 0 }) => inTenant(tenantId, (trx) => getInvoice(ctx, trx, invoiceId, page)),
    getInvoiceInTransaction,
    listInvoicesInTransaction: (trx: Tx, filter: ListInvoicesOptions) => listInvoices(trx, filter),
    voidInvoiceInTransaction: (trx: Tx, actorUserId: string, invoiceId: string, reason: string) => voidInvoice(ctx, trx, { actorUserId, invoiceId, reason }),
    // payments
    payInTransaction: (trx: Tx, input: PayOptions) => payInTransaction(ctx, trx, input),
    recordPaymentInTransaction: (trx: Tx, actorUserId: string, invoiceId: string, payment: ManualPayment) =>
      recordPaymentInTransaction(ctx, trx, { actorUserId, invoiceId, payment }),
    recordPayment: (tenantId: TenantId, actorUserId: string, invoiceId: string, payment: ManualPayment) =>
      inTenant(tenantId, (trx) => recordPaymentInTransaction(ctx, trx, { actorUserId, invoiceId, payment })),
    paymentHistory: (tenantId: TenantId, filter: PaymentHistoryOptions) => inTenant(tenantId, (trx) => paymentHistory(trx, filter)),
    // the collector cash chain (the collectors module calls these in its transactions)
    markCollectedInTransaction: (trx: Tx, options: MarkCollectedOptions) => markCollectedInTransaction(ctx, trx, options),
    markCollectionRejectedInTransaction: (trx: Tx, step: ChainStep) => markCollectionRejectedInTransaction(ctx, trx, step),
    markSetoranConfirmedInTransaction: (trx: Tx, step: ChainStep) => markSetoranConfirmedInTransaction(ctx, trx, step),
    markDepositedInTransaction: (trx: Tx, step: ChainStep) => markDepositedInTransaction(ctx, trx, step),
    // reports
    incomeReport: (tenantId: TenantId, options: IncomeReportOptions) => inTenant(tenantId, (trx) => incomeReport(ctx, trx, options)),
    agingReport: (tenantId: TenantId, options: { asOf?: IsoDate }) => inTenant(tenantId, (trx) => agingReport(ctx, trx, options)),
    paymentsPage: (tenantId: TenantId, options: PaymentsPageOptions) => inTenant(tenantId, (trx) => paymentsPage(ctx, trx, options)),
    dashboardSummary: (tenantId: TenantId) => inTenant(tenantId, (trx) => dashboardSummary(ctx, trx)),
    // receipts (kuitansi)
    getReceipt: (tenantId: TenantId, number: string) =>
      inTenant(tenantId, async (trx) => ({ receipt: await getReceipt(ctx, trx, number), timeZone: await ctx.tenants.timeZoneInTransaction(trx) })),
    receiptsOfInvoice: (tenantId: TenantId, invoiceId: string, page: Page) => inTenant(tenantId, (trx) => receiptsOfInvoice(ctx, trx, invoiceId, page)),
    verifyReceipt: (input: { slug: string; number: string; sig: string }) => verifyReceipt(ctx, inTenant, input),
    // the daily scan and restoring lines
    runDailyScan: (tenantId: TenantId) => inTenant(tenantId, (trx) => runDailyScan(ctx, trx)),
    runDailyScanInTransaction: (trx: Tx) => runDailyScan(ctx, trx),
    previewDailyScan: (tenantId: TenantId) => previewDailyScan(ctx, db, tenantId),
    // bulk isolate / restore by hand: the preview is the same work, rolled back
    bulkIsolationInTransaction: (trx: Tx, options: BulkIsolationOptions) => bulkIsolation(ctx, trx, options),
    previewBulkIsolation: (tenantId: TenantId, options: BulkIsolationOptions) => inRolledBackTransaction(db, tenantId, (trx) => bulkIsolation(ctx, trx, options)),
    restoreAfterPayment: (trx: Tx, event: RestoreAfterPaymentOptions) => restoreAfterPayment(ctx, trx, event),
    restoreAfterPayments: (trx: Tx, events: RestoreAfterPaymentOptions[]) => restoreAfterPayments(ctx, trx, events),
    restoreByStaff: (tenantId: TenantId, actorUserId: string, customerId: string, reason: string, options: { force: boolean }) =>
      inTenant(tenantId, (trx) => restoreByStaff(ctx, trx, { actorUserId, customerId, reason, force: options.force })),
  };
}
