import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers, openTestDatabase, type TestDatabase } from '../../../test/harness.ts';

/**
 * Read models (ARCHITECTURE.md, "Read models"): a module reads another module's data in SQL only
 * through a view that module publishes, never its tables; each view has one owner, named by its
 * prefix, and is listed with its readers.
 */

const modules = ['billing', 'customers', 'identity', 'isolation', 'maps', 'network', 'notifications', 'plans', 'tenants'];
/** The module a table or view belongs to, by name; what no module owns is the platform's. */
function ownerOf(relation: string): string {
  if (relation === 'service_plans') return 'plans';
  if (relation === 'platform_tenant_summaries') return 'tenants';
  if (relation === 'nas' || relation === 'nasreload' || /^rad/.test(relation)) return 'network'; // FreeRADIUS's schema
  return modules.find((m) => relation === m || relation.startsWith(`${m}_`)) ?? 'platform';
}

/** The rows of ARCHITECTURE.md's read-model table: view, owner, readers (backticked names). */
function documentedReadModels() {
  const lines = readFileSync(new URL('../../../ARCHITECTURE.md', import.meta.url), 'utf8').split('\n');
  const start = lines.findIndex((line) => line.startsWith('| read model |'));
  if (start < 0) throw new Error('no "| read model |" table in ARCHITECTURE.md');
  const rows = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break;
    const [view, owner, readers] = line.slice(1, -1).split('|').map((cell) => cell.trim());
    rows.push({ view: view.replaceAll('`', ''), owner, readers: [...readers.matchAll(/\b([a-z]+)\b/g)].map((m) => m[1]).filter((m) => modules.includes(m)) });
  }
  return rows;
}

describe.each(drivers)('read models on %s', (driver) => {
  let db: TestDatabase;
  let reads: { view: string; relation: string; isView: boolean }[];

  beforeAll(async () => {
    db = await openTestDatabase(driver);
    reads = (
      await sql<{ view_name: string; table_name: string; table_type: string }>`
        select u.view_name, u.table_name, t.table_type
        from information_schema.view_table_usage u
        join information_schema.tables t on t.table_schema = u.table_schema and t.table_name = u.table_name
        where u.view_schema = 'public' order by u.view_name, u.table_name`.execute(db.owner)
    ).rows.map((r) => ({ view: r.view_name, relation: r.table_name, isView: r.table_type === 'VIEW' }));
  });
  afterAll(() => db?.drop());

  it("should build every view from its owner's tables and other modules' published views only", async () => {
    expect(reads.length).toBeGreaterThan(10);
    const foreignTables = reads.filter((r) => !r.isView && ownerOf(r.relation) !== ownerOf(r.view)).map((r) => `${r.view} reads ${r.relation}`);
    expect(foreignTables).toEqual([]);
  });

  it('should list every view in ARCHITECTURE.md with its owner, and each module it reads from as a reader there', async () => {
    const views = (await sql<{ table_name: string }>`select table_name from information_schema.views where table_schema = 'public' order by table_name`.execute(db.owner)).rows.map(
      (r) => r.table_name,
    );
    const documented = documentedReadModels();
    expect(documented.map((d) => d.view).sort()).toEqual(views);
    for (const row of documented) expect(row.owner, row.view).toBe(ownerOf(row.view));
    // a view built on another module's view makes that module's view's owner a reader of it
    for (const r of reads.filter((r) => r.isView && ownerOf(r.relation) !== ownerOf(r.view))) {
      expect(documented.find((d) => d.view === r.relation)?.readers, `${r.relation} read by ${r.view}`).toContain(ownerOf(r.view));
    }
  });
});
