import { messages, parse, protocol, type PGlite, type Results } from '@electric-sql/pglite';
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
import pgUtils from 'pg/lib/utils.js';

/**
 * Kysely over PGlite's wire protocol.
 *
 * PGlite has ONE session. A Kysely transaction holds PGlite's transaction lock from BEGIN to
 * COMMIT or ROLLBACK, so anything else talking to the same instance (pg-boss on `fromPglite`,
 * another request) waits instead of running inside our transaction under our role and tenant.
 * See DESIGN.md, "Traps".
 *
 * Why not `pglite.query()`: it sends parse, describe, bind, describe, execute and sync as six
 * separate calls into the WASM backend, and parses and plans the statement every time. Here a
 * statement is one call: parse (once per SQL text: a named prepared statement), bind, execute,
 * sync. Parameters are serialised the way node-postgres does it on the server shape (untyped, so
 * PostgreSQL infers their types), which keeps the two shapes' behaviour the same. And a
 * transaction's BEGIN carries its role settings (`openingStatement`), as on PostgreSQL.
 */
export class PGliteDialect implements Dialect {
  private readonly session: PGliteSession;
  private readonly openingStatement: () => string | undefined;
  constructor(pglite: PGlite, options: { openingStatement?: () => string | undefined } = {}) {
    this.session = sessionOf(pglite);
    this.openingStatement = options.openingStatement ?? (() => undefined);
  }
  createAdapter() {
    return new PostgresAdapter();
  }
  createDriver(): Driver {
    const { session, openingStatement } = this;
    return {
      init: async () => {},
      acquireConnection: async () => new PGliteConnection(session, openingStatement),
      beginTransaction: (connection) => (connection as PGliteConnection).begin(),
      commitTransaction: (connection) => (connection as PGliteConnection).end('commit'),
      rollbackTransaction: (connection) => (connection as PGliteConnection).end('rollback'),
      releaseConnection: async () => {},
      destroy: async () => {},
    };
  }
  createIntrospector(db: Kysely<any>) {
    return new PostgresIntrospector(db);
  }
  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }
}

/**
 * The instance's query, exec and listen on the same one-call path, for pg-boss's `fromPglite`
 * adapter: its polling statements are the same few texts thousands of times, prepared once.
 */
export function pgliteClient(pglite: PGlite) {
  const session = sessionOf(pglite);
  return {
    query: async <T = unknown>(text: string, params?: unknown[]) =>
      (params?.length ? await session.query(text, params, null) : ((await session.exec(text, null)).at(-1) ?? { rows: [] })) as { rows: T[] },
    exec: (text: string) => session.exec(text, null),
    listen: (channel: string, callback: (payload: string) => void) => pglite.listen(channel, callback),
  };
}

/** A statement as it ran: its text, how long from the call to its answer, and its transaction (null: on its own). */
export type StatementWatcher = (statement: { text: string; ms: number; transaction: number | null }) => void;

/** Calls `watcher` after every statement on the instance (bench profiling); returns the unsubscribe. */
export function watchStatements(pglite: PGlite, watcher: StatementWatcher) {
  const { watchers } = sessionOf(pglite);
  watchers.add(watcher);
  return () => watchers.delete(watcher);
}

const { serialize } = protocol;

/** One session per instance: prepared statement names are the backend's, shared by every caller. */
const sessions = new WeakMap<PGlite, PGliteSession>();
const sessionOf = (pglite: PGlite) => sessions.get(pglite) ?? sessions.set(pglite, new PGliteSession(pglite)).get(pglite)!;

/** Prepared statements kept per instance; the least recently used one is closed beyond this. */
const STATEMENT_CACHE_SIZE = 500;

/** Text that changes the schema: a prepared statement's result shape may change, so all are dropped. */
const SCHEMA_CHANGE = /\b(create|alter|drop|truncate)\s/i;

const concat = (parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
};

/** The one PGlite session: its prepared statements and the calls into it. */
class PGliteSession {
  readonly pglite: PGlite;
  /** SQL text → prepared statement name, least recently used first. */
  private readonly statements = new Map<string, string>();
  private readonly toClose: string[] = [];
  readonly watchers = new Set<StatementWatcher>();
  private nextName = 0;

  constructor(pglite: PGlite) {
    this.pglite = pglite;
  }

  /** One parameterised statement: a single protocol message, parsed once per SQL text. */
  async query(text: string, parameters: readonly unknown[], transaction: number | null): Promise<Results> {
    const cached = this.statements.get(text);
    const name = cached ?? `s${this.nextName++}`;
    const parts: Uint8Array[] = this.toClose.splice(0).map((closing) => serialize.close({ type: 'S', name: closing }));
    if (cached) this.statements.delete(text); // re-inserted below: most recently used
    else parts.push(serialize.parse({ name, text }));
    const values = parameters.map((value) => pgUtils.prepareValue(value));
    parts.push(serialize.bind({ statement: name, values }), serialize.describe({ type: 'P' }), serialize.execute({}), serialize.sync());
    const answer = await this.call(concat(parts), text, transaction);
    const failure = answer.find((message) => message instanceof messages.DatabaseError) as messages.DatabaseError | undefined;
    // A new statement exists once its parse completed, even if binding or executing then failed;
    // a cached one is dropped when it is gone or a schema change altered its result shape.
    const kept = cached ? failure?.code !== '26000' && failure?.code !== '0A000' : answer.some((message) => message.name === 'parseComplete');
    if (kept) this.remember(text, name);
    else if (cached) this.toClose.push(name);
    if (failure) throw failure;
    return parse.parseResults(answer, this.pglite.parsers)[0];
  }

  /** Parameterless text, possibly several statements (migrations): the simple query protocol. */
  async exec(text: string, transaction: number | null): Promise<Results[]> {
    const answer = await this.call(serialize.query(text), text, transaction);
    if (SCHEMA_CHANGE.test(text)) this.forgetAll();
    const failure = answer.find((message) => message instanceof messages.DatabaseError);
    if (failure) throw failure;
    return parse.parseResults(answer, this.pglite.parsers);
  }

  /**
   * Outside a transaction a statement also takes the transaction lock, so it never runs inside
   * someone else's open transaction (PGlite's own `query()` does the same).
   */
  private async call(message: Uint8Array, text: string, transaction: number | null) {
    const started = this.watchers.size ? performance.now() : 0;
    const send = () => this.pglite.runExclusive(() => this.pglite.execProtocol(message, { throwOnError: false, syncToFs: false }));
    const answer =
      transaction !== null
        ? (await send()).messages
        : await this.pglite._runExclusiveTransaction(async () => {
            const { messages: answer } = await send();
            await this.pglite.syncToFs();
            return answer;
          });
    if (started) for (const watcher of this.watchers) watcher({ text, ms: performance.now() - started, transaction });
    return answer;
  }

  private remember(text: string, name: string) {
    this.statements.set(text, name);
    if (this.statements.size > STATEMENT_CACHE_SIZE) {
      const [oldestText, oldestName] = this.statements.entries().next().value!;
      this.statements.delete(oldestText);
      this.toClose.push(oldestName);
    }
  }

  private forget(text: string) {
    const name = this.statements.get(text);
    if (!name) return;
    this.statements.delete(text);
    this.toClose.push(name);
  }

  private forgetAll() {
    for (const name of this.statements.values()) this.toClose.push(name);
    this.statements.clear();
  }
}

let nextTransaction = 1;

class PGliteConnection implements DatabaseConnection {
  private readonly session: PGliteSession;
  private readonly openingStatement: () => string | undefined;
  /** The open transaction's number (for watchers), null outside one. */
  private transaction: number | null = null;
  /** Resolves PGlite's transaction lock, held from BEGIN to COMMIT or ROLLBACK. */
  private release: (() => void) | null = null;

  constructor(session: PGliteSession, openingStatement: () => string | undefined) {
    this.session = session;
    this.openingStatement = openingStatement;
  }

  async begin(): Promise<void> {
    const locked = new Promise<void>((resolve) => {
      void this.session.pglite._runExclusiveTransaction(
        () =>
          new Promise<void>((done) => {
            this.release = done;
            resolve();
          }),
      );
    });
    await locked;
    this.transaction = nextTransaction++;
    const opening = this.openingStatement();
    try {
      await this.session.exec(opening ? `begin; ${opening}` : 'begin', this.transaction);
    } catch (error) {
      await this.finish('rollback').catch(() => {});
      throw error;
    }
  }

  async end(how: 'commit' | 'rollback'): Promise<void> {
    const [result] = await this.finish(how);
    // COMMIT of a transaction that had failed rolls back instead (PostgreSQL answers ROLLBACK).
    if (how === 'commit' && result?.command === 'ROLLBACK') throw new Error('The transaction was aborted by an earlier error and has been rolled back.');
  }

  private async finish(how: 'commit' | 'rollback') {
    try {
      return await this.session.exec(how, this.transaction);
    } finally {
      this.transaction = null;
      await this.session.pglite.syncToFs();
      this.release?.();
      this.release = null;
    }
  }

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    if (query.parameters.length === 0) {
      const results = await this.session.exec(query.sql, this.transaction);
      const last = results.at(-1);
      return {
        rows: results.flatMap((r) => r.rows) as R[],
        numAffectedRows: last?.affectedRows !== undefined ? BigInt(last.affectedRows) : undefined,
      };
    }
    const result = await this.session.query(query.sql, query.parameters, this.transaction);
    return {
      rows: result.rows as R[],
      numAffectedRows: result.affectedRows !== undefined ? BigInt(result.affectedRows) : undefined,
    };
  }

  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streaming queries are not supported on PGlite');
  }
}
