import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError, AppErrorCode } from '../errors/app-error.ts';
import type { HttpServer } from '../http/server.ts';
import type { Scheduler } from './scheduler.ts';

const JobRunSchema = z.object({
  id: z.string(),
  jobName: z.string(),
  tenantId: z.string(),
  slot: z.string(),
  trigger: z.enum(['schedule', 'manual']),
  status: z.enum(['pending', 'running', 'succeeded', 'failed', 'skipped']),
  attempts: z.number(),
  progress: z.object({ done: z.number(), total: z.number().nullable(), message: z.string().nullable() }),
  error: z.string().nullable(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});

/** Operator routes for scheduled jobs under /api/admin/jobs; `authorize` throws unless the caller may operate the platform. */
export const jobsRoutes = (scheduler: Scheduler, authorize: (request: FastifyRequest) => unknown) => async (app: HttpServer) => {
  const tags = ['jobs'];
  app.addHook('preHandler', async (request) => {
    authorize(request);
  });

  app.get('/api/admin/jobs', {
    schema: {
      tags,
      summary: 'Scheduled jobs and their cron expressions (evaluated in each tenant’s time zone)',
      response: { 200: z.array(z.object({ name: z.string(), cron: z.string(), description: z.string() })) },
    },
  }, async () => scheduler.listJobs());

  app.post('/api/admin/jobs/:name/runs', {
    schema: {
      tags,
      summary: 'Run a job now for some tenants (default: every active tenant); poll the runs for progress',
      params: z.object({ name: z.string() }),
      body: z.object({ tenantIds: z.array(z.uuid()).min(1).optional() }).default({}),
      response: { 202: z.array(JobRunSchema) },
    },
  }, async (request, reply) => reply.status(202).send(await scheduler.runJobNow({ jobName: request.params.name, tenantIds: request.body.tenantIds })));

  app.get('/api/admin/jobs/runs', {
    schema: {
      tags,
      summary: 'Recent runs with status and progress',
      querystring: z.object({ jobName: z.string().optional(), limit: z.coerce.number().int().min(1).max(1000).default(100) }),
      response: { 200: z.array(JobRunSchema) },
    },
  }, async (request) => scheduler.listRuns(request.query));

  app.get('/api/admin/jobs/runs/:id', {
    schema: { tags, summary: 'One run, for following its progress', params: z.object({ id: z.uuid() }), response: { 200: JobRunSchema } },
  }, async (request) => {
    const [run] = await scheduler.getRuns([request.params.id]);
    if (!run) throw new AppError(AppErrorCode.NOT_FOUND, `No job run ${request.params.id}`);
    return run;
  });
};
