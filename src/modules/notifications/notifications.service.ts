import { sql } from 'kysely';
import type { Page } from '../../platform/http/pagination.ts';
import type { Clock } from '../../platform/clock.ts';
import { localDate, monthOf, startOfLocalDay } from '../../platform/dates.ts';
import type { ProviderUrlOverrides } from '../../platform/config/env.ts';
import type { SecretBox } from '../../platform/crypto/secret-box.ts';
import type { Database, TenantId, Tx } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import type { Publish } from '../../platform/events/outbox.ts';
import { newId } from '../../platform/ids.ts';
import type { Logger } from '../../platform/logging/logger.ts';
import { normalizeIndonesianPhone, phoneSearchDigits } from '../../platform/phone.ts';
import type { BillingService } from '../billing/index.ts';
import type { IdentityService } from '../identity/index.ts';
import type { TenantsService } from '../tenants/index.ts';
import { previewBroadcast, sendBroadcast, type BroadcastFilter } from './broadcast.ts';
import { createChannels } from './channels.ts';
import { createDelivery } from './delivery.ts';
import { createEnqueuer, whatsappQuotaUsed } from './enqueue.ts';
import { createTemplateAdmin } from './template-admin.ts';
import { SharedSenderLimiter } from './shared-sender-limiter.ts';
import { DevInbox, verifyCloudWebhookSubscription, type WaProvider, type WaWebhookRequest } from './gateways/index.ts';
import { settingsChanged, settingsInTransaction, type NotificationSettings } from './notification-settings.ts';
import type { notificationEvents } from './notifications.events.ts';
import { formatMinute, parseMinute } from './quiet-hours.ts';
import { type TemplateLanguage } from './templates/index.ts';

export const messageStatuses = ['pending', 'sending', 'sent', 'delivered', 'read', 'failed', 'unknown', 'skipped'] as const;
export type MessageStatus = (typeof messageStatuses)[number];

export type SettingsView = {
  language: TemplateLanguage;
  quietHours: { start: string; end: string } | null;
  notifyOutageCustomers: boolean;
  notifyRouterErrors: boolean;
  paymentLink: string | null;
};

const settingsView = (s: NotificationSettings): SettingsView => ({
  language: s.language,
  quietHours: s.quietHours ? { start: formatMinute(s.quietHours.startMinute), end: formatMinute(s.quietHours.endMinute) } : null,
  notifyOutageCustomers: s.notifyOutageCustomers,
  notifyRouterErrors: s.notifyRouterErrors,
  paymentLink: s.paymentLink,
});

const toMessage = (r: Record<string, any>) => ({
  id: r.id as string,
  kind: r.kind as string,
  rule: r.rule as string,
  eventId: r.event_id as string | null,
  recipientType: r.recipient_type as 'customer' | 'staff',
  recipientId: r.recipient_id as string | null,
  recipientName: r.recipient_name as string,
  to: r.to_phone as string | null,
  // Staff never read a customer's portal login code in the message log (only the dev inbox, in development, shows it).
  body: r.kind === 'portal_otp' ? (r.body as string).replace(/\d{6}/g, '••••••') : (r.body as string),
  status: r.status as MessageStatus,
  reason: r.reason as string | null,
  attempts: r.attempts as number,
  provider: r.provider as string | null,
  externalId: r.external_id as string | null,
  nextAttemptAt: r.next_attempt_at as Date,
  createdAt: r.created_at as Date,
  sentAt: r.sent_at as Date | null,
  deliveredAt: r.delivered_at as Date | null,
  readAt: r.read_at as Date | null,
  failedAt: r.failed_at as Date | null,
});
export type MessageRecord = ReturnType<typeof toMessage>;

export type NotificationsService = ReturnType<typeof createNotificationsService>;

/**
 * WhatsApp notifications: provider accounts, templates, settings and opt-outs per tenant; the
 * rules that queue messages from events (handlers); the delivery that sends them (worker); the
 * message log and provider status webhooks.
 */
export function createNotificationsService(deps: {
  db: Database;
  clock: Clock;
  logger: Logger;
  secrets: SecretBox;
  identity: IdentityService;
  tenants: TenantsService;
  billing: BillingService;
  publish: Publish<typeof notificationEvents>;
  fetch?: typeof fetch;
  /** Development and tests: stand-ins instead of the providers' hosts. */
  providerUrls?: ProviderUrlOverrides;
  limits?: Parameters<typeof createEnqueuer>[0]['limits'];
}) {
  const { db, clock } = deps;
  const devInbox = new DevInbox();
  const channels = createChannels({
    db,
    clock,
    secrets: deps.secrets,
    identity: deps.identity,
    tenants: deps.tenants,
    fetch: deps.fetch,
    providerUrls: deps.providerUrls,
    devInbox,
  });
  const enqueuer = createEnqueuer({ clock, identity: deps.identity, tenants: deps.tenants, billing: deps.billing, publish: deps.publish, limits: deps.limits });
  const delivery = createDelivery({
    db,
    clock,
    logger: deps.logger.child({ module: 'notifications' }),
    channels,
    tenants: deps.tenants,
    limiter: new SharedSenderLimiter({ db }),
    publish: deps.publish,
  });

  // ---- settings ----

  const getSettings = (tenantId: TenantId) => db.tenant(tenantId, async (trx) => settingsView(await settingsInTransaction(trx, clock.now())));

  const updateSettings = (tenantId: TenantId, change: Partial<SettingsView>) =>
    db.tenant(tenantId, async (trx) => {
      const s = { ...settingsView(await settingsInTransaction(trx, clock.now())), ...change };
      await sql`update notifications_settings set language = ${s.language},
        quiet_start_minute = ${s.quietHours ? parseMinute(s.quietHours.start) : null}, quiet_end_minute = ${s.quietHours ? parseMinute(s.quietHours.end) : null},
        notify_outage_customers = ${s.notifyOutageCustomers}, notify_router_errors = ${s.notifyRouterErrors},
        payment_link = ${s.paymentLink}, updated_at = ${clock.now()}`.execute(trx);
      settingsChanged(trx);
      return settingsView(await settingsInTransaction(trx, clock.now()));
    });

  const templates = createTemplateAdmin({ db, clock, tenants: deps.tenants });

  // ---- opt-outs ----

  const optOut = (tenantId: TenantId, customerId: string, reason: string | null) =>
    db.tenant(tenantId, async (trx) => {
      const { rows } = await sql`select 1 from customers_billable where customer_id = ${customerId}`.execute(trx);
      if (rows.length === 0) throw new AppError('NOT_FOUND', 'No such active customer.');
      await sql`insert into notifications_opt_outs (tenant_id, customer_id, reason, created_at)
        values (app_tenant_id(), ${customerId}, ${reason}, ${clock.now()}) on conflict (tenant_id, customer_id) do nothing`.execute(trx);
    });

  const optIn = (tenantId: TenantId, customerId: string) =>
    db.tenant(tenantId, async (trx) => {
      await sql`delete from notifications_opt_outs where customer_id = ${customerId}`.execute(trx);
    });

  const listOptOuts = (tenantId: TenantId, page: Page) =>
    db.tenant(tenantId, async (trx) => {
      const { rows } = await sql<{ customer_id: string; reason: string | null; created_at: Date }>`
        select customer_id, reason, created_at from notifications_opt_outs order by created_at desc, customer_id
        limit ${page.limit} offset ${page.offset}`.execute(trx);
      return rows.map((r) => ({ customerId: r.customer_id, reason: r.reason, createdAt: r.created_at }));
    });

  // ---- the message log ----

  const listMessages = (tenantId: TenantId, filter: { status?: MessageStatus; kind?: string; search?: string; limit: number; before?: string }) =>
    db.tenant(tenantId, async (trx) => {
      // Search by the recipient's name, or their number typed any way (0812-…, +62 812…).
      const search = filter.search?.trim();
      const like = search ? `%${search.replace(/[%_\\]/g, '\\$&')}%` : null;
      const digits = search ? phoneSearchDigits(search) : null;
      const { rows } = await sql<Record<string, any>>`
        select * from notifications_messages
        where ${filter.status ? sql`status = ${filter.status}` : sql`true`}
          and ${like ? sql`(recipient_name ilike ${like} or to_phone like ${digits ? `%${digits}%` : like})` : sql`true`}
          and ${filter.kind ? sql`kind = ${filter.kind}` : sql`true`}
          and ${filter.before ? sql`id < ${filter.before}` : sql`true`}
        order by created_at desc, id desc limit ${filter.limit}`.execute(trx);
      return rows.map(toMessage);
    });

  /** What the dev inbox "delivered": kept in the database, so every process and restart sees it. */
  const devInboxMessages = (tenantId: TenantId, limit: number) =>
    db.tenant(tenantId, async (trx) => {
      const { rows } = await sql<Record<string, any>>`
        select id, kind, to_phone, body, sent_at from notifications_messages
        where provider = 'dev_inbox' and sent_at is not null order by sent_at desc, id desc limit ${limit}`.execute(trx);
      return rows.map((r) => ({ messageId: r.id as string, kind: r.kind as string, to: r.to_phone as string, text: r.body as string, receivedAt: r.sent_at as Date }));
    });

  /** A person's decision for a failed or possibly-sent ('unknown') message: send it again. */
  const resendMessage = (tenantId: TenantId, messageId: string) =>
    db.tenant(tenantId, async (trx) => {
      const { rows } = await sql<Record<string, any>>`
        update notifications_messages set status = 'pending', attempts = 0, next_attempt_at = ${clock.now()}, claim_id = null,
          reason = 'Resent by staff.', failed_at = null, updated_at = ${clock.now()}
        where id = ${messageId} and status in ('failed', 'unknown') and to_phone is not null
        returning *`.execute(trx);
      if (rows[0]) return toMessage(rows[0]);
      const { rows: existing } = await sql<{ status: string }>`select status from notifications_messages where id = ${messageId}`.execute(trx);
      if (!existing[0]) throw new AppError('NOT_FOUND', 'No such message.');
      throw new AppError('CONFLICT', `Only a failed or unknown message can be resent; this one is ${existing[0].status}.`);
    });

  /** Messages handed to a provider in a month of the tenant's calendar: what the limits issue will cap. */
  const monthlyCountInTransaction = async (trx: Tx, month: string) => {
    const timeZone = await deps.tenants.timeZoneInTransaction(trx);
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from notifications_messages
      where sent_at >= (${`${month}-01`}::date)::timestamp at time zone ${timeZone}
        and sent_at < ((${`${month}-01`}::date + interval '1 month')::timestamp at time zone ${timeZone})`.execute(trx);
    return rows[0].n;
  };

  /**
   * What this month (the tenant's calendar) counts against the SaaS WhatsApp quota, as enqueueing
   * counts it. null for a session that may not read messages (platform support impersonating).
   */
  const quotaUsedInTransaction = async (trx: Tx): Promise<number | null> => {
    const { rows } = await sql<{ ok: boolean }>`select has_table_privilege('notifications_messages', 'select') as ok`.execute(trx);
    if (!rows[0]?.ok) return null;
    const timeZone = await deps.tenants.timeZoneInTransaction(trx);
    return whatsappQuotaUsed(trx, startOfLocalDay(monthOf(localDate(deps.clock.now(), timeZone)), timeZone));
  };

  const monthlyUsage = (tenantId: TenantId, month: string) =>
    db.tenant(tenantId, async (trx) => ({ month, sent: await monthlyCountInTransaction(trx, month) }));

  /** Staff check their provider setup: one message through the normal queue and worker. */
  const sendTestMessage = (tenantId: TenantId, actor: { userId: string }, to: string) => {
    const phone = normalizeIndonesianPhone(to);
    if (!phone) {
      throw new AppError('PHONE_INVALID', `"${to}" is not an Indonesian phone number like 0812-3456-7890.`, {
        fields: [{ field: 'to', problem: 'is not a valid Indonesian phone number' }],
      });
    }
    return db.tenant(tenantId, async (trx) => {
      const id = newId();
      await enqueuer.queueDirect(trx, [
        { key: `test/${id}`, eventId: null, rule: 'staff-test-message', kind: 'provider_test', recipient: { type: 'staff', id: actor.userId, name: phone, phone }, values: {} },
      ]);
      const { rows } = await sql<Record<string, any>>`select * from notifications_messages where idempotency_key = ${`test/${id}`}`.execute(trx);
      return toMessage(rows[0]);
    });
  };

  /**
   * The customer portal's one-time code, queued in the caller's transaction (kind portal_otp:
   * urgent, so quiet hours never hold it). An opted-out customer still gets it: they asked for it.
   * `customer: null` (the identifier is no customer's) renders and writes the same row, skipped:
   * the same work either way, nothing sent, and the log shows that someone asked.
   */
  const queuePortalCodeInTransaction = (
    trx: Tx,
    input: { challengeId: string; customer: { id: string; name: string; phone: string } | null; typedPhone: string | null; code: string; validMinutes: number },
  ) =>
    enqueuer.queueDirect(trx, [
      {
        key: `portal-otp/${input.challengeId}`,
        eventId: null,
        rule: 'portal-otp',
        kind: 'portal_otp',
        recipient: input.customer
          ? { type: 'customer', id: input.customer.id, name: input.customer.name, phone: input.customer.phone }
          : { type: 'customer', id: null, name: '—', phone: input.typedPhone, skipReason: 'Not a customer: a portal code was asked for this number or code; nothing was sent.' },
        values: { otp_code: input.code, valid_minutes: input.validMinutes },
      },
    ]);

  // ---- provider status webhooks ----

  async function handleStatusWebhook(input: { provider: WaProvider; tenantSlug: string; key?: string } & WaWebhookRequest) {
    const tenantId = await deps.tenants.findIdBySlug(input.tenantSlug);
    if (!tenantId) throw new AppError('NOT_FOUND', 'No such tenant.');
    const gateway = await channels.webhookGateway(tenantId, input.provider, input.key);
    const updates = gateway.parseStatusWebhook({ headers: input.headers, rawBody: input.rawBody });
    const applied = await db.tenant(tenantId, (trx) => delivery.applyStatusUpdates(trx, input.provider, updates));
    return { received: updates.length, applied };
  }

  /** Meta's GET check when the webhook is subscribed: answer hub.challenge if the verify token matches. */
  async function verifyCloudSubscription(tenantSlug: string, query: URLSearchParams): Promise<string> {
    const tenantId = await deps.tenants.findIdBySlug(tenantSlug);
    if (!tenantId) throw new AppError('NOT_FOUND', 'No such tenant.');
    const { config } = await channels.channelFor(tenantId);
    if (config.provider !== 'whatsapp_cloud') throw new AppError('NOT_FOUND', 'This tenant does not send through whatsapp_cloud.');
    return verifyCloudWebhookSubscription(query, config.webhookVerifyToken);
  }

  return {
    // provider catalog and accounts
    listCatalog: channels.listCatalog,
    updateCatalogEntry: channels.updateCatalogEntry,
    getProvider: channels.getTenantProvider,
    setProvider: channels.setTenantProvider,
    verifyCloudSubscription,
    // tenant configuration
    getSettings,
    updateSettings,
    listTemplates: templates.listTemplates,
    getTemplate: templates.getTemplate,
    saveTemplate: templates.saveTemplate,
    resetTemplate: templates.resetTemplate,
    previewTemplate: templates.previewTemplate,
    optOut,
    optIn,
    listOptOuts,
    // messages
    enqueueForEvent: enqueuer.enqueueForEvent,
    enqueueForEvents: enqueuer.enqueueForEvents,
    deliverDue: delivery.deliverDue,
    listMessages,
    devInboxMessages,
    resendMessage,
    monthlyUsage,
    monthlyCountInTransaction,
    quotaUsedInTransaction,
    sendTestMessage,
    queuePortalCodeInTransaction,
    handleStatusWebhook,
    // broadcasts to a filtered set of customers
    previewBroadcast: (tenantId: TenantId, filter: BroadcastFilter) => db.tenant(tenantId, (trx) => previewBroadcast(trx, filter)),
    sendBroadcastInTransaction: (trx: Tx, input: { filter: BroadcastFilter; message: string }) => sendBroadcast(trx, enqueuer, input),
  };
}
