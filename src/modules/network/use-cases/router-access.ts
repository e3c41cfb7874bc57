import { sql } from 'kysely';
import type { Clock } from '../../../platform/clock.ts';
import type { SecretBox } from '../../../platform/crypto/secret-box.ts';
import type { Database, Tx } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import type { Publish } from '../../../platform/events/outbox.ts';
import type { Logger } from '../../../platform/logging/logger.ts';
import type { networkEvents } from '../network.events.ts';
import { createRouterGateway, type EnforcementSettings, type RouterConnection, type RouterGateway } from '../routeros/index.ts';
import { openRouterPassword } from '../router-credentials.ts';

/** What every network use case is built from. */
export type NetworkContext = {
  db: Database;
  clock: Clock;
  secrets: SecretBox;
  logger: Logger;
  publish: Publish<typeof networkEvents>;
  /** The SaaS router limit, checked in the adding transaction. */
  limits?: { assertWithinLimit(trx: Tx<any>, limit: 'routers', countUsed: (trx: Tx<any>) => Promise<number>): Promise<void> };
};

export type GatewayFactory = (connection: RouterConnection, settings: EnforcementSettings) => RouterGateway;

/** A network_routers row. */
export type RouterRow = {
  id: string;
  tenant_id: string;
  name: string;
  host: string;
  port: number | null;
  api_kind: 'routeros-api' | 'rest';
  use_tls: boolean;
  username: string;
  sealed_password: string;
  isolation_address_list: string;
  isolation_profile: string;
  pppoe_via_radius: boolean;
  health: 'unknown' | 'ok' | 'failing';
  failing_since: Date | null;
  last_error: string | null;
  last_checked_at: Date | null;
  lease_until: Date | null;
  created_at: Date;
  radius_isolation_address_list: boolean;
  radius_isolation_pool: string | null;
  radius_isolation_download_kbps: number | null;
  radius_isolation_upload_kbps: number | null;
};

/** The RADIUS reply for isolated customers: any of the address list, an IP pool, a low rate limit. */
export type RadiusIsolationReply = {
  /** Mikrotik-Address-List = the router's isolation address list (a firewall rule redirects it). */
  addressList: boolean;
  /** Framed-Pool: an IP pool on the router kept for isolated customers. */
  framedPool: string | null;
  /** Mikrotik-Rate-Limit, e.g. 1M/1M. */
  rateLimit: { downloadKbps: number; uploadKbps: number } | null;
};

type IsolationColumns = Pick<RouterRow, 'radius_isolation_address_list' | 'radius_isolation_pool' | 'radius_isolation_download_kbps' | 'radius_isolation_upload_kbps'>;

export const isolationOf = (r: IsolationColumns): RadiusIsolationReply => ({
  addressList: r.radius_isolation_address_list,
  framedPool: r.radius_isolation_pool,
  rateLimit:
    r.radius_isolation_download_kbps === null ? null : { downloadKbps: r.radius_isolation_download_kbps, uploadKbps: r.radius_isolation_upload_kbps! },
});

export const settingsOf = (r: RouterRow): EnforcementSettings => ({
  isolationAddressList: r.isolation_address_list,
  isolationProfile: r.isolation_profile,
});

export const selectRouter = (trx: Tx, routerId: string) =>
  sql<RouterRow>`select * from network_routers where id = ${routerId}`.execute(trx).then((result) => result.rows[0]);

export type RouterAccess = ReturnType<typeof createRouterAccess>;

/**
 * The way to a router: its connection from the row (the password only where it was entered), one
 * gateway per router kept across converge passes so its circuit breaker sees consecutive failures
 * and opens, and the router's health.
 */
export function createRouterAccess(ctx: NetworkContext, gatewayFactory?: GatewayFactory) {
  const { clock, secrets, publish } = ctx;
  const build = gatewayFactory ?? ((connection, settings) => createRouterGateway(connection, settings, { clock }));
  const kept = new Map<string, { fingerprint: string; gateway: RouterGateway }>();

  const toConnection = (r: RouterRow): RouterConnection => ({
    routerId: r.id,
    host: r.host,
    port: r.port ?? undefined,
    apiKind: r.api_kind,
    username: r.username,
    password: openRouterPassword(secrets, r),
    tls: r.use_tls ? { rejectUnauthorized: false } : false,
  });

  /** The router's kept gateway; a row that changed how the router is reached or driven gets a new one (and a closed circuit). */
  function keptGateway(row: RouterRow, connection: RouterConnection): RouterGateway {
    const fingerprint = JSON.stringify([row.host, row.port, row.api_kind, row.use_tls, row.username, row.sealed_password, row.isolation_address_list, row.isolation_profile]);
    const found = kept.get(row.id);
    if (found?.fingerprint === fingerprint) return found.gateway;
    const gateway = build(connection, settingsOf(row));
    kept.set(row.id, { fingerprint, gateway });
    return gateway;
  }

  /**
   * Runs `use` with the router's gateway, or answers the reason there is none (its password must
   * be entered again). `fresh`: a gateway of its own, past any open circuit (an operator's test).
   */
  async function withGateway<T>(row: RouterRow, use: (gateway: RouterGateway) => Promise<T>, options: { fresh?: boolean } = {}): Promise<T | { ok: false; error: AppError }> {
    let connection: RouterConnection;
    try {
      connection = toConnection(row);
    } catch (error) {
      if (error instanceof AppError) return { ok: false, error };
      throw error;
    }
    return use(options.fresh ? build(connection, settingsOf(row)) : keptGateway(row, connection));
  }

  /** The router answered an operator's test: convergence starts again with a closed circuit. */
  const forgetGateway = (routerId: string) => kept.delete(routerId);

  /** Router health, announced once per incident: on the way into failing, and on recovery. */
  async function recordHealth(trx: Tx, router: RouterRow, error: AppError | null) {
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

  return { withGateway, forgetGateway, recordHealth };
}
