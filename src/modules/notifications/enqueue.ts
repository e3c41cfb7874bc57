import { sql } from 'kysely';
import type { Clock } from '../../platform/clock.ts';
import { addDays, localDate, monthOf, startOfLocalDay, type IsoDate } from '../../platform/dates.ts';
import type { Tx } from '../../platform/db/database.ts';
import { isAppError } from '../../platform/errors/app-error.ts';
import type { EventEnvelope } from '../../platform/events/event-envelope.ts';
import { PermanentError } from '../../platform/events/event-handler.ts';
import type { Publish } from '../../platform/events/outbox.ts';
import { newId } from '../../platform/ids.ts';
import { normalizeIndonesianPhone } from '../../platform/phone.ts';
import type { BillingService } from '../billing/index.ts';
import type { IdentityService } from '../identity/index.ts';
import type { TenantsService } from '../tenants/index.ts';
import { rulesFor, type NotificationRule, type RuleLookups, type ToggleName } from './notification-rules.ts';
import { paymentLinkText, settingsInTransaction, templateInTransaction, type NotificationSettings } from './notification-settings.ts';
import type { notificationEvents } from './notifications.events.ts';
import { afterQuietHours } from './quiet-hours.ts';
import { isUrgentKind, renderTemplate, type NotificationKind, type TemplateValues, type TenantTimeZone } from './templates/index.ts';

export type Recipient = {
  type: 'customer' | 'staff';
  /** null: nobody on file (a portal code asked for a number that is no customer's; always skipped). */
  id: string | null;
  name: string;
  /** E.164, or null with the reason it can't be sent. */
  phone: string | null;
  skipReason?: string;
};

/** One message to queue; `key` must be unique per (event, rule, recipient). */
export type NewMessage = {
  key: string;
  eventId: string | null;
  rule: string;
  kind: NotificationKind;
  recipient: Recipient;
  values: TemplateValues;
  /** From this instant the message announces a day already past: skipped if still waiting. */
  staleAt?: Date;
};

const INSERT_CHUNK = 2_000;

/**
 * Turns events into message rows (status pending) inside the handler's transaction: rules,
 * tenant switches, recipients, opt-outs, quiet hours and the rendered text. No network here:
 * the delivery worker sends.
 */
/** What counts against the month's WhatsApp quota: every message of the month not skipped or failed. */
export const whatsappQuotaUsed = async (trx: Tx<any>, monthStart: Date): Promise<number> =>
  (await sql<{ n: number }>`select count(*)::int as n from notifications_messages where created_at >= ${monthStart} and status not in ('skipped', 'failed')`.execute(trx)).rows[0]!.n;

export function createEnqueuer(deps: {
  clock: Clock;
  identity: IdentityService;
  tenants: TenantsService;
  billing: BillingService;
  publish: Publish<typeof notificationEvents>;
  /** The SaaS monthly WhatsApp quota (composition root: the saas module's guard). */
  limits?: { remainingInLimit(trx: Tx<any>, limit: 'whatsapp_messages', countUsed: (trx: Tx<any>) => Promise<number>, options?: { period?: string }): Promise<number | null> };
}) {
  const { clock } = deps;

  /**
   * Over the month's quota only urgent kinds (`urgent` in notification-kinds.ts: isolation and
   * restoration notices, outages, router alerts, portal codes) are queued;
   * the others are kept as skipped messages that say why.
   */
  async function applyMonthlyQuota<R extends { urgent: boolean; kind: string; status: string; reason: string | null }>(trx: Tx, timeZone: TenantTimeZone, rows: R[]): Promise<R[]> {
    if (!deps.limits || !rows.some((r) => !r.urgent && r.status === 'pending')) return rows;
    const month = monthOf(localDate(clock.now(), timeZone));
    const monthStart = startOfLocalDay(month, timeZone);
    // The period: the quota's 80 % warning is once per month.
    let remaining = await deps.limits.remainingInLimit(trx, 'whatsapp_messages', (t) => whatsappQuotaUsed(t, monthStart), { period: month.slice(0, 7) });
    if (remaining === null) return rows;
    return rows.map((r) => {
      if (r.status !== 'pending') return r;
      // The owner's limit warning too: it may be the one saying the quota is nearly used up.
      if (r.urgent || r.kind === 'limit_warning') return r;
      if (remaining! > 0) {
        remaining!--;
        return r;
      }
      return { ...r, status: 'skipped', reason: 'The monthly WhatsApp quota of your subscription is used up: only urgent messages (isolation and restoration notices, outages, router alerts, portal login codes) are sent until next month. An add-on raises the quota.' };
    });
  }

  /** Per transaction: the tenant facts every message needs, read once. */
  async function tenantContext(trx: Tx) {
    const tenant = await deps.tenants.profileInTransaction(trx);
    const settings = await settingsInTransaction(trx, clock.now());
    let policy: Awaited<ReturnType<BillingService['policyInTransaction']>> | undefined;
    const billingPolicy = async () => (policy ??= await deps.billing.policyInTransaction(trx));
    return { tenant, settings, billingPolicy };
  }
  type TenantContext = Awaited<ReturnType<typeof tenantContext>>;

  async function toggleIsOn(name: ToggleName, ctx: TenantContext): Promise<boolean> {
    switch (name) {
      case 'notify_unpaid':
        return (await ctx.billingPolicy()).notifyUnpaid;
      case 'notify_isolated':
        return (await ctx.billingPolicy()).notifyIsolated;
      case 'notify_reconnected':
        return (await ctx.billingPolicy()).notifyReconnected;
      case 'notify_outage_customers':
        return ctx.settings.notifyOutageCustomers;
      case 'notify_router_errors':
        return ctx.settings.notifyRouterErrors;
    }
  }

  /** Active customers by id (a terminated customer gets nothing), marked skipped when opted out. */
  async function customerRecipients(trx: Tx, customerIds: string[]): Promise<Recipient[]> {
    if (customerIds.length === 0) return [];
    const { rows } = await sql<{ customer_id: string; name: string; phone: string; opted_out: boolean }>`
      select c.customer_id, c.name, c.phone, o.customer_id is not null as opted_out
      from customers_billable c left join notifications_opt_outs o on o.customer_id = c.customer_id
      where c.customer_id = any(${customerIds}::uuid[])`.execute(trx);
    return rows.map((r) => ({
      type: 'customer',
      id: r.customer_id,
      name: r.name,
      phone: r.phone,
      ...(r.opted_out ? { skipReason: 'The customer opted out of WhatsApp messages.' } : {}),
    }));
  }

  async function staffRecipients(trx: Tx, roles: readonly ('owner' | 'admin' | 'finance')[]): Promise<Recipient[]> {
    const staff = await deps.identity.staffContactsInTransaction(trx, roles);
    return staff.map((s) => {
      const phone = s.phone ? normalizeIndonesianPhone(s.phone) : null;
      const skipReason = !s.phone
        ? `${s.name} has no phone number on file; add one to their staff profile.`
        : !phone
          ? `${s.name}'s phone number "${s.phone}" is not a valid Indonesian number.`
          : undefined;
      return { type: 'staff', id: s.userId, name: s.name, phone, ...(skipReason ? { skipReason } : {}) };
    });
  }

  function recipientsOf(trx: Tx, rule: NotificationRule, data: Record<string, any>): Promise<Recipient[]> {
    if ('staff' in rule.to) return staffRecipients(trx, rule.to.staff);
    return customerRecipients(trx, rule.to.customer === 'from_event' ? [data.customerId] : data.customerIds);
  }

  function lookups(trx: Tx, ctx: TenantContext, occurredAt: Date): RuleLookups {
    return {
      occurredAt,
      // Now, not when the event happened: a message queued late must not announce a past day.
      today: localDate(clock.now(), ctx.tenant.timeZone),
      paymentLink: paymentLinkText(ctx.settings),
      invoice: async (invoiceId) => {
        const invoice = await deps.billing.getInvoiceInTransaction(trx, invoiceId);
        return { number: invoice.number, amount: invoice.amount, dueDate: invoice.dueDate };
      },
      customerName: async (customerId) =>
        (await sql<{ name: string }>`select name from customers_billable where customer_id = ${customerId}`.execute(trx)).rows[0]?.name ?? '-',
      underOutage: async (customerId) =>
        (await sql<{ one: number }>`select 1 as one from maps_customers_under_outage where customer_id = ${customerId}`.execute(trx)).rows.length > 0,
      isolationDay: async (dueDate: IsoDate) => {
        const policy = await ctx.billingPolicy();
        const daysAfterDue = { invoice_due_unpaid: 0, invoice_overdue: 1, overdue_after_grace_period: 1 + policy.graceDays }[policy.isolationTrigger];
        return addDays(dueDate, daysAfterDue);
      },
    };
  }

  /** Applies every rule of the event's type. Idempotent: a redelivered event inserts nothing new. */
  async function enqueueForEvent(trx: Tx, event: EventEnvelope): Promise<void> {
    await enqueueForEvents(trx, [event]);
  }

  /**
   * `enqueueForEvent` of many events of the transaction's tenant, in order, reading the tenant's
   * facts (profile, settings, policy) once for the lot (a payment rush: one handler transaction).
   */
  async function enqueueForEvents(trx: Tx, events: EventEnvelope[]): Promise<void> {
    let ctx: TenantContext | undefined;
    for (const event of events) {
      if (rulesFor(event.type).length === 0) continue;
      await applyRules(trx, (ctx ??= await tenantContext(trx)), event);
    }
  }

  async function applyRules(trx: Tx, ctx: TenantContext, event: EventEnvelope): Promise<void> {
    const rules = rulesFor(event.type);
    for (const rule of rules) {
      const parsed = rule.reads.safeParse(event.data);
      if (!parsed.success) {
        throw new PermanentError(`Rule ${rule.id} cannot read ${event.type} v${event.version}: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
      }
      const data = parsed.data as Record<string, any>;
      const at = lookups(trx, ctx, new Date(event.occurredAt));
      if (rule.when && !(await rule.when(data, at))) continue;
      if (rule.toggle && !(await toggleIsOn(rule.toggle, ctx))) continue;
      const recipients = await recipientsOf(trx, rule, data);
      if (recipients.length === 0) continue;
      const values = await rule.values(data, at);
      const staleAt = rule.lastDay ? startOfLocalDay(addDays(await rule.lastDay(data, at), 1), ctx.tenant.timeZone) : undefined;
      const counts = await queueInTransaction(
        trx,
        ctx.settings,
        ctx.tenant,
        recipients.map((recipient) => ({ key: `${event.id}/${rule.id}/${recipient.type}:${recipient.id}`, eventId: event.id, rule: rule.id, kind: rule.kind, recipient, values, staleAt })),
      );
      if (counts.queued + counts.skipped > 0) {
        await deps.publish(trx, 'notifications.message.queued', { sourceEventId: event.id, rule: rule.id, kind: rule.kind, ...counts }, {
          causationId: event.id,
          correlationId: event.correlationId,
        });
      }
    }
  }

  /**
   * Renders and inserts messages (set-based, so an outage's thousands are a few statements).
   * Non-urgent kinds start after the tenant's quiet hours. A text that can't be rendered is a
   * failed message with the reason, not an exception that would block the other recipients.
   */
  async function queueInTransaction(
    trx: Tx,
    settings: NotificationSettings,
    tenant: { name: string; timeZone: TenantTimeZone },
    messages: NewMessage[],
  ): Promise<{ queued: number; skipped: number }> {
    const now = clock.now();
    const templates = new Map<NotificationKind, string>();
    for (const kind of new Set(messages.map((m) => m.kind))) templates.set(kind, (await templateInTransaction(trx, kind, settings.language)).body);
    let rows = messages.map((m) => {
      const base = {
        id: newId(),
        key: m.key,
        event_id: m.eventId,
        rule: m.rule,
        kind: m.kind,
        urgent: isUrgentKind(m.kind),
        recipient_type: m.recipient.type,
        recipient_id: m.recipient.id,
        recipient_name: m.recipient.name,
        to_phone: m.recipient.phone,
        language: settings.language,
        stale_at: m.staleAt ?? null,
      };
      const values = { ...m.values, tenant_name: tenant.name, ...(m.recipient.type === 'customer' ? { customer_name: m.recipient.name } : {}) };
      let body: string;
      try {
        body = renderTemplate(templates.get(m.kind)!, values, { timeZone: tenant.timeZone, language: settings.language });
      } catch (error) {
        if (!isAppError(error)) throw error;
        return { ...base, body: '', status: 'failed', reason: `The ${m.kind} template could not be filled: ${error.message}`, next_attempt_at: now };
      }
      if (m.recipient.skipReason) return { ...base, body, status: 'skipped', reason: m.recipient.skipReason, next_attempt_at: now };
      const startAt = base.urgent ? now : afterQuietHours(now, tenant.timeZone, settings.quietHours);
      return { ...base, body, status: 'pending', reason: startAt > now ? 'Waiting for the end of quiet hours.' : null, next_attempt_at: startAt };
    });
    rows = await applyMonthlyQuota(trx, tenant.timeZone, rows);
    let queued = 0;
    let skipped = 0;
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
      const { rows: inserted } = await sql<{ status: string }>`
        insert into notifications_messages (id, tenant_id, idempotency_key, event_id, rule, kind, urgent, recipient_type, recipient_id,
          recipient_name, to_phone, language, body, status, reason, next_attempt_at, stale_at, failed_at, created_at, updated_at)
        select r.id, app_tenant_id(), r.key, r.event_id, r.rule, r.kind, r.urgent, r.recipient_type, r.recipient_id,
          r.recipient_name, r.to_phone, r.language, r.body, r.status, r.reason, r.next_attempt_at, r.stale_at,
          case when r.status = 'failed' then ${now}::timestamptz end, ${now}, ${now}
        from jsonb_to_recordset(${JSON.stringify(rows.slice(i, i + INSERT_CHUNK))}::jsonb) as r(id uuid, key text, event_id uuid, rule text,
          kind text, urgent boolean, recipient_type text, recipient_id uuid, recipient_name text, to_phone text, language text,
          body text, status text, reason text, next_attempt_at timestamptz, stale_at timestamptz)
        on conflict (idempotency_key) do nothing
        returning status`.execute(trx);
      queued += inserted.filter((r) => r.status === 'pending').length;
      skipped += inserted.length - inserted.filter((r) => r.status === 'pending').length;
    }
    return { queued, skipped };
  }

  /** Queues messages outside any event (staff's test message), with this tenant's settings. */
  async function queueDirect(trx: Tx, messages: NewMessage[]) {
    const ctx = await tenantContext(trx);
    return queueInTransaction(trx, ctx.settings, ctx.tenant, messages);
  }

  return { enqueueForEvent, enqueueForEvents, queueDirect };
}

export type Enqueuer = ReturnType<typeof createEnqueuer>;
