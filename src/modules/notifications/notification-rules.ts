import { z } from 'zod';
import type { IsoDate } from '../../platform/dates.ts';
import type { NotificationKind, TemplateValues } from './templates/index.ts';

/*
 * Which event notifies whom: the one table of WhatsApp rules.
 *
 * A rule names its event by type. Rules whose event no module publishes yet (collections, maps,
 * field work, add-ons) are already here: the bus refuses handlers for types missing from the
 * catalog, so the handler subscribes to the rule events the catalog has (`ruleEventTypesIn`),
 * and a rule starts firing the day its module's events are merged into the catalog. `reads` is
 * the contract with that module: the fields of `event.data` the rule uses. An event that lacks
 * them is refused loudly (a dead letter naming the field), not turned into a broken message.
 */

/** Tenant switches. The first three are the billing policy's (spec names notify_customer_*). */
export const toggleNames = ['notify_unpaid', 'notify_isolated', 'notify_reconnected', 'notify_outage_customers', 'notify_router_errors'] as const;
export type ToggleName = (typeof toggleNames)[number];

export type StaffRecipientRole = 'owner' | 'admin' | 'finance';

export type Recipients =
  /** The customer named by `data.customerId`. */
  | { customer: 'from_event' }
  /** Every customer in `data.customerIds` (the customers of an outage area). */
  | { customer: 'outage_area' }
  /** Active staff holding any of these roles. */
  | { staff: readonly StaffRecipientRole[] };

/** What a rule may look up while building its variables (inside the handler's transaction). */
export type RuleLookups = {
  /** When the event happened. */
  occurredAt: Date;
  /** What {{payment_link}} shows for this tenant. */
  paymentLink: string;
  /** The tenant's local day as the message is queued: no message announces a day before it. */
  today: IsoDate;
  invoice(invoiceId: string): Promise<{ number: string; amount: number; dueDate: IsoDate }>;
  customerName(customerId: string): Promise<string>;
  /** The day an unpaid invoice isolates its customer under the tenant's billing policy. */
  isolationDay(dueDate: IsoDate): Promise<IsoDate>;
  /** The customer is under an open outage now (the maps module's `maps_customers_under_outage`). */
  underOutage(customerId: string): Promise<boolean>;
};

export type NotificationRule<S extends z.ZodType = z.ZodType> = {
  /** Stable id: part of every message's idempotency key. NEVER rename. */
  id: string;
  on: string;
  kind: NotificationKind;
  to: Recipients;
  /** Off when the tenant turned this switch off; no switch = always on. */
  toggle?: ToggleName;
  reads: S;
  /** A further condition, e.g. only isolations caused by an invoice, or only dates still ahead. */
  when?: (data: z.output<S>, lookups: RuleLookups) => boolean | Promise<boolean>;
  /** The last local day the message is true on (the day it announces); still waiting after it, it is skipped. */
  lastDay?: (data: z.output<S>, lookups: RuleLookups) => Promise<IsoDate>;
  /** The template variables this event provides (tenant_name and customer_name are added per recipient). */
  values(data: z.output<S>, lookups: RuleLookups): Promise<TemplateValues>;
};

const defineRule = <S extends z.ZodType>(rule: NotificationRule<S>): NotificationRule => rule as unknown as NotificationRule;

/** A local calendar day as an instant that falls on that day in every Indonesian time zone (12:00 UTC). */
export const dayAsDate = (day: IsoDate): Date => new Date(`${day}T12:00:00Z`);

const InvoiceRef = z.object({ customerId: z.uuid(), number: z.string(), amount: z.number().int(), dueDate: z.iso.date() });
/** A stage the daily scan reached; superseded when the same scan went further (billing.events.ts). */
const StageReached = InvoiceRef.extend({ superseded: z.boolean().default(false) });
const LineChange = z.object({ customerId: z.uuid(), invoiceId: z.uuid().nullable() });
const Outage = z.object({
  outageId: z.uuid(),
  level: z.enum(['ODC', 'ODP', 'client']),
  areaName: z.string(),
  /** Every customer affected after propagation (ODC → ODPs → clients). */
  customerIds: z.array(z.uuid()),
});

const reminder = async (d: z.output<typeof StageReached>, at: RuleLookups): Promise<TemplateValues> => ({
  invoice_number: d.number,
  amount: d.amount,
  due_date: dayAsDate(d.dueDate),
  payment_link: at.paymentLink,
  isolation_date: dayAsDate(await at.isolationDay(d.dueDate)),
});
/**
 * A reminder is news only for the latest stage a scan reached (one catch-up scan after downtime
 * sends one message, not one per stage), only while its isolation day is still ahead, and never
 * to a customer under an open outage (outage-aware dunning: a reminder skipped then is not sent
 * later; the next stage after the clear is announced as usual).
 */
const reminderIsNews = async (d: z.output<typeof StageReached>, at: RuleLookups) =>
  !d.superseded && (await at.isolationDay(d.dueDate)) >= at.today && !(await at.underOutage(d.customerId));

const lineInvoice = async (d: z.output<typeof LineChange>, at: RuleLookups) => {
  const invoice = await at.invoice(d.invoiceId!);
  return { invoice_number: invoice.number, amount: invoice.amount };
};

export const notificationRules: readonly NotificationRule[] = [
  // ---- billing → isolir → WA (billing and isolation modules) ----
  defineRule({
    id: 'customer-invoice-issued',
    on: 'billing.invoice.issued',
    kind: 'invoice_issued',
    to: { customer: 'from_event' },
    toggle: 'notify_unpaid',
    reads: InvoiceRef,
    // A back-dated invoice already past its due day: the daily scan announces the stage it reached.
    when: (d, at) => d.dueDate >= at.today,
    lastDay: async (d) => d.dueDate,
    values: async (d, at) => ({ invoice_number: d.number, amount: d.amount, due_date: dayAsDate(d.dueDate), payment_link: at.paymentLink }),
  }),
  defineRule({ id: 'customer-invoice-due', on: 'billing.invoice.due_unpaid', kind: 'invoice_unpaid_reminder', to: { customer: 'from_event' }, toggle: 'notify_unpaid', reads: StageReached, when: reminderIsNews, lastDay: (d, at) => at.isolationDay(d.dueDate), values: reminder }),
  defineRule({ id: 'customer-invoice-overdue', on: 'billing.invoice.overdue', kind: 'invoice_unpaid_reminder', to: { customer: 'from_event' }, toggle: 'notify_unpaid', reads: StageReached, when: reminderIsNews, lastDay: (d, at) => at.isolationDay(d.dueDate), values: reminder }),
  // Only isolations and restores caused by an invoice: a manual one has no invoice to talk about.
  defineRule({
    id: 'customer-isolated',
    on: 'isolation.customer.isolated',
    kind: 'customer_isolated',
    to: { customer: 'from_event' },
    toggle: 'notify_isolated',
    reads: LineChange,
    when: (d) => d.invoiceId !== null,
    values: async (d, at) => ({ ...(await lineInvoice(d, at)), isolation_date: at.occurredAt, payment_link: at.paymentLink }),
  }),
  defineRule({
    id: 'customer-reconnected',
    on: 'isolation.customer.restored',
    kind: 'customer_reconnected',
    to: { customer: 'from_event' },
    toggle: 'notify_reconnected',
    reads: LineChange,
    when: (d) => d.invoiceId !== null,
    values: lineInvoice,
  }),

  // ---- network ----
  defineRule({
    id: 'admin-router-failed',
    on: 'network.router.failed',
    kind: 'router_error',
    to: { staff: ['admin'] },
    toggle: 'notify_router_errors',
    reads: z.object({ name: z.string(), code: z.string(), message: z.string() }),
    values: async (d, at) => ({ router_name: d.name, error_message: `${d.code}: ${d.message}`, occurred_at: at.occurredAt }),
  }),
  defineRule({
    id: 'admin-router-recovered',
    on: 'network.router.recovered',
    kind: 'router_recovered',
    to: { staff: ['admin'] },
    toggle: 'notify_router_errors',
    reads: z.object({ name: z.string() }),
    values: async (d, at) => ({ router_name: d.name, occurred_at: at.occurredAt }),
  }),

  // ---- customer portal ----
  defineRule({
    id: 'admin-portal-complaint',
    on: 'portal.complaint.submitted',
    kind: 'portal_complaint',
    to: { staff: ['admin'] },
    reads: z.object({ customerId: z.uuid(), customerCode: z.string(), kindLabel: z.string(), message: z.string() }),
    values: async (d, at) => ({
      customer_name: await at.customerName(d.customerId),
      customer_code: d.customerCode,
      complaint_text: d.message ? `${d.kindLabel}: ${d.message}` : d.kindLabel,
      occurred_at: at.occurredAt,
    }),
  }),

  // ---- collector chain (collectors module) ----
  defineRule({
    id: 'admin-cash-collected',
    on: 'collectors.visit.succeeded',
    kind: 'collector_cash_collected',
    to: { staff: ['admin'] },
    reads: z.object({ collectorName: z.string(), customerId: z.uuid(), invoiceNumber: z.string(), amount: z.number().int() }),
    values: async (d, at) => ({
      collector_name: d.collectorName,
      customer_name: await at.customerName(d.customerId),
      invoice_number: d.invoiceNumber,
      amount: d.amount,
      collected_at: at.occurredAt,
    }),
  }),
  // The customer's receipt of phase 1: number, amount, invoice, collector, time.
  defineRule({
    id: 'customer-collection-receipt',
    on: 'collectors.visit.succeeded',
    kind: 'collector_receipt',
    to: { customer: 'from_event' },
    reads: z.object({ receiptNumber: z.string(), collectorName: z.string(), customerId: z.uuid(), invoiceNumber: z.string(), amount: z.number().int() }),
    values: async (d, at) => ({
      receipt_number: d.receiptNumber,
      collector_name: d.collectorName,
      invoice_number: d.invoiceNumber,
      amount: d.amount,
      collected_at: at.occurredAt,
    }),
  }),
  defineRule({
    id: 'finance-setoran-ready',
    on: 'collectors.setoran.confirmed',
    kind: 'setoran_ready',
    to: { staff: ['finance'] },
    reads: z.object({ collectorName: z.string(), amount: z.number().int(), invoiceCount: z.number().int(), confirmedByName: z.string() }),
    values: async (d) => ({ collector_name: d.collectorName, amount: d.amount, invoice_count: d.invoiceCount, confirmed_by: d.confirmedByName }),
  }),
  defineRule({
    id: 'owner-deposit-confirmed',
    on: 'collectors.deposit.confirmed',
    kind: 'deposit_confirmed',
    to: { staff: ['owner'] },
    reads: z.object({ collectorName: z.string(), amount: z.number().int(), invoiceCount: z.number().int(), confirmedByName: z.string() }),
    values: async (d, at) => ({
      collector_name: d.collectorName,
      amount: d.amount,
      invoice_count: d.invoiceCount,
      confirmed_by: d.confirmedByName,
      deposit_date: at.occurredAt,
    }),
  }),

  // ---- outages (maps module) ----
  defineRule({
    id: 'staff-outage-set',
    on: 'maps.outage.set',
    kind: 'outage_staff',
    to: { staff: ['admin', 'owner'] },
    reads: Outage,
    values: async (d, at) => ({ outage_level: d.level, outage_area: d.areaName, affected_customers: d.customerIds.length, started_at: at.occurredAt }),
  }),
  defineRule({
    id: 'customers-outage-set',
    on: 'maps.outage.set',
    kind: 'outage_customer',
    to: { customer: 'outage_area' },
    toggle: 'notify_outage_customers',
    reads: Outage,
    values: async (d, at) => ({ outage_area: d.areaName, started_at: at.occurredAt }),
  }),
  defineRule({
    id: 'staff-outage-cleared',
    on: 'maps.outage.cleared',
    kind: 'outage_cleared_staff',
    to: { staff: ['admin', 'owner'] },
    reads: Outage,
    values: async (d, at) => ({ outage_level: d.level, outage_area: d.areaName, affected_customers: d.customerIds.length, cleared_at: at.occurredAt }),
  }),
  defineRule({
    id: 'customers-outage-cleared',
    on: 'maps.outage.cleared',
    kind: 'outage_cleared_customer',
    to: { customer: 'outage_area' },
    toggle: 'notify_outage_customers',
    reads: Outage,
    values: async (d, at) => ({ outage_area: d.areaName, cleared_at: at.occurredAt }),
  }),

  // ---- technicians (field module, not built yet) ----
  defineRule({
    id: 'admin-technician-update',
    on: 'field.activity.logged',
    kind: 'technician_update',
    to: { staff: ['admin'] },
    reads: z.object({ technicianName: z.string(), summary: z.string(), customerId: z.uuid().nullable(), areaName: z.string().nullable() }),
    // A custom template may name the customer or area; an activity without one shows "-".
    values: async (d, at) => ({
      technician_name: d.technicianName,
      activity_summary: d.summary,
      customer_name: d.customerId ? await at.customerName(d.customerId) : '-',
      outage_area: d.areaName ?? '-',
      logged_at: at.occurredAt,
    }),
  }),

  // ---- add-ons (add-on engine, not built yet; published with the buying tenant's id) ----
  defineRule({
    id: 'owner-addon-invoice-created',
    on: 'addons.invoice.created',
    kind: 'addon_invoice_created',
    to: { staff: ['owner'] },
    reads: z.object({ addonName: z.string(), number: z.string(), amount: z.number().int(), dueDate: z.iso.date(), paymentUrl: z.string() }),
    values: async (d) => ({ addon_name: d.addonName, invoice_number: d.number, amount: d.amount, due_date: dayAsDate(d.dueDate), payment_link: d.paymentUrl }),
  }),
  defineRule({
    id: 'owner-addon-activated',
    on: 'addons.addon.activated',
    kind: 'addon_activated',
    to: { staff: ['owner'] },
    reads: z.object({ addonName: z.string() }),
    values: async (d, at) => ({ addon_name: d.addonName, activation_date: at.occurredAt }),
  }),
  defineRule({
    id: 'owner-saas-invoice-reminder',
    on: 'saas.invoice.reminder',
    kind: 'saas_invoice_reminder',
    to: { staff: ['owner'] },
    reads: z.object({ number: z.string(), amount: z.number().int(), dueDate: z.iso.date(), paymentUrl: z.string() }),
    values: async (d) => ({ invoice_number: d.number, amount: d.amount, due_date: dayAsDate(d.dueDate), payment_link: d.paymentUrl }),
  }),
  defineRule({
    id: 'owner-limit-warning',
    on: 'saas.limit.warning',
    kind: 'limit_warning',
    to: { staff: ['owner'] },
    reads: z.object({ label: z.string(), used: z.number().int(), max: z.number().int() }),
    values: async (d) => ({ limit_label: d.label, limit_used: d.used, limit_max: d.max }),
  }),
];

export const rulesFor = (eventType: string): NotificationRule[] => notificationRules.filter((r) => r.on === eventType);

/** The rule events a catalog has: what the handler can subscribe to today. */
export const ruleEventTypesIn = (catalog: Record<string, unknown>): string[] =>
  [...new Set(notificationRules.map((r) => r.on))].filter((type) => type in catalog);
