import { isIP } from 'node:net';
import type { Page } from '../../../platform/http/pagination.ts';
import { sql } from 'kysely';
import type { TenantId, Tx } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { newId } from '../../../platform/ids.ts';
import { mikrotikRateLimit, saveNas } from '../radius/index.ts';
import { locationOfRow, passwordRequired, sameLocation, sealRouterPassword, type RouterLocation } from '../router-credentials.ts';
import { isolationOf, selectRouter, type NetworkContext, type RadiusIsolationReply, type RouterAccess, type RouterRow } from './router-access.ts';
import { networkErrors } from '../network.errors.ts';

export type RouterInput = {
  name: string;
  host: string;
  port?: number | null;
  apiKind: 'routeros-api' | 'rest';
  useTls?: boolean;
  username: string;
  password: string;
  isolationAddressList?: string;
  isolationProfile?: string;
  /** PPPoE customers authenticate through RADIUS; isolation is pushed with Disconnect (RFC 5176). */
  pppoeViaRadius?: boolean;
  /** The router's RADIUS shared secret (needed with pppoeViaRadius; stored sealed). */
  radiusSecret?: string;
  /** Where the router takes CoA / Disconnect requests (RFC 5176; MikroTik: 3799). */
  radiusCoaPort?: number;
  /** What RADIUS answers this router's isolated PPPoE customers. */
  radiusIsolation?: RadiusIsolationReply;
};

export type RouterSummary = {
  id: string;
  name: string;
  host: string;
  port: number | null;
  apiKind: 'routeros-api' | 'rest';
  useTls: boolean;
  username: string;
  isolationAddressList: string;
  isolationProfile: string;
  pppoeViaRadius: boolean;
  radiusIsolation: RadiusIsolationReply;
  health: 'unknown' | 'ok' | 'failing';
  failingSince: Date | null;
  lastError: string | null;
  lastCheckedAt: Date | null;
  lines: { pending: number; inSync: number; failed: number };
};

type SummaryRow = RouterRow & { pending: number; in_sync: number; failed: number };

const defaultRadiusIsolation: RadiusIsolationReply = { addressList: true, framedPool: null, rateLimit: null };

const HOSTNAME = /^(?=.{1,253}$)([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)(\.[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;

function validateRouter(input: Partial<RouterInput>) {
  if (input.pppoeViaRadius && !input.radiusSecret) {
    throw new AppError('VALIDATION_FAILED', 'A router that uses RADIUS needs its RADIUS secret.', { fields: { radiusSecret: 'required' } });
  }
  if (input.host !== undefined && !isIP(input.host) && !HOSTNAME.test(input.host)) {
    throw new AppError(networkErrors.INVALID_ADDRESS, `"${input.host}" is neither an IP address nor a host name.`, { fields: { host: 'invalid' } });
  }
  const isolation = input.radiusIsolation;
  if (isolation && !isolation.addressList && !isolation.framedPool && !isolation.rateLimit) {
    throw new AppError('VALIDATION_FAILED', 'Choose at least one RADIUS isolation reply: the address list, an IP pool or a rate limit.', {
      fields: { radiusIsolation: 'none_chosen' },
    });
  }
}

const summaryQuery = (where: ReturnType<typeof sql>, page: Page = { limit: 1, offset: 0 }) => sql<SummaryRow>`
  select r.*,
    (select count(*)::int from network_line_sync s where s.router_id = r.id and s.status = 'pending') as pending,
    (select count(*)::int from network_line_sync s where s.router_id = r.id and s.status = 'in_sync') as in_sync,
    (select count(*)::int from network_line_sync s where s.router_id = r.id and s.status = 'failed') as failed
  from network_routers r where ${where} order by r.name, r.id limit ${page.limit} offset ${page.offset}`;

const toSummary = (r: SummaryRow): RouterSummary => ({
  id: r.id,
  name: r.name,
  host: r.host,
  port: r.port,
  apiKind: r.api_kind,
  useTls: r.use_tls,
  username: r.username,
  isolationAddressList: r.isolation_address_list,
  isolationProfile: r.isolation_profile,
  pppoeViaRadius: r.pppoe_via_radius,
  radiusIsolation: isolationOf(r),
  health: r.health,
  failingSince: r.failing_since,
  lastError: r.last_error,
  lastCheckedAt: r.last_checked_at,
  lines: { pending: r.pending, inSync: r.in_sync, failed: r.failed },
});

async function assertNameFree(trx: Tx, name: string, exceptId: string | null) {
  const taken = await sql`select 1 from network_routers where name = ${name} and id is distinct from ${exceptId}::uuid`.execute(trx);
  if (taken.rows.length) throw new AppError('CONFLICT', `A router named "${name}" exists.`, { fields: { name: 'taken' } });
}

/** A tenant's routers: add, edit, list, and an operator's connection test. */
export function createRouters(
  { db, clock, secrets, limits }: NetworkContext,
  access: RouterAccess,
  lines: { markLinesPending(trx: Tx, customerIds: string[]): Promise<void> },
) {
  async function addRouter(tenantId: TenantId, input: RouterInput) {
    validateRouter(input);
    const id = newId();
    const location: RouterLocation = { apiKind: input.apiKind, useTls: input.useTls ?? false, host: input.host, port: input.port ?? null };
    const isolation = input.radiusIsolation ?? defaultRadiusIsolation;
    await db.tenant(tenantId, async (trx) => {
      await limits?.assertWithinLimit(trx, 'routers', async (t) => (await sql<{ n: number }>`select count(*)::int as n from network_routers`.execute(t)).rows[0]!.n);
      await assertNameFree(trx, input.name, null);
      await sql`insert into network_routers (id, tenant_id, name, host, port, api_kind, use_tls, username, sealed_password,
          isolation_address_list, isolation_profile, pppoe_via_radius, radius_isolation_address_list, radius_isolation_pool,
          radius_isolation_download_kbps, radius_isolation_upload_kbps, created_at)
        values (${id}, app_tenant_id(), ${input.name}, ${location.host}, ${location.port}, ${location.apiKind}, ${location.useTls},
          ${input.username}, ${sealRouterPassword(secrets, input.password, location)}, ${input.isolationAddressList ?? 'simpul-isolir'},
          ${input.isolationProfile ?? 'isolir'}, ${input.pppoeViaRadius ?? false}, ${isolation.addressList}, ${isolation.framedPool},
          ${isolation.rateLimit?.downloadKbps ?? null}, ${isolation.rateLimit?.uploadKbps ?? null}, ${clock.now()})`.execute(trx);
      if (input.pppoeViaRadius) {
        await saveNas(trx, tenantId, secrets, {
          address: input.host,
          shortname: input.name,
          secret: input.radiusSecret!,
          coaPort: input.radiusCoaPort,
          routerId: id,
        });
      }
    });
    return getRouter(tenantId, id);
  }

  /** Changing where the router is (host, port, API kind, TLS) needs its password again: it is only ever sent where it was entered. */
  async function updateRouter(tenantId: TenantId, routerId: string, input: Partial<RouterInput>) {
    validateRouter(input);
    await db.tenant(tenantId, async (trx) => {
      const row = (await sql<RouterRow>`select * from network_routers where id = ${routerId} for update`.execute(trx)).rows[0];
      if (!row) throw new AppError('NOT_FOUND', 'No such router.');
      const before = locationOfRow(row);
      const after: RouterLocation = {
        apiKind: input.apiKind ?? before.apiKind,
        useTls: input.useTls ?? before.useTls,
        host: input.host ?? before.host,
        port: input.port === undefined ? before.port : input.port,
      };
      if (!sameLocation(before, after) && !input.password) {
        throw passwordRequired('Changing the host, port, API kind or TLS of a router needs its password again.');
      }
      const isolation = input.radiusIsolation ?? isolationOf(row);
      const addressList = input.isolationAddressList ?? row.isolation_address_list;
      if (input.name !== undefined) await assertNameFree(trx, input.name, routerId);
      await sql`update network_routers set
          name = ${input.name ?? row.name}, host = ${after.host}, port = ${after.port}, api_kind = ${after.apiKind}, use_tls = ${after.useTls},
          username = ${input.username ?? row.username},
          sealed_password = ${input.password ? sealRouterPassword(secrets, input.password, after) : row.sealed_password},
          isolation_address_list = ${addressList},
          isolation_profile = ${input.isolationProfile ?? row.isolation_profile},
          radius_isolation_address_list = ${isolation.addressList}, radius_isolation_pool = ${isolation.framedPool},
          radius_isolation_download_kbps = ${isolation.rateLimit?.downloadKbps ?? null}, radius_isolation_upload_kbps = ${isolation.rateLimit?.uploadKbps ?? null}
        where id = ${routerId}`.execute(trx);
      const old = isolationOf(row);
      const replyChanged =
        old.addressList !== isolation.addressList ||
        old.framedPool !== isolation.framedPool ||
        (old.rateLimit && mikrotikRateLimit(old.rateLimit)) !== (isolation.rateLimit && mikrotikRateLimit(isolation.rateLimit)) ||
        (isolation.addressList && addressList !== row.isolation_address_list);
      if (row.pppoe_via_radius && replyChanged) {
        // Open sessions of isolated customers hold the old reply: unconfirmed, so the converge pass
        // disconnects them and they log in to the new one.
        await sql`update network_line_sync s set applied_state = null from network_desired_lines d
          where d.customer_id = s.customer_id and s.router_id = ${routerId} and d.desired_state = 'isolated'`.execute(trx);
      }
      // New address, credentials or names: every line is checked again (and its RADIUS rows rewritten).
      const { rows } = await sql<{ customer_id: string }>`select customer_id from network_desired_lines where router_id = ${routerId}`.execute(trx);
      await lines.markLinesPending(trx, rows.map((r) => r.customer_id));
    });
    return getRouter(tenantId, routerId);
  }

  /** Routers by name, a page at a time (the importer matches names against them all: no page, ~all). */
  const listRouters = (tenantId: TenantId, page: Page = { limit: 100_000, offset: 0 }) => db.tenant(tenantId, async (trx) => (await summaryQuery(sql`true`, page).execute(trx)).rows.map(toSummary));

  const getRouter = (tenantId: TenantId, routerId: string) =>
    db.tenant(tenantId, async (trx) => {
      const row = (await summaryQuery(sql`r.id = ${routerId}`).execute(trx)).rows[0];
      if (!row) throw new AppError('NOT_FOUND', 'No such router.');
      return toSummary(row);
    });

  /**
   * Connects and logs in; the answer names what went wrong (unreachable, refused, bad login, TLS).
   * The operator asks on purpose, so the test gets through an open circuit; a router that answers
   * closes it for the converge passes too.
   */
  async function testConnection(tenantId: TenantId, routerId: string) {
    const row = await db.tenant(tenantId, async (trx) => {
      const found = await selectRouter(trx, routerId);
      if (!found) throw new AppError('NOT_FOUND', 'No such router.');
      return found;
    });
    const result = await access.withGateway(row, (gateway) => gateway.testConnection(), { fresh: true });
    if (result.ok) access.forgetGateway(routerId);
    await db.tenant(tenantId, (trx) => access.recordHealth(trx, row, result.ok ? null : result.error));
    return result.ok
      ? { ok: true as const, identity: result.identity, version: result.version }
      : { ok: false as const, error: { code: result.error.code, message: result.error.message } };
  }

  return { addRouter, updateRouter, listRouters, getRouter, testConnection };
}
