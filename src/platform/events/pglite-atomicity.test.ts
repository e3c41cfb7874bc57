import { sql } from 'kysely';
import { PgBoss, fromPglite } from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../test/harness.ts';
import type { TenantId } from '../db/database.ts';
import { defineHandler } from './event-handler.ts';
import { createEffectsTable, createTenant, createTestBus, effectsOf, eventually, testEvents } from './test-support.ts';

describe('postgres transport on PGlite, which has a single session', () => {
  let db: TestDatabase;
  let tenant: TenantId;
  let bus: ReturnType<typeof createTestBus>['bus'];
  let probe: PgBoss;
  const recorder = defineHandler(testEvents, {
    id: 'test.recorder',
    on: ['test.step.recorded'],
    async handle(event, { trx }) {
      await sql`insert into test_effects (tenant_id, handler_id, event_id, label)
        values (${event.tenantId}, 'test.recorder', ${event.id}, ${event.data.label})`.execute(trx);
    },
  });

  beforeAll(async () => {
    db = await openTestDatabase('pglite');
    await createEffectsTable(db);
    tenant = await createTenant(db);
    bus = createTestBus({ db, transport: 'postgres', handlers: [recorder] }).bus;
    await bus.start({ consume: true, relay: true });
    // A second pg-boss on the same PGlite, to issue statements while a transaction is open.
    probe = new PgBoss({ db: fromPglite(db.pglite!), backend: 'pglite', supervise: false, schedule: false });
    await probe.start();
    await probe.createQueue('atomicity-probe');
  });
  afterAll(async () => {
    await probe?.stop({ graceful: false, close: false });
    await bus?.stop();
    await db?.drop();
  });

  it('should keep an open application transaction whole while pg-boss works on the same instance', async () => {
    let probeSend: Promise<string | null> | undefined;
    const held = db.tenant(tenant, async (trx) => {
      await bus.publish(trx, 'test.step.recorded', { label: 'held-open', n: 0 });
      // Statements pg-boss issues now (a send, its workers' polling) must wait for this
      // transaction, not run inside it under our role and tenant.
      probeSend = probe.send('atomicity-probe', { at: 'during' });
      await new Promise((resolve) => setTimeout(resolve, 700));
      throw new Error('roll back');
    });
    await expect(held).rejects.toThrow('roll back');
    const probeId = await probeSend!;
    // Had the send run inside our transaction, our rollback would have erased its job.
    expect(await probe.findJobs('atomicity-probe', { id: probeId! })).toHaveLength(1);
    await db.tenant(tenant, (trx) => bus.publish(trx, 'test.step.recorded', { label: 'after', n: 1 }));
    await eventually(() => effectsOf(db, 'test.recorder').then((rows) => rows.length > 0));
    expect((await effectsOf(db, 'test.recorder')).map((e) => e.label)).toEqual(['after']);
  });
});
