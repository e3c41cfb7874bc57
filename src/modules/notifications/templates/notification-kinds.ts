/**
 * Every notification a tenant can template, who receives it, and the variables its text may
 * use. The whitelist is what makes an unknown variable a save-time error instead of a broken
 * message at 2 a.m. Names are stable identifiers stored with tenant templates: never rename.
 */

export type VariableKind = 'text' | 'money' | 'date' | 'datetime' | 'count';

export const templateVariables = {
  tenant_name: { kind: 'text', sample: 'Simpul Net' },
  customer_name: { kind: 'text', sample: 'Budi Santoso' },
  invoice_number: { kind: 'text', sample: 'INV-2026-12-0042' },
  amount: { kind: 'money', sample: 150_000 },
  due_date: { kind: 'date', sample: new Date('2026-12-10T05:00:00Z') },
  payment_link: { kind: 'text', sample: 'https://bayar.simpul.id/i/INV-2026-12-0042' },
  isolation_date: { kind: 'date', sample: new Date('2026-12-15T05:00:00Z') },
  outage_area: { kind: 'text', sample: 'ODP Melati-03, Jl. Melati' },
  outage_level: { kind: 'text', sample: 'ODP' },
  affected_customers: { kind: 'count', sample: 24 },
  started_at: { kind: 'datetime', sample: new Date('2026-12-10T07:30:00Z') },
  collector_name: { kind: 'text', sample: 'Agus' },
  collected_at: { kind: 'datetime', sample: new Date('2026-12-10T03:15:00Z') },
  receipt_number: { kind: 'text', sample: 'KOL-2026-000042' },
  invoice_count: { kind: 'count', sample: 12 },
  confirmed_by: { kind: 'text', sample: 'Sari (Keuangan)' },
  deposit_date: { kind: 'date', sample: new Date('2026-12-11T05:00:00Z') },
  technician_name: { kind: 'text', sample: 'Rudi' },
  activity_summary: { kind: 'text', sample: 'Kabel drop diganti, sinyal normal' },
  logged_at: { kind: 'datetime', sample: new Date('2026-12-10T09:45:00Z') },
  addon_name: { kind: 'text', sample: 'Tambahan 500 pelanggan' },
  activation_date: { kind: 'date', sample: new Date('2026-12-10T05:00:00Z') },
  limit_label: { kind: 'text', sample: 'customers' },
  limit_used: { kind: 'count', sample: 400 },
  limit_max: { kind: 'count', sample: 500 },
  router_name: { kind: 'text', sample: 'MikroTik Pusat' },
  error_message: { kind: 'text', sample: 'connection timed out' },
  occurred_at: { kind: 'datetime', sample: new Date('2026-12-10T10:05:00Z') },
  cleared_at: { kind: 'datetime', sample: new Date('2026-12-10T11:20:00Z') },
  otp_code: { kind: 'text', sample: '482913' },
  valid_minutes: { kind: 'count', sample: 15 },
  customer_code: { kind: 'text', sample: 'C00042' },
  complaint_text: { kind: 'text', sample: 'Internet mati sejak pagi' },
  /** A broadcast's text, written by staff for this one sending. */
  message: { kind: 'text', sample: 'Pemeliharaan jaringan Minggu 14 Desember pukul 01.00–03.00 WIB.' },
} as const satisfies Record<string, { kind: VariableKind; sample: string | number | Date }>;

export type TemplateVariable = keyof typeof templateVariables;

export type Audience = 'customer' | 'admin' | 'owner' | 'finance';

/**
 * `urgent` kinds go out at any hour; the others wait out the tenant's quiet hours (a reminder at
 * 23:00 annoys, a line cut or an outage does not wait for morning).
 */
const kind = <const V extends readonly TemplateVariable[]>(audiences: readonly Audience[], variables: V, timing: { urgent: boolean }) => ({
  audiences,
  variables,
  urgent: timing.urgent,
});
const urgent = { urgent: true };
const canWait = { urgent: false };

export const notificationKinds = {
  invoice_issued: kind(['customer'], ['tenant_name', 'customer_name', 'invoice_number', 'amount', 'due_date', 'payment_link'], canWait),
  invoice_unpaid_reminder: kind(['customer'], ['tenant_name', 'customer_name', 'invoice_number', 'amount', 'due_date', 'payment_link', 'isolation_date'], canWait),
  customer_isolated: kind(['customer'], ['tenant_name', 'customer_name', 'invoice_number', 'amount', 'isolation_date', 'payment_link'], urgent),
  customer_reconnected: kind(['customer'], ['tenant_name', 'customer_name', 'invoice_number', 'amount'], urgent),
  collector_cash_collected: kind(['admin'], ['tenant_name', 'collector_name', 'customer_name', 'invoice_number', 'amount', 'collected_at'], canWait),
  collector_receipt: kind(['customer'], ['tenant_name', 'customer_name', 'receipt_number', 'invoice_number', 'amount', 'collector_name', 'collected_at'], canWait),
  setoran_ready: kind(['finance'], ['tenant_name', 'collector_name', 'amount', 'invoice_count', 'confirmed_by'], canWait),
  deposit_confirmed: kind(['owner'], ['tenant_name', 'collector_name', 'amount', 'invoice_count', 'deposit_date', 'confirmed_by'], canWait),
  outage_staff: kind(['admin', 'owner'], ['tenant_name', 'outage_level', 'outage_area', 'affected_customers', 'started_at'], urgent),
  outage_customer: kind(['customer'], ['tenant_name', 'customer_name', 'outage_area', 'started_at'], urgent),
  outage_cleared_staff: kind(['admin', 'owner'], ['tenant_name', 'outage_level', 'outage_area', 'affected_customers', 'cleared_at'], urgent),
  outage_cleared_customer: kind(['customer'], ['tenant_name', 'customer_name', 'outage_area', 'cleared_at'], urgent),
  technician_update: kind(['admin'], ['tenant_name', 'technician_name', 'activity_summary', 'customer_name', 'outage_area', 'logged_at'], canWait),
  addon_invoice_created: kind(['owner'], ['tenant_name', 'addon_name', 'invoice_number', 'amount', 'due_date', 'payment_link'], canWait),
  saas_invoice_reminder: kind(['owner'], ['tenant_name', 'invoice_number', 'amount', 'due_date', 'payment_link'], canWait),
  addon_activated: kind(['owner'], ['tenant_name', 'addon_name', 'activation_date'], canWait),
  limit_warning: kind(['owner'], ['tenant_name', 'limit_label', 'limit_used', 'limit_max'], canWait),
  router_error: kind(['admin'], ['tenant_name', 'router_name', 'error_message', 'occurred_at'], urgent),
  router_recovered: kind(['admin'], ['tenant_name', 'router_name', 'occurred_at'], urgent),
  /** The customer portal's one-time login code: sent at once, whatever the hour (the customer is waiting for it). */
  portal_otp: kind(['customer'], ['tenant_name', 'customer_name', 'otp_code', 'valid_minutes'], urgent),
  /** A customer reported a problem from the portal ("internet mati"). */
  portal_complaint: kind(['admin'], ['tenant_name', 'customer_name', 'customer_code', 'complaint_text', 'occurred_at'], urgent),
  /** Staff checking that their provider setup works (POST /api/notifications/test-message). */
  provider_test: kind(['admin', 'owner'], ['tenant_name'], urgent),
  /** Staff's announcement to a filtered set of customers (POST /api/notifications/broadcasts); waits out quiet hours. */
  broadcast: kind(['customer'], ['tenant_name', 'customer_name', 'message'], canWait),
} as const;

export type NotificationKind = keyof typeof notificationKinds;
export const notificationKindNames = Object.keys(notificationKinds) as NotificationKind[];

export const isUrgentKind = (kindName: NotificationKind): boolean => notificationKinds[kindName].urgent;

export const allowedVariables = (kindName: NotificationKind): readonly TemplateVariable[] => notificationKinds[kindName].variables;

/** Sample values for a preview: every variable the kind allows. */
export const sampleValues = (kindName: NotificationKind): Partial<Record<TemplateVariable, string | number | Date>> =>
  Object.fromEntries(allowedVariables(kindName).map((name) => [name, templateVariables[name].sample]));
