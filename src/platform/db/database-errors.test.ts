import { createServer } from 'node:net';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers, openTestDatabase, type TestDatabase } from '../../../test/harness.ts';
import { fromDatabaseError } from './database-errors.ts';

const failureOf = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected the statement to fail');
    },
    (error: unknown) => error,
  );

// Real errors from each driver: PGlite and pg must report the same SQLSTATEs for the one mapping to hold.
describe.each(drivers)('database errors mapped in one place on %s', (driver) => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await openTestDatabase(driver);
    await sql`create table probe_parents (id int primary key)`.execute(db.owner);
    await sql`create table probe_rows (tenant_id int, display_name text, parent_id int references probe_parents (id), unique (tenant_id, display_name))`.execute(
      db.owner,
    );
    await sql`insert into probe_rows (tenant_id, display_name) values (1, 'Rumahan')`.execute(db.owner);
  });
  afterAll(() => db?.drop());

  it('should turn a unique violation into 409 naming the field (not the tenant, not the value)', async () => {
    const error = fromDatabaseError(await failureOf(sql`insert into probe_rows (tenant_id, display_name) values (1, 'Rumahan')`.execute(db.owner)));
    expect(error?.httpStatus).toBe(409);
    expect(error?.code).toBe('ALREADY_EXISTS');
    expect(error?.details).toEqual({ fields: [{ field: 'displayName', problem: 'taken' }], constraint: 'probe_rows_tenant_id_display_name_key' });
    expect(error?.message).not.toContain('Rumahan');
  });

  it('should turn a missing reference into 422 naming the field', async () => {
    const error = fromDatabaseError(await failureOf(sql`insert into probe_rows (tenant_id, display_name, parent_id) values (1, 'Lain', 42)`.execute(db.owner)));
    expect(error?.httpStatus).toBe(422);
    expect(error?.code).toBe('REFERENCE_NOT_FOUND');
    expect(error?.details).toEqual({ fields: [{ field: 'parentId', problem: 'not_found' }], constraint: 'probe_rows_parent_id_fkey' });
  });

  it('should turn invalid input syntax and a NUL byte into 400', async () => {
    for (const statement of [sql`select ${'not-a-uuid'}::uuid`, sql`select ${'a\u0000b'}::text`, sql`select ${'99999999999'}::int`]) {
      const error = fromDatabaseError(await failureOf(statement.execute(db.owner)));
      expect(error?.httpStatus).toBe(400);
      expect(error?.code).toBe('VALIDATION_FAILED');
    }
  });

  it('should leave a programming error unmapped (a 500 that gets logged)', async () => {
    expect(fromDatabaseError(await failureOf(sql`select no_such_column from probe_rows`.execute(db.owner)))).toBeUndefined();
  });
});

describe('a PostgreSQL connection that is lost or refused', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openTestDatabase('postgres');
  });
  afterAll(() => db?.drop());

  it('should be DATABASE_UNAVAILABLE (503) when the server ends our backend', async () => {
    const client = new pg.Client({ connectionString: db.url });
    client.on('error', () => undefined);
    await client.connect();
    const pid = (await client.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0].pid;
    const running = client.query('select pg_sleep(30)').then(
      () => undefined,
      (error: unknown) => error,
    );
    await sql`select pg_terminate_backend(${pid})`.execute(db.owner);
    const error = await running;
    expect(fromDatabaseError(error)?.code).toBe('DATABASE_UNAVAILABLE');
    expect(fromDatabaseError(error)?.httpStatus).toBe(503);
    await client.end().catch(() => undefined);
  });

  it('should be DATABASE_UNAVAILABLE when nothing listens on the port', async () => {
    const closedPort = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as { port: number };
        server.close(() => resolve(port));
      });
    });
    const client = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:${closedPort}/test` });
    const error = await failureOf(client.connect());
    expect(fromDatabaseError(error)?.code).toBe('DATABASE_UNAVAILABLE');
  });
});
