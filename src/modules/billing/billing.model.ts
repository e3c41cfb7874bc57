import { sql, type Selectable } from 'kysely';
import type { Clock } from '../../platform/clock.ts';
import type { IsoDate } from '../../platform/dates.ts';
import type { Database, Tx } from '../../platform/db/database.ts';
import type { BillingInvoices } from '../../platform/db/schema.ts';
import type { Publish, PublishMany } from '../../platform/events/outbox.ts';
import type { IsolationService } from '../isolation/index.ts';
import type { TenantsService } from '../tenants/index.ts';
import type { billingEvents } from './billing.events.ts';

/** The billing module's vocabulary, shared by its use cases (use-cases/*.ts). */

/** The tenant the transaction acts for (RLS's app.tenant_id), for the tenant_id of new rows. */
export const transactionTenantId = sql<string>`app_tenant_id()`;

/** An ISO day as a `date` operand (the driver reads `date` columns as Date; comparisons take the day itself). */
export const sqlDate = (day: IsoDate) => sql<Date>`${day}::date`;

export const isolationTriggers = ['invoice_due_unpaid', 'invoice_overdue', 'overdue_after_grace_period'] as const;
export type IsolationTrigger = (typeof isolationTriggers)[number];

export type BillingPolicy = {
  billingDay: number;
  dueDays: number;
  graceDays: number;
  isolationTrigger: IsolationTrigger;
  autoIsolate: boolean;
  autoRestore: boolean;
  notifyUnpaid: boolean;
  notifyIsolated: boolean;
  notifyReconnected: boolean;
  /** Money desk: a payment may be less than what remains (cicilan). */
  partialPayments: boolean;
  /** Money desk: a partly paid invoice no longer holds the line (default false: isolated until paid). */
  partialRestores: boolean;
  /** Printed under the ISP's name on receipts. */
  receiptAddress: string;
  /** Offer the receipt link to the customer by WhatsApp. */
  receiptWhatsapp: boolean;
};

export type InvoiceStatus = 'unpaid' | 'awaiting_setoran' | 'setoran_confirmed' | 'paid' | 'void';
export type InvoiceStage = 'issued' | 'due_unpaid' | 'overdue' | 'grace_expired';
export type Invoice = {
  id: string;
  number: string;
  customerId: string;
  period: IsoDate;
  issueDate: IsoDate;
  dueDate: IsoDate;
  amount: number;
  /** Paid so far (partial payments); `remaining` = amount - paidAmount. */
  paidAmount: number;
  remaining: number;
  description: string;
  status: InvoiceStatus;
  stage: InvoiceStage;
  paidAt: Date | null;
  voidReason: string | null;
};

/** Cash or a bank transfer recorded by finance: what remains, or less when the tenant allows partial payments. */
export type ManualPayment = { amount: number; method: 'cash' | 'transfer'; note?: string };
export type PaymentSource = 'gateway' | 'finance' | 'manual' | 'collector';
export type PaymentHistoryType = 'gateway' | 'manual' | 'collected_by_collector' | 'collection_rejected' | 'setoran_confirmed' | 'deposited' | 'voided';

/** Which invoice stages keep a customer isolated under each trigger. */
export const stagesIsolatingUnder: Record<IsolationTrigger, InvoiceStage[]> = {
  invoice_due_unpaid: ['due_unpaid', 'overdue', 'grace_expired'],
  invoice_overdue: ['overdue', 'grace_expired'],
  overdue_after_grace_period: ['grace_expired'],
};

/**
 * An invoice row as `invoiceColumns` (use-cases/invoices.ts) selects it: dates as ISO text, and
 * status and stage narrowed to the values the table's check constraints allow.
 */
export type InvoiceRow = Omit<Selectable<BillingInvoices>, 'period' | 'issue_date' | 'due_date' | 'status' | 'stage' | 'tenant_id' | 'created_at'> & {
  period: IsoDate;
  issue_date: IsoDate;
  due_date: IsoDate;
  status: InvoiceStatus;
  stage: InvoiceStage;
};

export const toInvoice = (r: InvoiceRow): Invoice => ({
  id: r.id,
  number: r.number,
  customerId: r.customer_id,
  period: r.period,
  issueDate: r.issue_date,
  dueDate: r.due_date,
  amount: Number(r.amount),
  paidAmount: Number(r.paid_amount),
  remaining: Number(r.amount) - Number(r.paid_amount),
  description: r.description,
  status: r.status,
  stage: r.stage,
  paidAt: r.paid_at,
  voidReason: r.void_reason,
});

/** What every invoice event carries about its invoice. */
export const eventRef = (i: Invoice) => ({ invoiceId: i.id, customerId: i.customerId, number: i.number, amount: i.amount, dueDate: i.dueDate });

/** Name and code from a `customers_billable` left join: null once the customer has left. */
export type CustomerLabelRow = { customer_name: string | null; customer_code: string | null };
export const customerLabel = (r: CustomerLabelRow) => ({ customerName: r.customer_name, customerCode: r.customer_code });

export type BillingDeps = {
  db: Database;
  clock: Clock;
  tenants: TenantsService;
  isolation: IsolationService;
  publish: Publish<typeof billingEvents>;
  publishMany: PublishMany<typeof billingEvents>;
  /** Receipts: staff names (identity's) and the HMAC for the public verify link (the secret box's). */
  staffNames: (trx: Tx, userIds: readonly string[]) => Promise<Map<string, string>>;
  sign: (purpose: string, text: string) => string;
};
/** What a use case needs inside a transaction its caller opened. */
export type BillingContext = Omit<BillingDeps, 'db'>;
