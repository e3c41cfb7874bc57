import { isIP } from 'node:net';
import { sql } from 'kysely';
import type { Clock } from '../../platform/clock.ts';
import type { SecretBox } from '../../platform/crypto/secret-box.ts';
import { asTenantId, type Database, type TenantId, type Tx } from '../../platform/db/database.ts';
import { AppError, type AppErrorCode } from '../../platform/errors/app-error.ts';
import type { Publish } from '../../platform/events/outbox.ts';
import { newId } from '../../platform/ids.ts';
import type { Logger } from '../../platform/logging/logger.ts';
import type { networkEvents } from './network.events.ts';
import {
  dataUsageByCustomer,
  findOpenSessions,
  mikrotikRateLimit,
  removeRadiusLine,
  saveNas,
  sendNasCommand,
  syncRadiusLine,
  takeRadiusActivity,
  type NasCommand,
  type OpenSession,
} from './radius/index.ts';
import {
  convergeLines,
  createRouterGateway,
  type DesiredLine,
  type EnforcementSettings,
  type RouterConnection,
  type RouterGateway,
} from './routeros/index.ts';

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
  health: 'unknown' | 'ok' | 'failing';
  failingSince: Date | null;
  lastError: string | null;
  lastCheckedAt: Date | null;
  lines: { pending: number; inSync: number; failed: number };
};

export type LineSync = {
  customerId: string;
  code: string;
  name: string;
  routerId: string;
  desiredState: 'active' | 'isolated';
  appliedState: 'active' | 'isolated' | null;
  status: 'pending' | 'in_sync' | 'failed';
  attempts: number;
  lastAttemptAt: Date | null;
  nextAttemptAt: Date;
  lastError: string | null;
  inSyncAt: Date | null;
};

export type GatewayFactory = (connection: RouterConnection, settings: EnforcementSettings) => RouterGateway;

/** Errors that say the router itself can't be driven (not one line's problem): they make an incident. */
const routerDownCodes: AppErrorCode[] = [
  'ROUTER_UNREACHABLE',
  'ROUTER_REFUSED',
  'ROUTER_TIMEOUT',
  'ROUTER_AUTH_FAILED',
  'ROUTER_TLS_FAILED',
  'ROUTER_CONNECTION_LOST',
  'ROUTER_CIRCUIT_OPEN',
];
const LEASE_MS = 120_000; // a converge pass holds its router at most this long
const BATCH_LINES = 5_000;

const isRadiusLine = (router: Record<string, any>, line: Record<string, any>) => router.pppoe_via_radius && line.connection_type === 'pppoe';

/**
 * What an open RADIUS session needs when its line changed: isolation or restore changes the
 * address list, which only a new login applies (Disconnect); a new rate limit on an active line
 * (another plan, or the plan's speed edited) is applied in place (CoA). Nothing when the session
 * already has it.
 */
function radiusCommandFor(line: Record<string, any>): NasCommand | null {
  if (line.applied_state !== line.desired_state) return { kind: 'disconnect' };
  if (line.desired_state === 'active' && line.applied_rate !== planRate(line)) {
    return { kind: 'coa', attributes: [{ attribute: 'Mikrotik-Rate-Limit', op: ':=', value: planRate(line) }] };
  }
  return null;
}

const planRate = (line: Record<string, any>) => mikrotikRateLimit({ downloadKbps: line.download_kbps, uploadKbps: line.upload_kbps });

const HOSTNAME = /^(?=.{1,253}$)([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)(\.[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;

export type NetworkService = ReturnType<typeof createNetworkService>;

/**
 * Routers of a tenant and the convergence of every customer line to the database's desired
 * state (level-triggered): events only mark lines pending; a worker reads each router's actual
 * state, applies the difference and records what the router confirmed. A periodic reconcile
 * marks every line pending again, which repairs hand edits on the router.
 */
export function createNetworkService(deps: {
  db: Database;
  clock: Clock;
  secrets: SecretBox;
  logger: Logger;
  publish: Publish<typeof networkEvents>;
  gatewayFactory?: GatewayFactory;
}) {
  const { db, clock, secrets, publish } = deps;
  const logger = deps.logger.child({ module: 'network' });
  const gatewayFor = deps.gatewayFactory ?? ((connection, settings) => createRouterGateway(connection, settings, { clock }));

  function validateRouter(input: Partial<RouterInput>) {
    if (input.pppoeViaRadius && !input.radiusSecret) {
      throw new AppError('VALIDATION_FAILED', 'A router that uses RADIUS needs its RADIUS secret.', { fields: { radiusSecret: 'required' } });
    }
    if (input.host !== undefined && !isIP(input.host) && !HOSTNAME.test(input.host)) {
      throw new AppError('INVALID_ADDRESS', `"${input.host}" is neither an IP address nor a host name.`, { fields: { host: 'invalid' } });
    }
  }

  const toConnection = (r: Record<string, any>): RouterConnection => ({
    routerId: r.id,
    host: r.host,
    port: r.port ?? undefined,
    apiKind: r.api_kind,
    username: r.username,
    password: secrets.open(r.sealed_password),
    tls: r.use_tls ? { rejectUnauthorized: false } : false,
  });
  const toSettings = (r: Record<string, any>): EnforcementSettings => ({
    isolationAddressList: r.isolation_address_list,
    isolationProfile: r.isolation_profile,
  });

  async function addRouter(tenantId: TenantId, input: RouterInput) {
    validateRouter(input);
    const id = newId();
    await db.tenant(tenantId, async (trx) => {
      const taken = await sql`select 1 from network_routers where name = ${input.name}`.execute(trx);
      if (taken.rows.length) throw new AppError('CONFLICT', `A router named "${input.name}" exists.`, { fields: { name: 'taken' } });
      await sql`insert into network_routers (id, tenant_id, name, host, port, api_kind, use_tls, username, sealed_password,
          isolation_address_list, isolation_profile, pppoe_via_radius, created_at)
        values (${id}, app_tenant_id(), ${input.name}, ${input.host}, ${input.port ?? null}, ${input.apiKind}, ${input.useTls ?? false},
          ${input.username}, ${secrets.seal(input.password)}, ${input.isolationAddressList ?? 'simpul-isolir'},
          ${input.isolationProfile ?? 'isolir'}, ${input.pppoeViaRadius ?? false}, ${clock.now()})`.execute(trx);
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

  async function updateRouter(tenantId: TenantId, routerId: string, input: Partial<RouterInput>) {
    validateRouter(input);
    await db.tenant(tenantId, async (trx) => {
      const result = await sql`update network_routers set
          name = coalesce(${input.name ?? null}, name), host = coalesce(${input.host ?? null}, host),
          port = case when ${input.port !== undefined} then ${input.port ?? null}::int else port end,
          api_kind = coalesce(${input.apiKind ?? null}, api_kind), use_tls = coalesce(${input.useTls ?? null}::boolean, use_tls),
          username = coalesce(${input.username ?? null}, username),
          sealed_password = coalesce(${input.password ? secrets.seal(input.password) : null}, sealed_password),
          isolation_address_list = coalesce(${input.isolationAddressList ?? null}, isolation_address_list),
          isolation_profile = coalesce(${input.isolationProfile ?? null}, isolation_profile)
        where id = ${routerId}`.execute(trx);
      if (result.numAffectedRows === 0n) throw new AppError('NOT_FOUND', 'No such router.');
      // New address, credentials or names: every line is checked again.
      await sql`update network_line_sync set status = 'pending', next_attempt_at = ${clock.now()}, attempts = 0
        where router_id = ${routerId}`.execute(trx);
    });
    return getRouter(tenantId, routerId);
  }

  const summaryQuery = (where: ReturnType<typeof sql>) => sql<Record<string, any>>`
    select r.*,
      (select count(*)::int from network_line_sync s where s.router_id = r.id and s.status = 'pending') as pending,
      (select count(*)::int from network_line_sync s where s.router_id = r.id and s.status = 'in_sync') as in_sync,
      (select count(*)::int from network_line_sync s where s.router_id = r.id and s.status = 'failed') as failed
    from network_routers r where ${where} order by r.name`;
  const toSummary = (r: Record<string, any>): RouterSummary => ({
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
    health: r.health,
    failingSince: r.failing_since,
    lastError: r.last_error,
    lastCheckedAt: r.last_checked_at,
    lines: { pending: r.pending, inSync: r.in_sync, failed: r.failed },
  });

  const listRouters = (tenantId: TenantId) => db.tenant(tenantId, async (trx) => (await summaryQuery(sql`true`).execute(trx)).rows.map(toSummary));

  const getRouter = (tenantId: TenantId, routerId: string) =>
    db.tenant(tenantId, async (trx) => {
      const row = (await summaryQuery(sql`r.id = ${routerId}`).execute(trx)).rows[0];
      if (!row) throw new AppError('NOT_FOUND', 'No such router.');
      return toSummary(row);
    });

  /** Connects and logs in; the answer names what went wrong (unreachable, refused, bad login, TLS). */
  async function testConnection(tenantId: TenantId, routerId: string) {
    const row = await db.tenant(tenantId, async (trx) => {
      const found = (await sql<Record<string, any>>`select * from network_routers where id = ${routerId}`.execute(trx)).rows[0];
      if (!found) throw new AppError('NOT_FOUND', 'No such router.');
      return found;
    });
    const result = await gatewayFor(toConnection(row), toSettings(row)).testConnection();
    await db.tenant(tenantId, (trx) => recordHealth(trx, row, result.ok ? null : result.error));
    return result.ok
      ? { ok: true as const, identity: result.identity, version: result.version }
      : { ok: false as const, error: { code: result.error.code, message: result.error.message } };
  }

  /** Router health, announced once per incident: on the way into failing, and on recovery. */
  async function recordHealth(trx: Tx, router: Record<string, any>, error: AppError | null) {
    const now = clock.now();
    if (error) {
      await sql`update network_routers set health = 'failing', failing_since = coalesce(failing_since, ${now}),
        last_error = ${`${error.code}: ${error.message}`}, last_checked_at = ${now} where id = ${router.id}`.execute(trx);
      if (router.health !== 'failing') {
        await publish(trx, 'network.router.failed', { routerId: router.id, name: router.name, code: error.code, message: error.message });
      }
    } else {
      await sql`update network_routers set health = 'ok', failing_since = null, last_error = null, last_checked_at = ${now}
        where id = ${router.id}`.execute(trx);
      if (router.health === 'failing') await publish(trx, 'network.router.recovered', { routerId: router.id, name: router.name });
    }
  }

  /**
   * Marks customers' lines pending because their desired state may have changed (isolation,
   * restore, plan or router change). A database effect only: the worker does the router I/O.
   */
  async function markLinesPending(trx: Tx, customerIds: string[]) {
    if (customerIds.length === 0) return;
    await syncRadius(trx, customerIds);
    const now = clock.now();
    await sql`
      insert into network_line_sync as s (customer_id, tenant_id, router_id, status, next_attempt_at, updated_at)
      select d.customer_id, d.tenant_id, d.router_id, 'pending', ${now}, ${now}
      from network_desired_lines d where d.customer_id = any(${customerIds}::uuid[])
      on conflict (customer_id) do update set router_id = excluded.router_id, status = 'pending',
        desired_version = s.desired_version + 1, attempts = 0, next_attempt_at = ${now}, updated_at = ${now}`.execute(trx);
    await sql`select pg_notify('network_converge', '')`.execute(trx);
  }

  /**
   * RADIUS rows follow the desired state at once (a database effect): the next login already
   * gets the right attributes. Lines that left a RADIUS router lose their rows.
   */
  async function syncRadius(trx: Tx, customerIds: string[]) {
    const { rows } = await sql<Record<string, any>>`
      select * from network_radius_lines where customer_id = any(${customerIds}::uuid[])`.execute(trx);
    for (const r of rows) {
      await syncRadiusLine(
        trx,
        asTenantId(r.tenant_id),
        {
          customerId: r.customer_id,
          username: r.username,
          password: r.password,
          plan: { profile: r.router_profile, downloadKbps: r.download_kbps, uploadKbps: r.upload_kbps },
          isolated: r.desired_state === 'isolated',
        },
        { addressList: r.isolation_address_list },
      );
    }
    const synced = new Set(rows.map((r) => r.customer_id));
    for (const customerId of customerIds.filter((id) => !synced.has(id))) await removeRadiusLine(trx, customerId);
  }

  /** A plan's speeds or profile changed: every line on it is re-checked (RADIUS rows rewritten, sessions told). */
  async function markPlanLinesPending(trx: Tx, planId: string) {
    const { rows } = await sql<{ customer_id: string }>`select customer_id from network_desired_lines where plan_id = ${planId}`.execute(trx);
    await markLinesPending(trx, rows.map((r) => r.customer_id));
  }

  /** Periodic reconcile: every line of the tenant is compared with its router again (repairs hand edits). */
  const reconcileTenant = (tenantId: TenantId) =>
    db.tenant(tenantId, async (trx) => {
      const { rows } = await sql<{ customer_id: string }>`select customer_id from network_desired_lines`.execute(trx);
      await markLinesPending(trx, rows.map((r) => r.customer_id));
      return { lines: rows.length };
    });

  const listLines = (tenantId: TenantId, filter: { routerId?: string; status?: LineSync['status']; limit: number }) =>
    db.tenant(tenantId, async (trx) => {
      const { rows } = await sql<Record<string, any>>`
        select s.*, d.code, d.name, d.desired_state from network_line_sync s
        join network_desired_lines d on d.customer_id = s.customer_id
        where ${filter.routerId ? sql`s.router_id = ${filter.routerId}` : sql`true`}
          and ${filter.status ? sql`s.status = ${filter.status}` : sql`true`}
        order by s.status <> 'failed', s.updated_at desc limit ${filter.limit}`.execute(trx);
      return rows.map(
        (r): LineSync => ({
          customerId: r.customer_id,
          code: r.code,
          name: r.name,
          routerId: r.router_id,
          desiredState: r.desired_state,
          appliedState: r.applied_state,
          status: r.status,
          attempts: r.attempts,
          lastAttemptAt: r.last_attempt_at,
          nextAttemptAt: r.next_attempt_at,
          lastError: r.last_error,
          inSyncAt: r.in_sync_at,
        }),
      );
    });

  /**
   * One converge pass over the router with the most overdue lines (any tenant). Returns how
   * many lines it handled (0: nothing due). Safe with several workers: a lease on the router
   * row keeps two passes off one router.
   */
  async function convergeNextRouter(): Promise<number> {
    const now = clock.now();
    const { rows: claimed } = await sql<{ id: string; tenant_id: string }>`
      update network_routers r set lease_until = ${new Date(now.getTime() + LEASE_MS)}
      where r.id = (
        select s.router_id from network_line_sync s join network_routers r2 on r2.id = s.router_id
        where s.status <> 'in_sync' and s.next_attempt_at <= ${now} and (r2.lease_until is null or r2.lease_until < ${now})
        order by s.next_attempt_at limit 1 for update of r2 skip locked)
      returning r.id, r.tenant_id`.execute(db.owner);
    if (!claimed[0]) return 0;
    const tenantId = asTenantId(claimed[0].tenant_id);
    const routerId = claimed[0].id;
    try {
      return await convergeRouter(tenantId, routerId);
    } finally {
      await sql`update network_routers set lease_until = null where id = ${routerId}`.execute(db.owner);
    }
  }

  async function convergeRouter(tenantId: TenantId, routerId: string): Promise<number> {
    const now = clock.now();
    const { router, lines, sessions } = await db.tenant(tenantId, async (trx) => {
      const router = (await sql<Record<string, any>>`select * from network_routers where id = ${routerId}`.execute(trx)).rows[0];
      const { rows: lines } = await sql<Record<string, any>>`
        select s.customer_id, s.desired_version, s.profile_confirmed_at, s.applied_state, s.applied_profile, s.applied_rate, d.connection_type,
               d.pppoe_username, d.ip_address, d.router_profile, d.desired_state, d.router_id as desired_router,
               d.download_kbps, d.upload_kbps
        from network_line_sync s left join network_desired_lines d on d.customer_id = s.customer_id
        where s.router_id = ${routerId} and s.status <> 'in_sync' and s.next_attempt_at <= ${now}
        order by s.next_attempt_at limit ${BATCH_LINES}`.execute(trx);
      // RADIUS lines that changed: their open sessions are told (CoA or Disconnect).
      const sessions = new Map<string, OpenSession[]>();
      for (const l of lines) {
        if (isRadiusLine(router, l) && radiusCommandFor(l)) sessions.set(l.customer_id, await findOpenSessions(trx, l.pppoe_username));
      }
      return { router, lines, sessions };
    });
    // A customer who left this router (or was terminated) is no longer this router's line.
    const gone = lines.filter((l) => l.desired_router !== routerId).map((l) => l.customer_id);
    const current = lines.filter((l) => l.desired_router === routerId);
    const viaRadius = current.filter((l) => isRadiusLine(router, l));
    const viaApi = current.filter((l) => !isRadiusLine(router, l));
    const desired: DesiredLine[] = viaApi.map((l) =>
      l.connection_type === 'pppoe'
        ? {
            mode: 'pppoe',
            customerId: l.customer_id,
            username: l.pppoe_username,
            isolated: l.desired_state === 'isolated',
            planProfile: l.router_profile,
            profileConfirmedAt: l.profile_confirmed_at ?? undefined,
          }
        : { mode: 'address-list', customerId: l.customer_id, address: l.ip_address, isolated: l.desired_state === 'isolated' },
    );

    // Router and NAS I/O happens here, outside any transaction.
    const apiOutcomes = desired.length ? await convergeLines(gatewayFor(toConnection(router), toSettings(router)), desired, toSettings(router)) : [];
    const outcomes: { line: Record<string, any>; error: AppError | null; switchedProfile: boolean }[] = apiOutcomes.map((o, i) => ({
      line: viaApi[i],
      error: o.error ?? null,
      switchedProfile: o.results.some((r) => r.status === 'applied' && r.change.op === 'set-ppp-profile'),
    }));
    for (const line of viaRadius) {
      const command = radiusCommandFor(line);
      outcomes.push({ line, error: command ? await tellSessions(sessions.get(line.customer_id) ?? [], command) : null, switchedProfile: false });
    }

    const finished = clock.now();
    await db.tenant(tenantId, async (trx) => {
      if (gone.length) await sql`delete from network_line_sync where customer_id = any(${gone}::uuid[]) and router_id = ${routerId}`.execute(trx);
      const results = outcomes.map(({ line, error, switchedProfile }) => ({
        customerId: line.customer_id,
        version: String(line.desired_version),
        ok: !error,
        appliedState: line.desired_state,
        appliedProfile: line.desired_state === 'isolated' ? router.isolation_profile : line.router_profile,
        appliedRate: planRate(line),
        switchedProfile,
        error: error ? `${error.code}: ${error.message}` : null,
      }));
      // Marked in sync only if the desired state didn't move meanwhile (same desired_version).
      await sql`
        update network_line_sync s set
          status = case when r.ok then 'in_sync' else 'failed' end,
          applied_state = case when r.ok then r."appliedState" else s.applied_state end,
          applied_profile = case when r.ok then r."appliedProfile" else s.applied_profile end,
          applied_rate = case when r.ok then r."appliedRate" else s.applied_rate end,
          profile_confirmed_at = case when r.ok and (r."switchedProfile" or s.profile_confirmed_at is null) then ${finished}::timestamptz
                                      else s.profile_confirmed_at end,
          attempts = case when r.ok then 0 else s.attempts + 1 end,
          -- Failed lines back off 5 s, 10 s, 20 s … up to 10 minutes.
          next_attempt_at = case when r.ok then s.next_attempt_at
                                 else ${finished}::timestamptz + make_interval(secs => least(600, 5 * power(2, least(s.attempts, 8)))) end,
          last_attempt_at = ${finished}, last_error = r.error,
          in_sync_at = case when r.ok then ${finished}::timestamptz else s.in_sync_at end,
          updated_at = ${finished}
        from jsonb_to_recordset(${JSON.stringify(results)}::jsonb)
          as r("customerId" uuid, version bigint, ok boolean, "appliedState" text, "appliedProfile" text, "appliedRate" text,
               "switchedProfile" boolean, error text)
        where s.customer_id = r."customerId" and s.desired_version = r.version`.execute(trx);
      const routerDown = apiOutcomes.length > 0 && apiOutcomes.every((o) => o.error && routerDownCodes.includes(o.error.code));
      const anyReached = apiOutcomes.some((o) => !o.error || !routerDownCodes.includes(o.error.code));
      if (routerDown) await recordHealth(trx, router, apiOutcomes[0].error!);
      else if (anyReached) await recordHealth(trx, router, null);
    });
    const failed = outcomes.filter((o) => o.error).length;
    logger.info({ tenantId, routerId, lines: outcomes.length, failed, removed: gone.length }, 'converge pass done');
    return lines.length;
  }

  /** Sends the command to each open session of a line; the first failure is the line's error. */
  async function tellSessions(sessions: OpenSession[], command: NasCommand): Promise<AppError | null> {
    for (const session of sessions) {
      const result = await sendNasCommand(session, command, { secrets });
      if (result.status === 'failed') return result.error;
    }
    return null;
  }

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
      const { rows } = await sql<Record<string, any>>`
        select a.seq::text, a.kind, coalesce(r.acctstarttime, p.authdate) as at, r.acctstoptime, host(r.nasipaddress) as nas_ip,
               host(r.framedipaddress) as framed_ip, r.acctinputoctets, r.acctoutputoctets, r.acctterminatecause, p.reply
        from radius_activity a
        left join radacct r on r.radacctid = a.radacct_id
        left join radpostauth p on p.id = a.radpostauth_id
        where a.customer_id = ${customerId}
        order by a.seq desc limit ${limit}`.execute(trx);
      return rows.map((r) => ({
        kind: r.kind as 'session_started' | 'session_stopped' | 'auth_rejected',
        at: r.at as Date,
        endedAt: (r.acctstoptime as Date | null) ?? null,
        nasIpAddress: (r.nas_ip as string | null) ?? null,
        framedIpAddress: (r.framed_ip as string | null) ?? null,
        uploadBytes: r.acctinputoctets === null ? null : Number(r.acctinputoctets),
        downloadBytes: r.acctoutputoctets === null ? null : Number(r.acctoutputoctets),
        terminateCause: (r.acctterminatecause as string | null) ?? null,
      }));
    });

  /** Customers with an open RADIUS session now (accounting Start without Stop). */
  const onlineNow = (tenantId: TenantId) =>
    db.tenant(tenantId, async (trx) => {
      const { rows } = await sql<{ customer_id: string }>`
        select distinct u.customer_id from radacct r join radius_users u on u.username = r.username
        where r.acctstoptime is null`.execute(trx);
      return { count: rows.length, customerIds: rows.map((r) => r.customer_id) };
    });

  /** Optional billing hook: data used per customer in a period, from RADIUS accounting. */
  const dataUsage = (tenantId: TenantId, period: { from: Date; to: Date }) => db.tenant(tenantId, (trx) => dataUsageByCustomer(trx, period));

  return {
    onlineNow,
    customerSessionLog,
    dataUsage,
    publishRadiusActivity,
    addRouter,
    updateRouter,
    listRouters,
    getRouter,
    testConnection,
    markLinesPending,
    markPlanLinesPending,
    reconcileTenant,
    listLines,
    convergeNextRouter,
  };
}
