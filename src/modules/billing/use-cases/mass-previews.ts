import { sql } from 'kysely';
import type { Database, TenantId, Tx } from '../../../platform/db/database.ts';
import type { BillingContext } from '../billing.model.ts';
import { runDailyScan, type DailyScanResult } from './daily-scan.ts';
import { generateInvoices, type GenerateInvoicesOptions } from './generate-invoices.ts';

/**
 * "Show me what it will do": a mass action runs for real inside a transaction that is then
 * rolled back, so the preview is exactly what the action would do now (the same rules, whatever
 * they become) and nothing of it survives — no isolation, no invoice, no event, no number used.
 */
class RolledBack<T> extends Error {
  readonly result: T;
  constructor(result: T) {
    super('preview rolled back');
    this.result = result;
  }
}

export async function inRolledBackTransaction<T>(db: Database, tenantId: TenantId, fn: (trx: Tx) => Promise<T>): Promise<T> {
  try {
    await db.tenant(tenantId, async (trx) => {
      throw new RolledBack(await fn(trx));
    });
  } catch (error) {
    if (error instanceof RolledBack) return error.result as T;
    throw error;
  }
  throw new Error('unreachable: a preview transaction always rolls back');
}

export type PreviewCustomer = { customerId: string; customerCode: string | null; customerName: string | null };

/** Names from the customers module's read model, in the caller's transaction. */
async function labels(trx: Tx, customerIds: string[]): Promise<Map<string, { code: string; name: string }>> {
  if (customerIds.length === 0) return new Map();
  const { rows } = await sql<{ customer_id: string; code: string; name: string }>`
    select customer_id, code, name from customers_billable where customer_id = any(${customerIds}::uuid[])`.execute(trx);
  return new Map(rows.map((r) => [r.customer_id, r]));
}

export type DailyScanPreview = Omit<DailyScanResult, 'isolatedLines'> & {
  /** The customers the scan would isolate now ("14 pelanggan akan diisolir"), with the reason. */
  toIsolate: (PreviewCustomer & { invoiceId: string | null; reason: string })[];
};

export async function previewDailyScan(ctx: BillingContext, db: Database, tenantId: TenantId): Promise<DailyScanPreview> {
  return inRolledBackTransaction(db, tenantId, async (trx) => {
    const { isolatedLines, ...result } = await runDailyScan(ctx, trx);
    const names = await labels(trx, isolatedLines.map((l) => l.customerId));
    const toIsolate = isolatedLines
      .map((l) => ({ ...l, customerCode: names.get(l.customerId)?.code ?? null, customerName: names.get(l.customerId)?.name ?? null }))
      .sort((a, b) => (a.customerCode ?? '').localeCompare(b.customerCode ?? ''));
    return { ...result, toIsolate };
  });
}

export type InvoicesPreview = {
  period: string;
  issued: number;
  total: number;
  invoices: (PreviewCustomer & { amount: number; description: string; dueDate: string })[];
};

export async function previewInvoices(ctx: BillingContext, db: Database, tenantId: TenantId, options: GenerateInvoicesOptions): Promise<InvoicesPreview> {
  return inRolledBackTransaction(db, tenantId, async (trx) => {
    const { period, invoices } = await generateInvoices(ctx, trx, options);
    const names = await labels(trx, invoices.map((i) => i.customerId));
    return {
      period,
      issued: invoices.length,
      total: invoices.reduce((sum, i) => sum + i.amount, 0),
      invoices: invoices.map((i) => ({
        customerId: i.customerId,
        customerCode: names.get(i.customerId)?.code ?? null,
        customerName: names.get(i.customerId)?.name ?? null,
        amount: i.amount,
        description: i.description,
        dueDate: i.dueDate,
      })),
    };
  });
}
