import { AsyncLocalStorage } from 'node:async_hooks';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PostgresDialect, sql, type Transaction } from 'kysely';
import pg from 'pg';
import { createLogger, logContext, type Logger } from '../logging/logger.ts';
import { createOutageLog } from './connection-errors.ts';
import { PGliteDialect } from './pglite-dialect.ts';
import type { DB } from './schema.ts';

/** A tenant's id. Branded so a plain string can't slip into a tenant-scoped call. */
export type TenantId = string & { readonly __brand: 'TenantId' };
export const asTenantId = (id: string) => id as TenantId;

/** A transaction; its tables are the generated schema's unless a caller narrows them. */
export type Tx<S = DB> = Transaction<S>;

/** Database roles the application switches to inside each transaction (`SET LOCAL ROLE`). */
export const DbRole = {
  /** Tenant staff work: every tenant-owned table is filtered by RLS on app.tenant_id. */
  app: 'simpul_app',
  /** Super admin work: grants on platform tables and tenant summaries only, never tenant-internal rows. */
  platform: 'simpul_platform',
  /** An impersonating super admin in a tenant: RLS like staff, no grant on payment history, private data, credentials. */
  support: 'simpul_support',
} as const;

/**
 * The role tenant transactions of the current request run as. The HTTP server opens one (empty)
 * scope per request; authentication sets `role` for an impersonating session, so every
 * `db.tenant(…)` of that request runs as `simpul_support` without the modules knowing.
 */
export const tenantRoleScope = new AsyncLocalStorage<{ role?: string }>();

export type DatabaseOptions =
  | { driver: 'pglite'; dataDir?: string; loadDataDir?: Blob }
  | { driver: 'postgres'; url: string; poolSize?: number };

export interface Database {
  readonly driver: 'pglite' | 'postgres';
  /** The schema owner. Migrations and maintenance only: it bypasses row-level security. */
  readonly owner: Kysely<any>;
  /** The embedded PGlite instance, when that is the driver (pg-boss needs it). */
  readonly pglite?: PGlite;
  /** A transaction as tenant staff: RLS sees only `tenantId`'s rows. */
  tenant<S = DB, T = unknown>(tenantId: TenantId, fn: (trx: Tx<S>) => Promise<T>, context?: { userId?: string }): Promise<T>;
  /** A transaction before a tenant is chosen (login, sessions): no tenant rows are visible. */
  system<S = DB, T = unknown>(fn: (trx: Tx<S>) => Promise<T>, context?: { userId?: string }): Promise<T>;
  /** A transaction as the platform (super admin): tenant summaries, never tenant-internal rows. */
  platform<S = DB, T = unknown>(fn: (trx: Tx<S>) => Promise<T>, context?: { userId?: string }): Promise<T>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Switches the open transaction to `role` acting for a tenant and user. set_config(…, true) is
 * SET LOCAL: it ends with the transaction, so a pooled connection never carries one request's
 * tenant into the next.
 */
export async function assumeRole(trx: Tx, role: string, settings: { tenantId?: string; userId?: string; scopeUserId?: string }) {
  await sql`select set_config('role', ${role}, true),
                   set_config('app.tenant_id', ${settings.tenantId ?? ''}, true),
                   set_config('app.user_id', ${settings.userId ?? ''}, true),
                   set_config('app.scope_user_id', ${settings.scopeUserId ?? ''}, true)`.execute(trx);
}

/**
 * The person whose rows a tenant transaction is narrowed to (`app_scope_user_id()` in the
 * restrictive `collector_scope` policies): the request's, when authentication marked it as
 * row-scoped (a collector-only staff member); nobody for jobs, handlers and everyone else.
 */
const requestScopeUserId = () => logContext.getStore()?.scopeUserId;

/** Continues the open transaction as tenant staff of `tenantId` (e.g. right after creating it). */
export const enterTenant = (trx: Tx, tenantId: TenantId, userId?: string) =>
  assumeRole(trx, DbRole.app, { tenantId, userId });

/** `logger` receives one line when the server becomes unreachable and one when it is back. */
export async function openDatabase(options: DatabaseOptions, deps: { logger?: Logger } = {}): Promise<Database> {
  let owner: Kysely<any>;
  let pglite: PGlite | undefined;
  if (options.driver === 'pglite') {
    // pg_trgm: the customer and invoice searches' indexes (bundled with PGlite, loaded per instance).
    pglite = await PGlite.create({ dataDir: options.dataDir, loadDataDir: options.loadDataDir, extensions: { pg_trgm } });
    owner = new Kysely({ dialect: new PGliteDialect(pglite) });
  } else {
    const outages = createOutageLog(deps.logger ?? createLogger({ level: 'silent' }));
    const livePool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10 });
    // A connection that dies while checked out (inside a transaction) emits 'error' on its client,
    // which pg-pool no longer listens to then: unlistened, that event would end the process. The
    // query in flight rejects with the same error, so the listener only notes the outage.
    livePool.on('connect', (client) => {
      outages.connected();
      client.on('error', (error) => outages.lost(error));
    });
    // An idle connection closed by the server (restart, failover): the pool discards it.
    livePool.on('error', (error) => outages.lost(error));
    const watchedPool = {
      Client: pg.Client,
      options: livePool.options,
      connect: () =>
        livePool.connect().catch((error: unknown) => {
          outages.lost(error);
          throw error;
        }),
      end: () => livePool.end(),
    };
    owner = new Kysely({ dialect: new PostgresDialect({ pool: watchedPool }) });
  }

  const scoped =
    (role: string) =>
    <T>(settings: { tenantId?: string; userId?: string; scopeUserId?: string }, fn: (trx: Tx<any>) => Promise<T>) =>
      owner.transaction().execute(async (trx) => {
        await assumeRole(trx, role, settings);
        return fn(trx);
      });
  const asApp = scoped(DbRole.app);
  const asTenantRole = <T>(settings: { tenantId?: string; userId?: string; scopeUserId?: string }, fn: (trx: Tx<any>) => Promise<T>) =>
    scoped(tenantRoleScope.getStore()?.role ?? DbRole.app)(settings, fn);
  const asPlatform = scoped(DbRole.platform);

  return {
    driver: options.driver,
    owner,
    pglite,
    tenant: (tenantId, fn, context) => asTenantRole({ tenantId, userId: context?.userId, scopeUserId: requestScopeUserId() }, fn),
    system: (fn, context) => asApp({ userId: context?.userId }, fn),
    platform: (fn, context) => asPlatform({ userId: context?.userId }, fn),
    ping: async () => {
      await sql`select 1`.execute(owner);
    },
    close: async () => {
      await owner.destroy();
      await pglite?.close();
    },
  };
}
