import { sql } from 'kysely';
import { pino } from 'pino';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, tenantDirectoryOf, type TestDatabase } from '../../../test/harness.ts';
import { ManualClock } from '../clock.ts';
import type { TenantId } from '../db/database.ts';
import { createTenant } from '../events/test-support.ts';
import { defineJob } from './job-definition.ts';
import { createScheduler, type Scheduler } from './scheduler.ts';
import { specWorkerPlaceholders, withSpecWorkers } from './spec-workers.ts';

const logger = pino({ level: 'silent' });
const minutes = (n: number) => n * 60_000;

describe.each(['pglite', 'postgres'] as const)('scheduled workers on %s', (driver) => {
  let db: TestDatabase;
  let wib: TenantId;
  let wit: TenantId;
  const clock = new ManualClock('2026-11-24T12:00:00Z');
  const runs: { tenantId: string; slot: string; ranAt: string }[] = [];
  const dailyIsolation = defineJob({
    name: 'auto_isolir_worker',
    cron: '5 0 * * *',
    description: 'test body: records when it ran',
    async run(ctx) {
      runs.push({ tenantId: ctx.tenantId, slot: ctx.slot.toISOString(), ranAt: ctx.clock.now().toISOString() });
      await ctx.reportProgress({ done: 1, total: 1 });
    },
  });
  let instances: Scheduler[];

  beforeAll(async () => {
    db = await openTestDatabase(driver);
    wib = await createTenant(db, 'Asia/Jakarta');
    wit = await createTenant(db, 'Asia/Jayapura');
    // Two scheduler/worker instances sharing one database, as two processes would.
    instances = [1, 2].map(() => createScheduler({ db, tenants: tenantDirectoryOf(db), clock, logger, metrics: new Registry(), jobs: withSpecWorkers([dailyIsolation]) }));
  });
  afterAll(() => db?.drop());

  /** Both instances look for due slots and run what they find, concurrently. */
  const bothInstancesPass = () => Promise.all(instances.map(async (s) => (await s.tick(), await s.runPending())));

  // Steps the clock through many slots with two scheduler instances: seconds on an idle machine, more on a loaded one.
  it('should run a daily 00:05 job once per tenant per day with two instances, WIT two hours before WIB', { timeout: 90_000 }, async () => {
    await bothInstancesPass(); // at start: the latest missed slot (today 00:05) runs once
    runs.length = 0;
    clock.set('2026-11-24T14:00:00Z');
    while (clock.now() < new Date('2026-11-26T12:00:00Z')) {
      clock.advance(minutes(5));
      await bothInstancesPass();
    }
    const ranAt = (tenant: string) => runs.filter((r) => r.tenantId === tenant).map((r) => r.ranAt);
    // 00:05 WIT = 15:05 UTC, 00:05 WIB = 17:05 UTC.
    expect(ranAt(wit)).toEqual(['2026-11-24T15:05:00.000Z', '2026-11-25T15:05:00.000Z']);
    expect(ranAt(wib)).toEqual(['2026-11-24T17:05:00.000Z', '2026-11-25T17:05:00.000Z']);
  });

  it('should run only the latest missed slot once after downtime', async () => {
    runs.length = 0;
    clock.set('2026-11-30T03:00:00Z'); // four days later: four slots were missed per tenant
    await bothInstancesPass();
    await bothInstancesPass();
    expect(runs.map((r) => r.slot).sort()).toEqual(['2026-11-29T15:05:00.000Z', '2026-11-29T17:05:00.000Z']);
  });

  it('should prune finished runs past the retention without running their slots again', async () => {
    const count = async () => (await sql<{ n: number }>`select count(*)::int as n from job_runs where job_name = 'auto_isolir_worker'`.execute(db.owner)).rows[0].n;
    const before = await count();
    expect(before).toBeGreaterThan(0);
    runs.length = 0;
    clock.set('2026-12-20T03:00:00Z'); // three weeks on: every earlier run is past the 14 days
    await bothInstancesPass();
    expect(await count()).toBe(2); // only the new slot of each tenant is left
    expect(runs.map((r) => r.slot).sort()).toEqual(['2026-12-19T15:05:00.000Z', '2026-12-19T17:05:00.000Z']);
  });

  it('should register every spec worker, each recording that its body is not built yet', async () => {
    const names = instances[0].listJobs().map((j) => j.name);
    expect(names.sort()).toEqual([dailyIsolation.name, ...specWorkerPlaceholders.map((j) => j.name)].sort());
    const [run] = await instances[0].runJobNow({ jobName: 'purge_collector_logs_worker', tenantIds: [wib] });
    await instances[1].runPending([run.id]);
    const [done] = await instances[0].getRuns([run.id]);
    expect(done).toMatchObject({ status: 'succeeded', trigger: 'manual', progress: { message: expect.stringMatching(/^no-op until/) } });
  });

  it('should run a job now for every active tenant and report its progress', async () => {
    const progress: number[] = [];
    const scheduler = createScheduler({
      db, tenants: tenantDirectoryOf(db), clock, logger, metrics: new Registry(),
      jobs: [defineJob({
        name: 'test.count-to-three', cron: '0 0 1 1 *', description: 'reports progress three times',
        async run(ctx) {
          for (let done = 1; done <= 3; done++) {
            await ctx.reportProgress({ done, total: 3, message: `step ${done}` });
            const own = (await scheduler.listRuns({ jobName: 'test.count-to-three' })).find((r) => r.tenantId === ctx.tenantId)!;
            progress.push(own.progress.done);
          }
        },
      })],
    });
    const queued = await scheduler.runJobNow({ jobName: 'test.count-to-three' });
    expect(queued.map((r) => r.tenantId).sort()).toEqual([wib, wit].sort());
    expect(queued.every((r) => r.status === 'pending')).toBe(true);
    expect(await scheduler.runPending()).toBe(2);
    expect(progress).toEqual([1, 2, 3, 1, 2, 3]);
    const finished = await scheduler.getRuns(queued.map((r) => r.id));
    expect(finished.map((r) => [r.status, r.progress])).toEqual([
      ['succeeded', { done: 3, total: 3, message: 'step 3' }],
      ['succeeded', { done: 3, total: 3, message: 'step 3' }],
    ]);
  });

  it('should refuse to run a job that does not exist', async () => {
    await expect(instances[0].runJobNow({ jobName: 'no_such_worker' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('should skip a suspended tenant and run nothing for it', async () => {
    await sql`update tenants set status = 'suspended' where id = ${wit}`.execute(db.owner);
    runs.length = 0;
    clock.set('2026-12-01T18:00:00Z');
    await bothInstancesPass();
    expect(runs.map((r) => r.tenantId)).toEqual([wib]);
    await sql`update tenants set status = 'active' where id = ${wit}`.execute(db.owner);
  });
});
