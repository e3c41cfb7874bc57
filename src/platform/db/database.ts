import { AsyncLocalStorage } from 'node:async_hooks';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { CompiledQuery, Kysely, PostgresDialect, sql, type DatabaseConnection, type Dialect, type Driver, type Transaction, type TransactionSettings } from 'kysely';
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
  /**
   * Calls `listener` whenever a committed change altered who may do what (the
   * `simpul_access_changed` signal: sessions, roles, tenant status, subscriptions). A change made
   * by this process is seen before its commit returns; another process's, once its notification
   * arrives. Returns the unsubscribe.
   */
  onAccessChanged(listener: () => void): () => void;
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** The NOTIFY channel of `onAccessChanged` (raised by the triggers of migration 20261203T0200). */
export const ACCESS_CHANGED_CHANNEL = 'simpul_access_changed';

/** What a scoped transaction sets first: the role and the `app.*` settings. Add a setting here and in `settingsSql`. */
export type RoleSettings = { tenantId?: string; userId?: string; scopeUserId?: string; staffRoles?: readonly string[] };

/**
 * Switches the open transaction to `role` acting for a tenant and user. set_config(…, true) is
 * SET LOCAL: it ends with the transaction, so a pooled connection never carries one request's
 * tenant into the next.
 */
export async function assumeRole(trx: Tx, role: string, settings: RoleSettings) {
  await sql.raw(settingsSql(role, settings)).execute(trx);
}

/** The one statement that assumes a role: values as quoted literals, so it can ride in the BEGIN's message. */
const settingsSql = (role: string, settings: RoleSettings) => {
  const values: [string, string][] = [
    ['role', role],
    ['app.tenant_id', settings.tenantId ?? ''],
    ['app.user_id', settings.userId ?? ''],
    ['app.scope_user_id', settings.scopeUserId ?? ''],
    ['app.staff_roles', settings.staffRoles?.join(',') ?? ''],
  ];
  return `select ${values.map(([name, value]) => `set_config('${name}', ${pg.escapeLiteral(value)}, true)`).join(', ')}`;
};

/**
 * The role and settings the next BEGIN on this async path opens with (taken by the first BEGIN,
 * so a transaction opened inside `fn` starts plain). They travel in the BEGIN's own message (the
 * simple query protocol runs both statements): a scoped transaction costs one call fewer, on
 * PostgreSQL a round trip, on PGlite a pass through its backend.
 */
const opening = new AsyncLocalStorage<{ sql?: string }>();

/** The pending opening statement, taken: only the first BEGIN on the path carries it. */
const takeOpening = () => {
  const pending = opening.getStore();
  const statement = pending?.sql;
  if (pending) pending.sql = undefined;
  return statement;
};

/** PostgreSQL's driver, whose BEGIN carries the pending `opening` settings. */
class RoleOpeningDriver implements Driver {
  private readonly base: Driver;
  constructor(base: Driver) {
    this.base = base;
  }
  init = () => this.base.init();
  acquireConnection = () => this.base.acquireConnection();
  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings) {
    if (settings.isolationLevel || settings.accessMode) return this.base.beginTransaction(connection, settings);
    const settingsStatement = takeOpening();
    if (!settingsStatement) return this.base.beginTransaction(connection, settings);
    await connection.executeQuery(CompiledQuery.raw(`begin; ${settingsStatement}`));
  }
  commitTransaction = (connection: DatabaseConnection) => this.base.commitTransaction(connection);
  rollbackTransaction = (connection: DatabaseConnection) => this.base.rollbackTransaction(connection);
  savepoint: Driver['savepoint'] = (...args) => this.base.savepoint!(...args);
  rollbackToSavepoint: Driver['rollbackToSavepoint'] = (...args) => this.base.rollbackToSavepoint!(...args);
  releaseSavepoint: Driver['releaseSavepoint'] = (...args) => this.base.releaseSavepoint!(...args);
  releaseConnection = (connection: DatabaseConnection) => this.base.releaseConnection(connection);
  destroy = () => this.base.destroy();
}

const roleOpening = (dialect: Dialect): Dialect => ({
  createAdapter: () => dialect.createAdapter(),
  createDriver: () => new RoleOpeningDriver(dialect.createDriver()),
  createIntrospector: (db) => dialect.createIntrospector(db),
  createQueryCompiler: () => dialect.createQueryCompiler(),
});

/**
 * The person whose rows a tenant transaction is narrowed to (`app_scope_user_id()` in the
 * restrictive `collector_scope` policies): the request's, when authentication marked it as
 * row-scoped (a collector-only staff member); nobody for jobs, handlers and everyone else.
 */
const requestScopeUserId = () => logContext.getStore()?.scopeUserId;

/**
 * The request's staff roles (`app_staff_only(…)` in the restrictive role policies: no money for a
 * technician alone, no tasks for a collector alone); none for jobs, handlers and webhooks.
 */
const requestStaffRoles = () => logContext.getStore()?.staffRoles;

/** Continues the open transaction as tenant staff of `tenantId` (e.g. right after creating it). */
export const enterTenant = (trx: Tx, tenantId: TenantId, userId?: string) =>
  assumeRole(trx, DbRole.app, { tenantId, userId });

/** `logger` receives one line when the server becomes unreachable and one when it is back. */
export async function openDatabase(options: DatabaseOptions, deps: { logger?: Logger } = {}): Promise<Database> {
  let owner: Kysely<any>;
  let pglite: PGlite | undefined;
  const accessListeners = new Set<() => void>();
  const accessChanged = () => accessListeners.forEach((listener) => listener());
  if (options.driver === 'pglite') {
    // pg_trgm: the customer and invoice searches' indexes (bundled with PGlite, loaded per instance).
    pglite = await PGlite.create({ dataDir: options.dataDir, loadDataDir: options.loadDataDir, extensions: { pg_trgm } });
    // PGlite calls listeners while the committing statement completes, before it returns.
    await pglite.listen(ACCESS_CHANGED_CHANNEL, accessChanged);
    owner = new Kysely({ dialect: new PGliteDialect(pglite, { openingStatement: takeOpening }) });
  } else {
    const outages = createOutageLog(deps.logger ?? createLogger({ level: 'silent' }));
    const livePool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10 });
    // A connection that dies while checked out (inside a transaction) emits 'error' on its client,
    // which pg-pool no longer listens to then: unlistened, that event would end the process. The
    // query in flight rejects with the same error, so the listener only notes the outage.
    livePool.on('connect', (client) => {
      outages.connected();
      client.on('error', (error) => outages.lost(error));
      // Every pooled connection listens: PostgreSQL hands a session its own notifications before
      // the COMMIT's answer, and other processes' ones while it idles in the pool.
      client.on('notification', (message) => {
        if (message.channel === ACCESS_CHANGED_CHANNEL) accessChanged();
      });
      client.query(`listen ${ACCESS_CHANGED_CHANNEL}`).catch((error: unknown) => outages.lost(error));
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
    owner = new Kysely({ dialect: roleOpening(new PostgresDialect({ pool: watchedPool })) });
  }

  const scoped =
    (role: string) =>
    <T>(settings: RoleSettings, fn: (trx: Tx<any>) => Promise<T>) => {
      const pending: { sql?: string } = { sql: settingsSql(role, settings) };
      return opening.run(pending, () =>
        owner.transaction().execute(async (trx) => {
          // Not taken by the BEGIN (a transaction with an isolation level): set them now.
          if (pending.sql) {
            pending.sql = undefined;
            await assumeRole(trx, role, settings);
          }
          return fn(trx);
        }),
      );
    };
  const asApp = scoped(DbRole.app);
  const asTenantRole = <T>(settings: RoleSettings, fn: (trx: Tx<any>) => Promise<T>) =>
    scoped(tenantRoleScope.getStore()?.role ?? DbRole.app)(settings, fn);
  const asPlatform = scoped(DbRole.platform);

  return {
    driver: options.driver,
    owner,
    pglite,
    tenant: (tenantId, fn, context) => asTenantRole({ tenantId, userId: context?.userId, scopeUserId: requestScopeUserId(), staffRoles: requestStaffRoles() }, fn),
    system: (fn, context) => asApp({ userId: context?.userId }, fn),
    platform: (fn, context) => asPlatform({ userId: context?.userId }, fn),
    onAccessChanged: (listener) => {
      accessListeners.add(listener);
      return () => accessListeners.delete(listener);
    },
    ping: async () => {
      await sql`select 1`.execute(owner);
    },
    close: async () => {
      await owner.destroy();
      await pglite?.close();
    },
  };
}
