import type { PGlite, Transaction as PGliteTransaction } from '@electric-sql/pglite';
import {
  CompiledQuery,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
} from 'kysely';

/**
 * Kysely over PGlite's own transaction API.
 *
 * PGlite has ONE session. Each Kysely transaction runs inside `pglite.transaction()` and holds
 * PGlite's exclusive lock until commit or rollback, so anything else talking to the same
 * instance (pg-boss on `fromPglite`, another request) waits instead of running inside our
 * transaction under our role and tenant. See DESIGN.md, "Traps".
 */
export class PGliteDialect implements Dialect {
  private readonly pglite: PGlite;
  constructor(pglite: PGlite) {
    this.pglite = pglite;
  }
  createAdapter() {
    return new PostgresAdapter();
  }
  createDriver(): Driver {
    return new PGliteDriver(this.pglite);
  }
  createIntrospector(db: Kysely<any>) {
    return new PostgresIntrospector(db);
  }
  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }
}

class PGliteDriver implements Driver {
  private readonly pglite: PGlite;
  constructor(pglite: PGlite) {
    this.pglite = pglite;
  }
  async init() {}
  async acquireConnection(): Promise<DatabaseConnection> {
    return new PGliteConnection(this.pglite);
  }
  async beginTransaction(connection: DatabaseConnection) {
    await (connection as PGliteConnection).begin();
  }
  async commitTransaction(connection: DatabaseConnection) {
    await (connection as PGliteConnection).end(true);
  }
  async rollbackTransaction(connection: DatabaseConnection) {
    await (connection as PGliteConnection).end(false);
  }
  async releaseConnection() {}
  async destroy() {}
}

/** Thrown inside PGlite's transaction callback to make it roll back. */
class RollbackSignal extends Error {}

class PGliteConnection implements DatabaseConnection {
  private tx: PGliteTransaction | null = null;
  private finish: ((commit: boolean) => void) | null = null;
  private settled: Promise<unknown> | null = null;
  private readonly pglite: PGlite;

  constructor(pglite: PGlite) {
    this.pglite = pglite;
  }

  async begin(): Promise<void> {
    let opened!: () => void;
    const isOpen = new Promise<void>((resolve) => (opened = resolve));
    this.settled = this.pglite.transaction(async (tx) => {
      this.tx = tx;
      opened();
      const commit = await new Promise<boolean>((resolve) => (this.finish = resolve));
      if (!commit) throw new RollbackSignal();
    });
    // If BEGIN itself fails, surface that instead of waiting forever.
    await Promise.race([isOpen, this.settled]);
  }

  async end(commit: boolean): Promise<void> {
    const settled = this.settled;
    this.finish?.(commit);
    this.tx = null;
    this.finish = null;
    this.settled = null;
    try {
      await settled;
    } catch (error) {
      if (!(error instanceof RollbackSignal)) throw error;
    }
  }

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const target = this.tx ?? this.pglite;
    // Parameterless text may hold several statements (migrations): only exec() runs those.
    if (query.parameters.length === 0) {
      const results = await target.exec(query.sql);
      const last = results.at(-1);
      return {
        rows: results.flatMap((r) => r.rows) as R[],
        numAffectedRows: last?.affectedRows !== undefined ? BigInt(last.affectedRows) : undefined,
      };
    }
    const result = await target.query<R>(query.sql, query.parameters as unknown[]);
    return {
      rows: result.rows,
      numAffectedRows: result.affectedRows !== undefined ? BigInt(result.affectedRows) : undefined,
    };
  }

  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streaming queries are not supported on PGlite');
  }
}
