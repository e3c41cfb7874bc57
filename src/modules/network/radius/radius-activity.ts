import { sql, type Kysely } from 'kysely';
import type { Tx } from '../../../platform/db/database.ts';

/**
 * RADIUS activity as network events: sessions starting and stopping (accounting) and rejected
 * logins (post-auth). Triggers on radacct / radpostauth log each one in radius_activity with its
 * tenant and customer (the username's owner at that moment); a publisher takes them from there.
 *
 * Taking marks entries published inside the caller's transaction, skipping entries another
 * publisher holds: publish the events in that same transaction and each is published exactly
 * once; a rollback gives them back. FreeRADIUS writes from many threads, so entries commit out of
 * order — a read cursor could pass one that commits late; an unpublished mark cannot.
 */

export type RadiusSession = {
  acctSessionId: string;
  acctUniqueId: string;
  nasIpAddress: string;
  framedIpAddress: string | null;
};

type EventBase = {
  /** Stable per activity entry: an idempotency key for the published event. */
  key: string;
  tenantId: string;
  customerId: string;
  username: string;
  occurredAt: Date;
};

export type RadiusNetworkEvent =
  | (EventBase & { type: 'customer_online'; session: RadiusSession })
  | (EventBase & {
      type: 'customer_offline';
      session: RadiusSession & {
        /** Bytes from the customer (Acct-Input-Octets) and to the customer (Acct-Output-Octets). */
        uploadBytes: number;
        downloadBytes: number;
        durationSeconds: number | null;
        terminateCause: string | null;
      };
    })
  | (EventBase & { type: 'radius_auth_failed'; callingStationId: string | null });

type ActivityRow = {
  seq: string;
  kind: 'session_started' | 'session_stopped' | 'auth_rejected';
  tenant_id: string;
  customer_id: string;
  acct_username: string | null;
  acctsessionid: string | null;
  acctuniqueid: string | null;
  nas_ip: string | null;
  framed_ip: string | null;
  acctstarttime: Date | null;
  acctstoptime: Date | null;
  acctsessiontime: string | null;
  acctinputoctets: string | null;
  acctoutputoctets: string | null;
  acctterminatecause: string | null;
  auth_username: string | null;
  authdate: Date | null;
  callingstationid: string | null;
};

/**
 * Takes up to `limit` unpublished events of every tenant, oldest first, and marks them published
 * in `trx`: an owner transaction (it reads all tenants, as the outbox relay does) in which the
 * caller also publishes them.
 */
export async function takeRadiusActivity(trx: Kysely<any>, limit = 500): Promise<RadiusNetworkEvent[]> {
  const { rows } = await sql<ActivityRow>`
    with taken as (
      update radius_activity set published_at = now()
      where seq in (select seq from radius_activity where published_at is null order by seq limit ${limit} for update skip locked)
      returning seq, kind, tenant_id, customer_id, radacct_id, radpostauth_id
    )
    select t.seq::text, t.kind, t.tenant_id, t.customer_id,
           r.username as acct_username, r.acctsessionid, r.acctuniqueid, host(r.nasipaddress) as nas_ip,
           host(r.framedipaddress) as framed_ip, r.acctstarttime, r.acctstoptime, r.acctsessiontime::text,
           r.acctinputoctets::text, r.acctoutputoctets::text, nullif(r.acctterminatecause, '') as acctterminatecause,
           p.username as auth_username, p.authdate, nullif(p.callingstationid, '') as callingstationid
    from taken t
    left join radacct r on r.radacctid = t.radacct_id
    left join radpostauth p on p.id = t.radpostauth_id
    order by t.seq`.execute(trx);
  return rows.map(toEvent);
}

function toEvent(row: ActivityRow): RadiusNetworkEvent {
  const base = { key: `radius-activity:${row.seq}`, tenantId: row.tenant_id, customerId: row.customer_id };
  if (row.kind === 'auth_rejected') {
    return { ...base, type: 'radius_auth_failed', username: row.auth_username!, occurredAt: row.authdate!, callingStationId: row.callingstationid };
  }
  const session: RadiusSession = {
    acctSessionId: row.acctsessionid!,
    acctUniqueId: row.acctuniqueid!,
    nasIpAddress: row.nas_ip!,
    framedIpAddress: row.framed_ip,
  };
  if (row.kind === 'session_started') {
    return { ...base, type: 'customer_online', username: row.acct_username!, occurredAt: row.acctstarttime ?? row.acctstoptime!, session };
  }
  return {
    ...base,
    type: 'customer_offline',
    username: row.acct_username!,
    occurredAt: row.acctstoptime!,
    session: {
      ...session,
      uploadBytes: Number(row.acctinputoctets ?? 0),
      downloadBytes: Number(row.acctoutputoctets ?? 0),
      durationSeconds: row.acctsessiontime === null ? null : Number(row.acctsessiontime),
      terminateCause: row.acctterminatecause,
    },
  };
}

export type CustomerDataUsage = {
  customerId: string;
  username: string;
  uploadBytes: number;
  downloadBytes: number;
  sessions: number;
};

/**
 * Data used per customer in [from, to), in the caller's tenant transaction. A session counts in
 * the period of its last accounting record (stop, else last interim update), with the totals the
 * NAS reported for it: exact for sessions inside one period, and sessions spanning a period
 * boundary land wholly in the later one.
 */
export async function dataUsageByCustomer(trx: Tx, period: { from: Date; to: Date }, page?: { limit: number; offset: number }): Promise<CustomerDataUsage[]> {
  const { rows } = await sql<{ customer_id: string; username: string; upload: string; download: string; sessions: string }>`
    select u.customer_id, r.username, sum(coalesce(r.acctinputoctets, 0))::text as upload,
           sum(coalesce(r.acctoutputoctets, 0))::text as download, count(*)::text as sessions
    from radacct r
    join radius_users u on u.username = r.username
    where coalesce(r.acctstoptime, r.acctupdatetime, r.acctstarttime) >= ${period.from}
      and coalesce(r.acctstoptime, r.acctupdatetime, r.acctstarttime) < ${period.to}
    group by u.customer_id, r.username
    order by r.username, u.customer_id
    ${page ? sql`limit ${page.limit} offset ${page.offset}` : sql``}`.execute(trx);
  return rows.map((r) => ({
    customerId: r.customer_id,
    username: r.username,
    uploadBytes: Number(r.upload),
    downloadBytes: Number(r.download),
    sessions: Number(r.sessions),
  }));
}
