import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { pino } from 'pino';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, tenantDirectoryOf, type TestDatabase } from '../../../test/harness.ts';
import { ManualClock } from '../clock.ts';
import type { TenantId } from '../db/database.ts';
import { AppError, AppErrorCode } from '../errors/app-error.ts';
import { installErrorHandling } from '../http/errors.ts';
import type { HttpServer } from '../http/server.ts';
import { defineJob } from '../jobs/job-definition.ts';
import { jobsRoutes } from '../jobs/jobs.routes.ts';
import { runJobNowCommand } from '../jobs/jobs.cli.ts';
import { createScheduler } from '../jobs/scheduler.ts';
import { defineHandler, PermanentError } from './event-handler.ts';
import { replayDeadLettersCommand } from './events.cli.ts';
import { eventsRoutes } from './events.routes.ts';
import { createEffectsTable, createTenant, createTestBus, effectsOf, eventually, testEvents } from './test-support.ts';

describe('operator routes and commands (PGlite)', () => {
  let db: TestDatabase;
  let tenant: TenantId;
  let app: HttpServer;
  let bus: ReturnType<typeof createTestBus>['bus'];
  let scheduler: ReturnType<typeof createScheduler>;
  let isGatewayUp = false;
  const isSuperAdmin = (request: { headers: Record<string, unknown> }) => {
    if (request.headers['x-test-admin'] !== 'yes') throw new AppError(AppErrorCode.FORBIDDEN, 'Platform operators only');
  };
  const notify = defineHandler(testEvents, {
    id: 'notifications.send-step',
    on: ['test.step.recorded'],
    async handle(event, { trx }) {
      if (!isGatewayUp) throw new PermanentError('WhatsApp gateway rejected the number');
      await sql`insert into test_effects (tenant_id, handler_id, event_id) values (${event.tenantId}, 'notifications.send-step', ${event.id})`.execute(trx);
    },
  });

  beforeAll(async () => {
    db = await openTestDatabase('pglite');
    await createEffectsTable(db);
    tenant = await createTenant(db);
    bus = createTestBus({ db, transport: 'postgres', handlers: [notify] }).bus;
    await bus.start({ consume: true, relay: true });
    scheduler = createScheduler({
      db, tenants: tenantDirectoryOf(db), clock: new ManualClock('2026-11-24T00:00:00Z'), logger: pino({ level: 'silent' }), metrics: new Registry(),
      jobs: [defineJob({ name: 'test.two-steps', cron: '0 3 * * *', description: 'two steps', run: async (ctx) => {
        await ctx.reportProgress({ done: 1, total: 2, message: 'half way' });
        await ctx.reportProgress({ done: 2, total: 2, message: 'done' });
      } })],
    });
    app = Fastify().withTypeProvider<ZodTypeProvider>() as unknown as HttpServer;
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    installErrorHandling(app);
    await app.register(eventsRoutes(bus.operations, isSuperAdmin));
    await app.register(jobsRoutes(scheduler, isSuperAdmin));
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await bus?.stop();
    await db?.drop();
  });

  const admin = { 'x-test-admin': 'yes' };

  it('should show a dead letter with its reason and replay it through the API', async () => {
    const event = await db.tenant(tenant, (trx) => bus.publish(trx, 'test.step.recorded', { label: 'wa', n: 1 }));
    const dead = await eventually(async () => {
      const response = await app.inject({ method: 'GET', url: '/api/admin/events/failures?status=dead', headers: admin });
      return response.json().length > 0 && response.json();
    });
    expect(dead).toEqual([expect.objectContaining({
      handlerId: 'notifications.send-step', eventId: event.id, attempts: 1, errorKind: 'permanent',
      lastError: 'PermanentError: WhatsApp gateway rejected the number',
    })]);
    const handlers = await app.inject({ method: 'GET', url: '/api/admin/events/handlers', headers: admin });
    expect(handlers.json()).toEqual([expect.objectContaining({ id: 'notifications.send-step', dead: 1, retrying: 0 })]);

    isGatewayUp = true;
    const replay = await app.inject({ method: 'POST', url: '/api/admin/events/dead-letters/replay', headers: admin, payload: { eventId: event.id } });
    expect(replay.json()).toEqual({ replayed: 1 });
    await eventually(() => effectsOf(db, 'notifications.send-step').then((rows) => rows.length === 1));
  });

  it('should refuse operators-only routes to anyone else, and a replay with no selection', async () => {
    const forbidden = await app.inject({ method: 'GET', url: '/api/admin/events/backlog' });
    expect(forbidden.statusCode).toBe(403);
    const unselected = await app.inject({ method: 'POST', url: '/api/admin/events/dead-letters/replay', headers: admin, payload: {} });
    expect(unselected.statusCode).toBe(400);
    const unknown = await app.inject({ method: 'POST', url: '/api/admin/events/dead-letters/replay', headers: admin, payload: { eventId: crypto.randomUUID() } });
    expect(unknown.statusCode).toBe(404);
  });

  it('should run a job now through the API and report its progress', async () => {
    const started = await app.inject({ method: 'POST', url: '/api/admin/jobs/test.two-steps/runs', headers: admin, payload: {} });
    expect(started.statusCode).toBe(202);
    const [run] = started.json();
    expect(run).toMatchObject({ jobName: 'test.two-steps', tenantId: tenant, status: 'pending', trigger: 'manual' });
    await scheduler.runPending();
    const finished = await app.inject({ method: 'GET', url: `/api/admin/jobs/runs/${run.id}`, headers: admin });
    expect(finished.json()).toMatchObject({ status: 'succeeded', progress: { done: 2, total: 2, message: 'done' } });
    const unknownJob = await app.inject({ method: 'POST', url: '/api/admin/jobs/no_such_job/runs', headers: admin, payload: {} });
    expect(unknownJob.statusCode).toBe(404);
  });

  it('should replay dead letters and run a job from the command line', async () => {
    const lines: string[] = [];
    expect(await replayDeadLettersCommand(bus.operations, [], (line) => lines.push(line))).toBe(2);
    expect(await replayDeadLettersCommand(bus.operations, ['--all'], (line) => lines.push(line))).toBe(0);
    expect(lines.at(-1)).toBe('Replayed 0 dead letters.');
    expect(await runJobNowCommand(scheduler, ['test.two-steps'], (line) => lines.push(line))).toBe(0);
    expect(lines.at(-1)).toBe(`${tenant} succeeded 2/2 done`);
  });
});
