import { sql } from 'kysely';
import type { TenantId, Tx } from '../../../platform/db/database.ts';
import type { Page } from '../../../platform/http/pagination.ts';
import { dataUsageByCustomer, takeRadiusActivity } from '../radius/index.ts';
import type { NetworkContext } from './router-access.ts';

/** One row of a customer's session log: a radius_activity entry with its accounting or post-auth row. */
type SessionLogRow = {
  seq: string;
  kind: 'session_started' | 'session_stopped' | 'auth_rejected';
  at: Date;
  acctstoptime: Date | null;
  nas_ip: string | null;
  framed_ip: string | null;
  acctinputoctets: string | number | null;
  acctoutputoctets: string | number | null;
  acctterminatecause: string | null;
  reply: string | null;
};

/** What RADIUS saw of customers: activity published as events, session logs, who is online, data used. */
export function createRadiusSessions({ db, publish }: NetworkContext) {
  /**
   * RADIUS accounting and rejected logins since the last call, as network events (each exactly
   * once: taken and published in one transaction). Returns how many.
   */
  const publishRadiusActivity = () =>
    db.owner.transaction().execute(async (trx) => {
      const activity = await takeRadiusActivity(trx);
      for (const a of activity) {
        const base = { customerId: a.customerId, username: a.username, occurredAt: a.occurredAt.toISOString() };
        const options = { tenantId: a.tenantId, key: a.customerId };
        if (a.type === 'customer_online') {
          await publish(trx, 'network.customer.online', { ...base, nasIpAddress: a.session.nasIpAddress, framedIpAddress: a.session.framedIpAddress }, options);
        } else if (a.type === 'customer_offline') {
          await publish(
            trx,
            'network.customer.offline',
            { ...base, uploadBytes: a.session.uploadBytes, downloadBytes: a.session.downloadBytes, terminateCause: a.session.terminateCause },
            options,
          );
        } else {
          await publish(trx, 'network.radius.auth_failed', { ...base, callingStationId: a.callingStationId }, options);
        }
      }
      return activity.length;
    });

  /** write_radius_log: a customer's PPPoE sessions and rejected logins, newest first. */
  const customerSessionLog = (tenantId: TenantId, customerId: string, limit: number) =>
    db.tenant(tenantId, async (trx) => {
      const { rows } = await sql<SessionLogRow>`
        select a.seq::text, a.kind, coalesce(r.acctstarttime, p.authdate) as at, r.acctstoptime, host(r.nasipaddress) as nas_ip,
               host(r.framedipaddress) as framed_ip, r.acctinputoctets, r.acctoutputoctets, r.acctterminatecause, p.reply
        from radius_activity a
        left join radacct r on r.radacctid = a.radacct_id
        left join radpostauth p on p.id = a.radpostauth_id
        where a.customer_id = ${customerId}
        order by a.seq desc limit ${limit}`.execute(trx);
      return rows.map((r) => ({
        kind: r.kind,
        at: r.at,
        endedAt: r.acctstoptime ?? null,
        nasIpAddress: r.nas_ip ?? null,
        framedIpAddress: r.framed_ip ?? null,
        uploadBytes: r.acctinputoctets === null ? null : Number(r.acctinputoctets),
        downloadBytes: r.acctoutputoctets === null ? null : Number(r.acctoutputoctets),
        terminateCause: r.acctterminatecause ?? null,
      }));
    });

  /** Customers with an open RADIUS session now (accounting Start without Stop): how many, and a page of their ids (by id). */
  const onlineNow = (tenantId: TenantId, page: Page) =>
    db.tenant(tenantId, async (trx) => {
      const { rows } = await sql<{ count: number; ids: string[] }>`
        with online as (
          select distinct u.customer_id from radacct r join radius_users u on u.username = r.username
          where r.acctstoptime is null)
        select (select count(*)::int from online) as count,
          array(select customer_id::text from online order by customer_id limit ${page.limit} offset ${page.offset}) as ids`.execute(trx);
      return { count: rows[0]!.count, customerIds: rows[0]!.ids };
    });

  /** Optional billing hook: data used per customer in a period, from RADIUS accounting, a page at a time (by username). */
  const dataUsage = (tenantId: TenantId, period: { from: Date; to: Date }, page: Page) => db.tenant(tenantId, (trx) => dataUsageByCustomer(trx, period, page));

  /**
   * The customer whose open PPPoE session (RADIUS accounting Start without Stop) holds this
   * framed address, in the caller's tenant transaction; null when none does.
   */
  const customerIdByFramedAddressInTransaction = async (trx: Tx, address: string): Promise<string | null> => {
    const { rows } = await sql<{ customer_id: string }>`
      select u.customer_id from radacct r join radius_users u on u.username = r.username
      where r.acctstoptime is null and r.framedipaddress = ${address}::inet
      order by r.acctstarttime desc nulls last limit 1`.execute(trx);
    return rows[0]?.customer_id ?? null;
  };

  return { publishRadiusActivity, customerSessionLog, onlineNow, dataUsage, customerIdByFramedAddressInTransaction };
}
