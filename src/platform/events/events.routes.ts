import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { HttpServer } from '../http/server.ts';
import type { EventOperations } from './event-operations.ts';

const FailureSchema = z.object({
  handlerId: z.string(),
  eventId: z.string(),
  tenantId: z.string(),
  eventType: z.string(),
  status: z.enum(['retrying', 'dead']),
  attempts: z.number(),
  errorKind: z.enum(['retryable', 'permanent', 'lost']),
  lastError: z.string(),
  firstFailedAt: z.string(),
  lastFailedAt: z.string(),
});
const QueueStatsSchema = z.object({ handlerId: z.string(), waiting: z.number(), inFlight: z.number() });

/**
 * Operator routes for the event bus under /api/admin/events. `authorize` throws unless the caller
 * may operate the platform (the super admin); responses carry ids and reasons, never event data.
 */
export const eventsRoutes = (operations: EventOperations, authorize: (request: FastifyRequest) => unknown) => async (app: HttpServer) => {
  const tags = ['events'];
  app.addHook('preHandler', async (request) => {
    authorize(request);
  });

  app.get('/api/admin/events/topics', {
    schema: {
      tags,
      summary: 'Topics, their event types and the handlers of each',
      response: {
        200: z.array(z.object({
          topic: z.string(),
          events: z.array(z.object({ type: z.string(), version: z.number(), handlers: z.array(z.string()) })),
        })),
      },
    },
  }, async () => operations.listTopics());

  app.get('/api/admin/events/handlers', {
    schema: {
      tags,
      summary: 'Handlers with their retry policy, waiting and in-flight deliveries, retries and dead letters',
      response: {
        200: z.array(z.object({
          id: z.string(),
          on: z.array(z.string()),
          maxAttempts: z.number(),
          retryDelaySeconds: z.number(),
          retryDelayMaxSeconds: z.number(),
          ordered: z.boolean(),
          waiting: z.number(),
          inFlight: z.number(),
          retrying: z.number(),
          dead: z.number(),
        })),
      },
    },
  }, async () => operations.listHandlers());

  app.get('/api/admin/events/backlog', {
    schema: {
      tags,
      summary: 'Events committed but not yet relayed, the lag of the oldest, and each handler’s queue',
      response: { 200: z.object({ unrelayed: z.number(), lagSeconds: z.number(), handlers: z.array(QueueStatsSchema) }) },
    },
  }, async () => operations.getBacklog());

  app.get('/api/admin/events/failures', {
    schema: {
      tags,
      summary: 'Deliveries being retried, or dead letters, with their reasons',
      querystring: z.object({
        status: z.enum(['retrying', 'dead']).default('dead'),
        handlerId: z.string().optional(),
        limit: z.coerce.number().int().min(1).max(1000).default(100),
      }),
      response: { 200: z.array(FailureSchema) },
    },
  }, async (request) => operations.listFailures(request.query));

  app.post('/api/admin/events/dead-letters/replay', {
    schema: {
      tags,
      summary: 'Send dead letters to their handler again: one (handlerId + eventId) or in bulk (any filter, or all: true)',
      body: z
        .object({
          handlerId: z.string().optional(),
          eventId: z.uuid().optional(),
          eventType: z.string().optional(),
          all: z.boolean().optional(),
          limit: z.number().int().min(1).max(10_000).optional(),
        })
        .refine((b) => b.handlerId || b.eventId || b.eventType || b.all, { message: 'Choose handlerId, eventId, eventType, or all: true' }),
      response: { 200: z.object({ replayed: z.number() }) },
    },
  }, async (request) => operations.replayDeadLetters(request.body));
};
