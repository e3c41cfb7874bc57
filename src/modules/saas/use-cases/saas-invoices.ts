import { sql } from 'kysely';
import type { Page } from '../../../platform/http/pagination.ts';
import { addDays, localDate, monthOf, startOfLocalDay, type IsoDate } from '../../../platform/dates.ts';
import type { Tx } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { newId } from '../../../platform/ids.ts';
import type { SaasContext } from '../saas.model.ts';
import { saasErrors } from '../saas.errors.ts';
import { restOfMonth } from './pro-rata.ts';

export type SaasInvoice = {
  id: string;
  tenantId: string;
  number: string;
  kind: 'subscription' | 'addon';
  period: string | null;
  description: string;
  amount: number;
  dueDate: string;
  status: 'unpaid' | 'paid' | 'void';
  orderId: string;
  paidAt: Date | null;
  paidVia: 'gateway' | 'super_admin' | null;
  /** Where the owner pays at the platform's gateway, once "Pay" created the link (null before, and without a gateway). */
  paymentUrl: string | null;
  createdAt: Date;
};

const isoDay = (d: Date | string) => (typeof d === 'string' ? d.slice(0, 10) : d.toISOString().slice(0, 10));

export const toSaasInvoice = (r: Record<string, any>): SaasInvoice => ({
  id: r.id,
  tenantId: r.tenant_id,
  number: r.number,
  kind: r.kind,
  period: r.period ? isoDay(r.period) : null,
  description: r.description,
  amount: Number(r.amount),
  dueDate: isoDay(r.due_date),
  status: r.status,
  orderId: r.order_id,
  paidAt: r.paid_at ? new Date(r.paid_at) : null,
  paidVia: r.paid_via,
  paymentUrl: r.payment_url ?? null,
  createdAt: new Date(r.created_at),
});

/** The platform's day (SaaS periods and due dates are the platform's, not the tenant's). */
export const platformToday = (ctx: SaasContext): IsoDate => localDate(ctx.clock.now(), ctx.config.timeZone);

/** SAAS/YYYY/MM/NNNNN: the platform's numbering, one sequence per month across tenants. */
export async function nextInvoiceNumber(trx: Tx, today: IsoDate): Promise<string> {
  const month = today.slice(0, 7);
  const { rows } = await sql<{ last_value: number }>`
    insert into saas_invoice_counters (month, last_value) values (${month}, 1)
    on conflict (month) do update set last_value = saas_invoice_counters.last_value + 1
    returning last_value`.execute(trx);
  return `SAAS/${month.replace('-', '/')}/${String(rows[0]!.last_value).padStart(5, '0')}`;
}

export type InsertInvoiceOptions = { tenantId: string; kind: 'subscription' | 'addon'; period?: IsoDate; description: string; amount: number };

/** Inserts an unpaid SaaS invoice; a subscription invoice already issued for the period returns null. */
export async function insertInvoice(ctx: SaasContext, trx: Tx, options: InsertInvoiceOptions): Promise<SaasInvoice | null> {
  const today = platformToday(ctx);
  if (options.kind === 'subscription') {
    const existing = await trx.selectFrom('saas_invoices').select('id').where('tenant_id', '=', options.tenantId).where('kind', '=', 'subscription').where('period', '=', sql<Date>`${options.period}::date`).executeTakeFirst();
    if (existing) return null;
  }
  const id = newId();
  const number = await nextInvoiceNumber(trx, today);
  const row = await trx
    .insertInto('saas_invoices')
    .values({
      id,
      tenant_id: options.tenantId,
      number,
      kind: options.kind,
      period: options.period ? sql<Date>`${options.period}::date` : null,
      description: options.description,
      amount: options.amount,
      due_date: sql<Date>`${addDays(today, ctx.config.dueDays)}::date`,
      order_id: `saas-${id}`,
      created_at: ctx.clock.now(),
    })
    .onConflict((oc) => oc.columns(['tenant_id', 'period']).where('kind', '=', 'subscription').doNothing())
    .returningAll()
    .executeTakeFirst();
  return row ? toSaasInvoice(row) : null;
}

export const paymentUrlOf = (ctx: SaasContext, invoice: { number: string }) =>
  `https://${ctx.config.platformDomain}/subscription?invoice=${encodeURIComponent(invoice.number)}`;

/** The owner buys an add-on: a pending add-on and its SaaS invoice, announced (WhatsApp to the owner). */
export async function purchaseAddon(ctx: SaasContext, trx: Tx, options: { tenantId: string; addonId: string; quantity: number }) {
  const addon = await trx.selectFrom('saas_addons').selectAll().where('id', '=', options.addonId).where('active', '=', true).executeTakeFirst();
  if (!addon) throw new AppError('NOT_FOUND', 'No such add-on on sale.', { fields: { addonId: 'not_found' } });
  const rest = restOfMonth(ctx);
  const whole = Number(addon.price) * options.quantity;
  // A recurring add-on pays for the rest of this month here, whole months on the monthly invoice.
  const amount = addon.recurring ? rest.share(whole) : whole;
  const days = addon.recurring && rest.left < rest.days ? ` (${rest.left}/${rest.days} days)` : '';
  const invoice = (await insertInvoice(ctx, trx, { tenantId: options.tenantId, kind: 'addon', description: `${addon.name} × ${options.quantity}${days}`, amount }))!;
  const tenantAddonId = newId();
  await trx
    .insertInto('saas_tenant_addons')
    .values({ id: tenantAddonId, tenant_id: options.tenantId, addon_id: addon.id, quantity: options.quantity, invoice_id: invoice.id, created_at: ctx.clock.now() })
    .execute();
  await ctx.publish(trx, 'addons.invoice.created', {
    invoiceId: invoice.id,
    tenantAddonId,
    addonName: addon.name,
    number: invoice.number,
    amount,
    dueDate: invoice.dueDate,
    paymentUrl: paymentUrlOf(ctx, invoice),
  }, { key: options.tenantId });
  return { invoice, tenantAddonId, paymentUrl: paymentUrlOf(ctx, invoice) };
}

export type MarkPaidOptions =
  | { via: 'super_admin'; invoiceId: string }
  | { via: 'gateway'; orderId: string; providerRef: string; amount: number };

/**
 * Settles a SaaS invoice in a platform transaction: the invoice locked first, paid once (a
 * repeated notification changes nothing), the amount must match, and an add-on invoice
 * activates its add-ons in the same transaction: limits are raised when this commits.
 */
export async function markInvoicePaid(ctx: SaasContext, trx: Tx, options: MarkPaidOptions): Promise<{ invoice: SaasInvoice; alreadyPaid: boolean }> {
  let query = trx.selectFrom('saas_invoices').selectAll().forUpdate();
  query = options.via === 'gateway' ? query.where('order_id', '=', options.orderId) : query.where('id', '=', options.invoiceId);
  const row = await query.executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'No such SaaS invoice.');
  if (row.status === 'paid') {
    if (options.via === 'super_admin') throw new AppError(saasErrors.SAAS_INVOICE_ALREADY_PAID, `SaaS invoice ${row.number} is already paid.`);
    return { invoice: toSaasInvoice(row), alreadyPaid: true };
  }
  if (row.status === 'void') throw new AppError('CONFLICT', `SaaS invoice ${row.number} is void.`);
  if (options.via === 'gateway' && options.amount !== Number(row.amount)) {
    throw new AppError('VALIDATION_FAILED', `The payment of ${options.amount} does not match SaaS invoice ${row.number} (${row.amount}).`);
  }
  const now = ctx.clock.now();
  const paid = await trx
    .updateTable('saas_invoices')
    .set({ status: 'paid', paid_at: now, paid_via: options.via, provider_ref: options.via === 'gateway' ? options.providerRef : null })
    .where('id', '=', row.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  const invoice = toSaasInvoice(paid);
  const publishFor = { tenantId: row.tenant_id, key: row.tenant_id };
  await ctx.publish(trx, 'addons.invoice.paid', { invoiceId: row.id, number: row.number, kind: row.kind as 'addon' | 'subscription', amount: invoice.amount, via: options.via }, publishFor);
  const activated = await trx
    .updateTable('saas_tenant_addons as ta')
    .set({ status: 'active', activated_at: now })
    .from('saas_addons as a')
    .whereRef('a.id', '=', 'ta.addon_id')
    .where('ta.invoice_id', '=', row.id)
    .where('ta.status', '=', 'pending')
    .returning(['ta.id', 'ta.quantity', 'a.name', 'a.limit_name', 'a.feature'])
    .execute();
  for (const a of activated) {
    await ctx.publish(trx, 'addons.addon.activated', { tenantAddonId: a.id, addonName: a.name, limitName: a.limit_name, feature: a.feature, quantity: a.quantity }, publishFor);
  }
  return { invoice, alreadyPaid: false };
}

/**
 * addon_subscription_billing_worker's body for one tenant: the month's SaaS invoice (plan +
 * recurring active add-ons bought before this month + unbilled pro-rata adjustments), once per
 * tenant and period however often it runs. A total of zero or less issues nothing and keeps
 * the adjustments for the next month.
 */
export async function issueMonthlyInvoice(ctx: SaasContext, trx: Tx, tenantId: string): Promise<SaasInvoice | null> {
  const period = monthOf(platformToday(ctx));
  const periodStart = startOfLocalDay(period, ctx.config.timeZone);
  const { rows } = await sql<{ plan_name: string; plan_price: string; addons: string; adjustments: string }>`
    select p.name as plan_name, p.monthly_price as plan_price,
      coalesce((select sum(a.price * ta.quantity) from saas_tenant_addons ta join saas_addons a on a.id = ta.addon_id
                where ta.tenant_id = ${tenantId}::uuid and ta.status = 'active' and a.recurring and ta.created_at < ${periodStart}), 0) as addons,
      coalesce((select sum(j.amount) from saas_adjustments j where j.tenant_id = ${tenantId}::uuid and j.invoice_id is null and j.period < ${period}::date), 0) as adjustments
    from saas_plans p
    where p.id = coalesce((select s.plan_id from saas_subscriptions s where s.tenant_id = ${tenantId}::uuid), (select d.id from saas_plans d where d.is_default))`.execute(trx);
  const r = rows[0];
  if (!r) return null;
  const adjustments = Number(r.adjustments);
  const amount = Number(r.plan_price) + Number(r.addons) + adjustments;
  if (amount <= 0) return null;
  const parts = [`${r.plan_name} ${period.slice(0, 7)}`, ...(Number(r.addons) > 0 ? ['add-ons'] : []), ...(adjustments !== 0 ? [`pro-rata ${adjustments > 0 ? '+' : '−'}Rp ${Math.abs(adjustments).toLocaleString('id-ID')}`] : [])];
  const invoice = await insertInvoice(ctx, trx, { tenantId, kind: 'subscription', period, description: parts.join(' + '), amount });
  if (invoice) {
    await trx.updateTable('saas_adjustments').set({ invoice_id: invoice.id }).where('tenant_id', '=', tenantId).where('invoice_id', 'is', null).where('period', '<', sql<Date>`${period}::date`).execute();
    await ctx.publish(trx, 'saas.invoice.issued', { invoiceId: invoice.id, number: invoice.number, period, amount, dueDate: invoice.dueDate }, { tenantId, key: tenantId });
  }
  return invoice;
}

/**
 * The owner's reminders of unpaid SaaS invoices, on the platform's calendar: once when the due
 * date is `reminderDaysBefore` days away or less, once from the due day on. The marks are set
 * by the same statement that picks the invoices, so a second run that day sends nothing.
 */
export async function remindUnpaidInvoices(ctx: SaasContext, trx: Tx, tenantId: string): Promise<number> {
  const today = platformToday(ctx);
  const now = ctx.clock.now();
  const unpaid = () => trx.updateTable('saas_invoices').where('tenant_id', '=', tenantId).where('status', '=', 'unpaid');
  const dueDay = await unpaid().set({ reminded_due_at: now }).where('reminded_due_at', 'is', null).where('due_date', '<=', sql<Date>`${today}::date`).returningAll().execute();
  const before = await unpaid()
    .set({ reminded_before_at: now })
    .where('reminded_before_at', 'is', null)
    .where('due_date', '>', sql<Date>`${today}::date`)
    .where('due_date', '<=', sql<Date>`${addDays(today, ctx.config.reminderDaysBefore)}::date`)
    .returningAll()
    .execute();
  const reminders = [...before.map((r) => ({ r, when: 'before_due' as const })), ...dueDay.map((r) => ({ r, when: 'due_day' as const }))];
  for (const { r, when } of reminders) {
    const invoice = toSaasInvoice(r);
    await ctx.publish(trx, 'saas.invoice.reminder', { invoiceId: invoice.id, number: invoice.number, amount: invoice.amount, dueDate: invoice.dueDate, when, paymentUrl: paymentUrlOf(ctx, invoice) }, { tenantId, key: tenantId });
  }
  return reminders.length;
}

/** The unpaid subscription invoice past the platform's grace that locks the console, if any. */
export async function lockingInvoiceInTransaction(ctx: SaasContext, trx: Tx, tenantId: string): Promise<SaasInvoice | null> {
  const lastDueDate = addDays(platformToday(ctx), -ctx.config.graceDays - 1);
  const row = await trx
    .selectFrom('saas_invoices')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('status', '=', 'unpaid')
    .where('kind', '=', 'subscription')
    .where('due_date', '<=', sql<Date>`${lastDueDate}::date`)
    .orderBy('due_date')
    .executeTakeFirst();
  return row ? toSaasInvoice(row) : null;
}

export async function listInvoices(trx: Tx, tenantId: string | null, page: Page) {
  let query = trx.selectFrom('saas_invoices').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(page.limit).offset(page.offset);
  if (tenantId) query = query.where('tenant_id', '=', tenantId);
  return (await query.execute()).map(toSaasInvoice);
}
