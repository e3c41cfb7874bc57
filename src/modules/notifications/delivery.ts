import { sql, type RawBuilder } from 'kysely';
import type { Clock } from '../../platform/clock.ts';
import { asTenantId, type Database, type TenantId, type Tx } from '../../platform/db/database.ts';
import type { Publish } from '../../platform/events/outbox.ts';
import { newId } from '../../platform/ids.ts';
import type { Logger } from '../../platform/logging/logger.ts';
import type { TenantsService } from '../tenants/index.ts';
import type { Channel, Channels } from './channels.ts';
import { WaSendError, type WaGateway, type WaStatusUpdate } from './gateways/index.ts';
import type { SharedSenderLimiter } from './shared-sender-limiter.ts';
import { settingsInTransaction } from './notification-settings.ts';
import type { notificationEvents } from './notifications.events.ts';
import { afterQuietHours } from './quiet-hours.ts';

/*
 * Delivery guarantee: every message is handed to its provider AT MOST ONCE BY THE MACHINE.
 *
 * - A message is claimed right before its send (status 'sending', a lease, a fresh claim id)
 *   and its result is written back only by that claim.
 * - Retried automatically: only failures where the provider certainly did not take the message
 *   (an HTTP answer of 5xx or 429, a refused connection) — with backoff, up to MAX_ATTEMPTS.
 * - Never retried: permanent refusals (invalid number, template rejected, bad token) → 'failed'
 *   with the provider's reason.
 * - Outcome unknown (a timeout or a connection dropped after the request went out, or a worker
 *   that died mid-send and let its lease expire) → 'unknown'. None of these providers
 *   deduplicates sends, so resending could put a second message on the customer's phone;
 *   instead the message waits for a status webhook that settles it (the Cloud API echoes our
 *   idempotency key) or for a person to resend it (POST …/messages/:id/resend).
 * A missed message is visible in the log and can be resent; a duplicate can't be taken back.
 */

const MAX_ATTEMPTS = 8;
/** Longer than any provider timeout (≤ 120 s), so a live send never loses its lease. */
const LEASE_MS = 5 * 60_000;
/** 30 s, 1 min, 2 min … capped at 30 min. */
const retryDelayMs = (attempt: number) => Math.min(30 * 60_000, 30_000 * 2 ** (attempt - 1));
/** How long one round may keep a sender busy: its share of a round is its rate × this. */
const ROUND_SECONDS = 10;
/** Sends one sender may have in flight at once (the rate limiter spaces their starts). */
const IN_FLIGHT_PER_SENDER = 16;
/** Due messages one tenant may put in a round, so one tenant's burst can't starve the others. */
const PER_TENANT_PER_ROUND = 1_000;

type Due = { id: string; tenant_id: string };
type Claimed = {
  id: string;
  claim_id: string;
  to_phone: string | null;
  body: string;
  attempts: number;
  idempotency_key: string;
  kind: string;
  rule: string;
  urgent: boolean;
  recipient_type: 'customer' | 'staff';
  recipient_id: string | null;
};
type Outcome =
  | { status: 'sent'; externalId: string }
  | { status: 'pending'; retryAt: Date; reason: string }
  | { status: 'failed' | 'unknown'; reason: string };

/** Webhooks only move a message forward: a late "delivered" never undoes "read". */
const statusOrder = ['pending', 'sending', 'unknown', 'sent', 'failed', 'delivered', 'read'];
const rankOf = (status: RawBuilder<unknown>) => sql`array_position(${statusOrder}::text[], ${status})`;

export function createDelivery(deps: {
  db: Database;
  clock: Clock;
  logger: Logger;
  channels: Channels;
  tenants: TenantsService;
  limiter: Pick<SharedSenderLimiter, 'acquire' | 'limitOf'>;
  publish: Publish<typeof notificationEvents>;
}) {
  const { db, clock, logger, channels, limiter, publish } = deps;

  const messageRef = (m: Claimed) => ({ messageId: m.id, kind: m.kind, rule: m.rule, recipientType: m.recipient_type, recipientId: m.recipient_id });

  /**
   * Claims whose lease ran out belong to a worker that is gone. It may have handed the message
   * over before dying, so the message becomes 'unknown', never 'pending' again by itself.
   */
  async function settleAbandoned(): Promise<number> {
    const { rows } = await sql<{ tenant_id: string }>`
      select distinct tenant_id from notifications_messages where status = 'sending' and lease_until < ${clock.now()}`.execute(db.owner);
    let settled = 0;
    for (const { tenant_id } of rows) {
      settled += await db.tenant(asTenantId(tenant_id), async (trx) => {
        const { rows: abandoned } = await sql<Claimed & { reason: string }>`
          update notifications_messages set status = 'unknown', lease_until = null, updated_at = ${clock.now()},
            reason = 'The worker sending this message stopped before hearing back; the provider may have delivered it. Not resent automatically: check with the recipient, then resend if needed.'
          where status = 'sending' and lease_until < ${clock.now()}
          returning id, kind, rule, recipient_type, recipient_id, reason`.execute(trx);
        for (const m of abandoned) {
          await publish(trx, 'notifications.message.failed', { ...messageRef(m), outcome: 'unknown', reason: m.reason });
        }
        return abandoned.length;
      });
    }
    return settled;
  }

  /**
   * A message still waiting when the day it announces is over (quiet hours, provider retries, a
   * worker that was down) would say something false: it is skipped, never sent late.
   */
  async function skipStale(): Promise<number> {
    const now = clock.now();
    const { rows } = await sql<{ tenant_id: string }>`
      select distinct tenant_id from notifications_messages where status = 'pending' and stale_at <= ${now}`.execute(db.owner);
    let skipped = 0;
    for (const { tenant_id } of rows) {
      skipped += await db.tenant(asTenantId(tenant_id), async (trx) => {
        const { rows: stale } = await sql<{ id: string }>`
          update notifications_messages set status = 'skipped', updated_at = ${now},
            reason = 'Not sent: the day it announces had passed while it waited (quiet hours, provider retries or a stopped worker).'
          where status = 'pending' and stale_at <= ${now}
          returning id`.execute(trx);
        return stale.length;
      });
    }
    return skipped;
  }

  /** Due messages across tenants, oldest first, at most PER_TENANT_PER_ROUND of each tenant. */
  async function dueMessages(): Promise<Due[]> {
    const { rows } = await sql<Due>`
      select id, tenant_id from (
        select id, tenant_id, next_attempt_at,
               row_number() over (partition by tenant_id order by next_attempt_at, id) as n
        from notifications_messages where status = 'pending' and next_attempt_at <= ${clock.now()}) d
      where n <= ${PER_TENANT_PER_ROUND}
      order by next_attempt_at, id
      limit ${PER_TENANT_PER_ROUND * 20}`.execute(db.owner);
    return rows;
  }

  async function claim(tenantId: TenantId, messageId: string, channel: Channel): Promise<Claimed | undefined> {
    const now = clock.now();
    return db.tenant(tenantId, async (trx) => {
      const { rows } = await sql<Claimed>`
        update notifications_messages set status = 'sending', claim_id = ${newId()}, attempts = attempts + 1,
          lease_until = ${new Date(now.getTime() + LEASE_MS)}, provider = ${channel.provider}, sender = ${channel.sender}, updated_at = ${now}
        where id = ${messageId} and status = 'pending' and next_attempt_at <= ${now} and (stale_at is null or stale_at > ${now})
        returning id, claim_id, to_phone, body, attempts, idempotency_key, kind, rule, urgent, recipient_type, recipient_id`.execute(trx);
      return rows[0];
    });
  }

  async function outcomeOf(error: unknown, message: Claimed, tenantId: TenantId): Promise<Outcome> {
    if (!(error instanceof WaSendError)) {
      logger.error({ err: error, messageId: message.id }, 'WhatsApp send failed unexpectedly');
      return { status: 'unknown', reason: `Unexpected error while sending: ${(error as Error).message}` };
    }
    const reason = `${error.code}: ${error.message}`;
    if (error.outcomeUnknown) return { status: 'unknown', reason: `${reason} Not resent automatically, to avoid a duplicate.` };
    if (!error.retryable) return { status: 'failed', reason };
    if (message.attempts >= MAX_ATTEMPTS) return { status: 'failed', reason: `Gave up after ${message.attempts} attempts. Last: ${reason}` };
    const backoff = Math.max(retryDelayMs(message.attempts), error.retryAfterMs ?? 0);
    let retryAt = new Date(clock.now().getTime() + backoff);
    if (!message.urgent) {
      const quiet = await db.tenant(tenantId, async (trx) => ({
        settings: await settingsInTransaction(trx, clock.now()),
        timeZone: await deps.tenants.timeZoneInTransaction(trx),
      }));
      retryAt = afterQuietHours(retryAt, quiet.timeZone, quiet.settings.quietHours);
    }
    return { status: 'pending', retryAt, reason: `Attempt ${message.attempts} failed (${reason}); retrying at ${retryAt.toISOString()}.` };
  }

  /** Written only by the claim that sent; a late success still lands after the lease expired ('unknown'). */
  async function record(tenantId: TenantId, message: Claimed, channel: Channel, outcome: Outcome) {
    const now = clock.now();
    await db.tenant(tenantId, async (trx) => {
      const mine = sql`id = ${message.id} and claim_id = ${message.claim_id}`;
      if (outcome.status === 'sent') {
        const { rows } = await sql`update notifications_messages set status = 'sent', external_id = ${outcome.externalId}, sent_at = ${now},
            lease_until = null, reason = null, updated_at = ${now}
          where ${mine} and status in ('sending', 'unknown') returning id`.execute(trx);
        if (rows.length) await publish(trx, 'notifications.message.sent', { ...messageRef(message), provider: channel.provider });
        return;
      }
      if (outcome.status === 'pending') {
        await sql`update notifications_messages set status = 'pending', next_attempt_at = ${outcome.retryAt}, reason = ${outcome.reason},
            lease_until = null, updated_at = ${now} where ${mine} and status = 'sending'`.execute(trx);
        return;
      }
      const { rows } = await sql`update notifications_messages set status = ${outcome.status}, reason = ${outcome.reason}, lease_until = null,
          failed_at = ${outcome.status === 'failed' ? now : null}, updated_at = ${now}
        where ${mine} and status = 'sending' returning id`.execute(trx);
      if (rows.length) await publish(trx, 'notifications.message.failed', { ...messageRef(message), outcome: outcome.status, reason: outcome.reason });
    });
  }

  async function sendOne(tenantId: TenantId, messageId: string, channel: Channel, gateway: WaGateway): Promise<void> {
    const message = await claim(tenantId, messageId, channel);
    if (!message) return; // another worker took it, or it was resent/changed meanwhile
    let outcome: Outcome;
    try {
      const { externalId } = await gateway.send({ to: message.to_phone ?? '', text: message.body, idempotencyKey: message.idempotency_key });
      outcome = { status: 'sent', externalId };
    } catch (error) {
      outcome = await outcomeOf(error, message, tenantId);
    }
    await record(tenantId, message, channel, outcome);
  }

  /** One sender's share of a round: each send waits for the sender's rate limit, a few in flight. */
  async function pump(channel: Channel, gateway: WaGateway, messages: Due[]): Promise<void> {
    const inFlight = new Set<Promise<void>>();
    for (const m of messages) {
      while (inFlight.size >= IN_FLIGHT_PER_SENDER) await Promise.race(inFlight);
      await limiter.acquire(channel.provider, channel.sender);
      const sending: Promise<void> = sendOne(asTenantId(m.tenant_id), m.id, channel, gateway)
        .catch((error) => logger.error({ err: error, messageId: m.id }, 'recording a WhatsApp send failed'))
        .finally(() => inFlight.delete(sending));
      inFlight.add(sending);
    }
    await Promise.all(inFlight);
  }

  /**
   * One delivery round: settle abandoned claims, then send what is due, every sender in
   * parallel and each within its rate (a slow Fonnte device gets a few messages per round, a
   * Cloud API number hundreds). Returns how many messages it attempted.
   */
  async function deliverDue(): Promise<number> {
    await settleAbandoned();
    await skipStale();
    const due = await dueMessages();
    if (due.length === 0) return 0;
    const byTenant = Map.groupBy(due, (m) => m.tenant_id);
    const bySender = new Map<string, { channel: Channel; gateway: WaGateway; messages: Due[] }>();
    for (const [tenantId, messages] of byTenant) {
      // One tenant's broken account (a key that no longer opens) must not hold up the others.
      const channel = await channels.channelFor(asTenantId(tenantId)).catch((error: unknown) => {
        logger.error({ err: error, tenantId }, 'WhatsApp account of tenant unusable; its messages wait');
        return null;
      });
      if (!channel) continue;
      const key = `${channel.provider}\u0000${channel.sender}`;
      const group = bySender.get(key) ?? { channel, gateway: channels.gatewayFor(channel.config), messages: [] };
      group.messages.push(...messages);
      bySender.set(key, group);
    }
    let attempted = 0;
    await Promise.all(
      [...bySender.values()].map(({ channel, gateway, messages }) => {
        const { perSecond } = limiter.limitOf(channel.provider);
        const share = perSecond === Infinity ? messages.length : Math.max(1, Math.ceil(perSecond * ROUND_SECONDS));
        attempted += Math.min(share, messages.length);
        return pump(channel, gateway, messages.slice(0, share));
      }),
    );
    return attempted;
  }

  /**
   * Status webhooks: moves messages forward only (sent → delivered → read, or failed), found by
   * the provider's message id or, for an 'unknown' message whose send timed out, by the
   * idempotency key the Cloud API echoes back.
   */
  async function applyStatusUpdates(trx: Tx, provider: string, updates: WaStatusUpdate[]): Promise<number> {
    let applied = 0;
    for (const u of updates) {
      const { rows } = await sql<Claimed & { status: string; reason: string | null }>`
        update notifications_messages set status = ${u.status},
          external_id = coalesce(external_id, ${u.externalId}),
          sent_at = case when ${u.status} <> 'failed' then coalesce(sent_at, ${u.at}::timestamptz) else sent_at end,
          delivered_at = case when ${u.status} in ('delivered', 'read') then coalesce(delivered_at, ${u.at}::timestamptz) else delivered_at end,
          read_at = case when ${u.status} = 'read' then ${u.at}::timestamptz else read_at end,
          failed_at = case when ${u.status} = 'failed' then ${u.at}::timestamptz else failed_at end,
          reason = case when ${u.status} = 'failed' then ${u.reason ?? 'The provider reported the message as failed.'} else null end,
          lease_until = null, updated_at = ${clock.now()}
        where provider = ${provider}
          and (external_id = ${u.externalId} or (${u.idempotencyKey ?? null}::text is not null and idempotency_key = ${u.idempotencyKey ?? null}))
          and ${rankOf(sql`${u.status}::text`)} > ${rankOf(sql.ref('status'))}
        returning id, kind, rule, recipient_type, recipient_id, status, reason`.execute(trx);
      for (const m of rows) {
        applied += 1;
        if (m.status === 'failed') await publish(trx, 'notifications.message.failed', { ...messageRef(m), outcome: 'failed', reason: m.reason ?? '' });
        if (m.status === 'delivered' || m.status === 'read') await publish(trx, 'notifications.message.delivered', { ...messageRef(m), status: m.status });
      }
    }
    return applied;
  }

  return { deliverDue, applyStatusUpdates };
}

export type Delivery = ReturnType<typeof createDelivery>;
