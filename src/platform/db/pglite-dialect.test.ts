import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../test/harness.ts';
import { pgliteClient } from './pglite-dialect.ts';

/**
 * The embedded dialect sends each statement in one call and prepares each SQL text once; its
 * parameters are serialised as node-postgres does. What a person would notice if that went wrong:
 * a value stored differently on the embedded shape than on a server, a statement failing after a
 * migration, or memory growing with every distinct query.
 */
describe('the PGlite dialect', () => {
  let pglite: TestDatabase;
  let postgres: TestDatabase;
  beforeAll(async () => {
    [pglite, postgres] = await Promise.all([openTestDatabase('pglite'), openTestDatabase('postgres')]);
  });
  afterAll(async () => {
    await pglite?.drop();
    await postgres?.drop();
  });

  const prepared = async () => (await sql<{ n: number }>`select count(*)::int as n from pg_prepared_statements`.execute(pglite.owner)).rows[0].n;

  it('should read back every kind of parameter exactly as the PostgreSQL shape does', async () => {
    const parameters = [
      new Date('2026-12-01T17:30:00.123Z'),
      ['a', 'b,c', 'd"e', null],
      { plan: 'Rumahan', price: 150000, tags: ['x'] },
      Buffer.from([0, 1, 254, 255]),
      true,
      12345678901234n,
      null,
      'teks biasa',
    ];
    const read = (db: TestDatabase) =>
      sql<Record<string, unknown>>`select ${parameters[0]}::timestamptz as at, ${parameters[1]}::text[] as list, ${JSON.stringify(parameters[2])}::jsonb as doc,
        ${parameters[2]}::jsonb as object, ${parameters[3]}::bytea as bytes, ${parameters[4]}::boolean as flag, ${parameters[5]}::bigint as big,
        ${parameters[6]}::text as nothing, ${parameters[7]} as plain`.execute(db.owner).then((r) => r.rows[0]);
    const [embedded, server] = await Promise.all([read(pglite), read(postgres)]);
    expect(new Date(embedded.at as Date).toISOString()).toBe('2026-12-01T17:30:00.123Z');
    expect(embedded.list).toEqual(['a', 'b,c', 'd"e', null]);
    expect(embedded.doc).toEqual(parameters[2]);
    expect(embedded.object).toEqual(parameters[2]);
    expect(Buffer.from(embedded.bytes as Uint8Array)).toEqual(parameters[3]);
    expect({ flag: embedded.flag, big: String(embedded.big), nothing: embedded.nothing, plain: embedded.plain }).toEqual({
      flag: server.flag,
      big: String(server.big),
      nothing: server.nothing,
      plain: server.plain,
    });
  });

  it('should prepare a statement once however often it runs, and keep answering after a migration changes its table', async () => {
    await sql`create table dialect_probe (id int primary key, name text)`.execute(pglite.owner);
    await sql`insert into dialect_probe values (1, 'satu')`.execute(pglite.owner);
    const read = () => sql<{ id: number; name: string }>`select * from dialect_probe where id = ${1}`.execute(pglite.owner);
    await read();
    const afterFirst = await prepared();
    const texts = (await sql<{ statement: string }>`select statement from pg_prepared_statements`.execute(pglite.owner)).rows.map((r) => r.statement);
    expect(texts.filter((text) => text.includes('from dialect_probe'))).toHaveLength(1);
    for (let i = 0; i < 20; i++) expect((await read()).rows).toEqual([{ id: 1, name: 'satu' }]);
    expect(await prepared()).toBe(afterFirst);
    await sql`alter table dialect_probe add column note text default 'baru'`.execute(pglite.owner);
    const { rows } = await sql`select * from dialect_probe where id = ${1}`.execute(pglite.owner);
    expect(rows).toEqual([{ id: 1, name: 'satu', note: 'baru' }]);
  });

  it('should keep at most 500 prepared statements however many distinct queries run', async () => {
    for (let i = 0; i < 700; i++) await sql`select ${sql.raw(String(i))} + ${1}::int as n`.execute(pglite.owner);
    expect(await prepared()).toBeLessThanOrEqual(501);
    const { rows } = await sql<{ n: number }>`select ${sql.raw('699')} + ${1}::int as n`.execute(pglite.owner);
    expect(rows[0].n).toBe(700);
  });

  it('should refuse a bad statement with PostgreSQL’s code, roll its transaction back, and go on', async () => {
    await sql`create table dialect_money (id int primary key)`.execute(pglite.owner);
    const failed = pglite.owner.transaction().execute(async (trx) => {
      await sql`insert into dialect_money values (${1})`.execute(trx);
      await sql`insert into dialect_money values (${1})`.execute(trx);
    });
    await expect(failed).rejects.toMatchObject({ code: '23505' });
    expect((await sql`select * from dialect_money`.execute(pglite.owner)).rows).toEqual([]);
    await sql`insert into dialect_money values (${2})`.execute(pglite.owner);
    expect((await sql`select * from dialect_money`.execute(pglite.owner)).rows).toEqual([{ id: 2 }]);
  });

  it('should give pg-boss the same path: parameterised queries, multi-statement text, and notifications', async () => {
    const client = pgliteClient(pglite.pglite!);
    expect((await client.query<{ n: number }>('select $1::int + 1 as n', [41])).rows).toEqual([{ n: 42 }]);
    const results = await client.exec('select 1 as a; select 2 as b');
    expect(results.map((r) => r.rows)).toEqual([[{ a: 1 }], [{ b: 2 }]]);
    const heard: string[] = [];
    await client.listen('dialect_probe', (payload) => heard.push(payload));
    await client.query("select pg_notify('dialect_probe', $1)", ['dibayar']);
    await new Promise((resolve) => queueMicrotask(() => resolve(undefined)));
    expect(heard).toEqual(['dibayar']);
  });
});
