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

  /**
   * Claims due messages of one tenant in one statement (the sends that start together: one
   * transaction, not one per message). What another worker took, or what was resent or changed
   * meanwhile, is left out.
   */
  async function claimMany(tenantId: TenantId, messageIds: string[], channel: Channel): Promise<Map<string, Claimed>> {
    const now = clock.now();
    const claims = JSON.stringify(messageIds.map((id) => ({ id, claim_id: newId() })));
    const { rows } = await db.tenant(tenantId, (trx) =>
      sql<Claimed>`
        update notifications_messages m set status = 'sending', claim_id = c.claim_id, attempts = m.attempts + 1,
          lease_until = ${new Date(now.getTime() + LEASE_MS)}, provider = ${channel.provider}, sender = ${channel.sender}, updated_at = ${now}
        from jsonb_to_recordset(${claims}::jsonb) as c(id uuid, claim_id uuid)
        where m.id = c.id and m.status = 'pending' and m.next_attempt_at <= ${now} and (m.stale_at is null or m.stale_at > ${now})
        returning m.id, m.claim_id, m.to_phone, m.body, m.attempts, m.idempotency_key, m.kind, m.rule, m.urgent, m.recipient_type, m.recipient_id`.execute(trx),
    );
    return new Map(rows.map((r) => [r.id, r]));
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

  /**
   * Written only by the claim that sent; a late success still lands after the lease expired
   * ('unknown'). Many outcomes of one tenant in one transaction, the sent ones in one statement.
   */
  async function recordMany(tenantId: TenantId, channel: Channel, results: { message: Claimed; outcome: Outcome }[]) {
    const now = clock.now();
    await db.tenant(tenantId, async (trx) => {
      const sent = results.filter((r) => r.outcome.status === 'sent');
      if (sent.length > 0) {
        const marks = JSON.stringify(sent.map(({ message, outcome }) => ({ id: message.id, claim_id: message.claim_id, external_id: (outcome as { externalId: string }).externalId })));
        const { rows } = await sql<{ id: string }>`
          update notifications_messages m set status = 'sent', external_id = r.external_id, sent_at = ${now},
            lease_until = null, reason = null, updated_at = ${now}
          from jsonb_to_recordset(${marks}::jsonb) as r(id uuid, claim_id uuid, external_id text)
          where m.id = r.id and m.claim_id = r.claim_id and m.status in ('sending', 'unknown')
          returning m.id`.execute(trx);
        const marked = new Set(rows.map((r) => r.id));
        for (const { message } of sent) {
          if (marked.has(message.id)) await publish(trx, 'notifications.message.sent', { ...messageRef(message), provider: channel.provider });
        }
      }
      for (const { message, outcome } of results) {
        const mine = sql`id = ${message.id} and claim_id = ${message.claim_id}`;
        if (outcome.status === 'pending') {
          await sql`update notifications_messages set status = 'pending', next_attempt_at = ${outcome.retryAt}, reason = ${outcome.reason},
              lease_until = null, updated_at = ${now} where ${mine} and status = 'sending'`.execute(trx);
        } else if (outcome.status !== 'sent') {
          const { rows } = await sql`update notifications_messages set status = ${outcome.status}, reason = ${outcome.reason}, lease_until = null,
              failed_at = ${outcome.status === 'failed' ? now : null}, updated_at = ${now}
            where ${mine} and status = 'sending' returning id`.execute(trx);
          if (rows.length) await publish(trx, 'notifications.message.failed', { ...messageRef(message), outcome: outcome.status, reason: outcome.reason });
        }
      }
    });
  }

  async function sendClaimed(tenantId: TenantId, message: Claimed, gateway: WaGateway): Promise<Outcome> {
    try {
      const { externalId } = await gateway.send({ to: message.to_phone ?? '', text: message.body, idempotencyKey: message.idempotency_key });
      return { status: 'sent', externalId };
    } catch (error) {
      return outcomeOf(error, message, tenantId);
    }
  }

  /**
   * One sender's share of a round, in groups of what starts at once (at most IN_FLIGHT_PER_SENDER,
   * about a second of the sender's rate): each group's messages of a tenant are claimed in one
   * transaction, each send waits for the sender's rate limit, and the group's outcomes are
   * recorded in one transaction per tenant. A group is small so that a claimed message waits
   * little for its send: a worker that dies meanwhile leaves it 'unknown' (never resent by itself).
   */
  async function pump(channel: Channel, gateway: WaGateway, messages: Due[]): Promise<void> {
    const { perSecond } = limiter.limitOf(channel.provider);
    const groupSize = Math.max(1, Math.min(IN_FLIGHT_PER_SENDER, Math.ceil(perSecond)));
    for (let start = 0; start < messages.length; start += groupSize) {
      const group = messages.slice(start, start + groupSize);
      await Promise.all(
        [...Map.groupBy(group, (m) => m.tenant_id)].map(async ([tenant, due]) => {
          const tenantId = asTenantId(tenant);
          // The first send's turn comes before the claim (a slow sender's group is that one message),
          // so a claimed message waits at most the rest of its group's second for its send.
          await limiter.acquire(channel.provider, channel.sender);
          const claimed = await claimMany(tenantId, due.map((m) => m.id), channel).catch((error: unknown) => {
            logger.error({ err: error, tenantId }, 'claiming WhatsApp messages failed');
            return new Map<string, Claimed>();
          });
          const results = await Promise.all(
            due.flatMap((m, n) => {
              const message = claimed.get(m.id);
              if (!message) return []; // another worker took it, or it was resent/changed meanwhile
              return [
                (n === 0 ? Promise.resolve() : limiter.acquire(channel.provider, channel.sender))
                  .then(async () => ({ message, outcome: await sendClaimed(tenantId, message, gateway) }))
                  // Left 'sending': its lease runs out and it becomes 'unknown', as when a worker dies mid-send.
                  .catch((error: unknown) => (logger.error({ err: error, messageId: m.id }, 'a WhatsApp send failed before its outcome was known'), null)),
              ];
            }),
          ).then((all) => all.filter((r) => r !== null));
          if (results.length === 0) return;
          await recordMany(tenantId, channel, results).catch((error: unknown) =>
            logger.error({ err: error, messageIds: results.map((r) => r.message.id) }, 'recording WhatsApp sends failed'),
          );
        }),
      );
    }
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
