import type { ServerResponse } from 'node:http';
import type { FastifyRequest } from 'fastify';
import type { HttpServer } from '../http/server.ts';
import type { LiveFeed, LiveViewer } from './live-feed.ts';

const HEARTBEAT_MS = 25_000; // below common proxy idle timeouts (30–60 s)

/**
 * GET /api/live: the caller's tenant's events as server-sent events, for pages that update
 * without reload. `resolveViewer` authorises the caller (any staff member of the tenant) and says
 * which event types they may read; the permissions of the moment the stream opens hold for it.
 */
export const liveRoutes = (feed: LiveFeed, resolveViewer: (request: FastifyRequest) => LiveViewer) => async (app: HttpServer) => {
  // Open streams never end by themselves: end them so the server can shut down.
  const open = new Set<ServerResponse>();
  app.addHook('preClose', async () => {
    for (const res of open) res.end();
  });
  app.get('/api/live', { schema: { tags: ['events'], summary: 'Server-sent events of my tenant that my permissions may read (event: <type>, data: {type, data, occurredAt})' } }, async (request, reply) => {
    const viewer = resolveViewer(request);
    reply.hijack();
    const res = reply.raw;
    // Subscribe before answering: an event committed right after the client sees the stream open is not lost.
    // The feed hands a page of events over in one synchronous run: they leave in one write.
    let pending: string[] = [];
    const unsubscribe = await feed.subscribe(viewer, (event) => {
      const frame = `id: ${event.id}\nevent: ${event.type}\ndata: ${JSON.stringify({ type: event.type, data: event.data, occurredAt: event.occurredAt })}\n\n`;
      if (pending.push(frame) > 1) return;
      queueMicrotask(() => {
        res.write(pending.join(''));
        pending = [];
      });
    });
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no', // nginx: don't buffer the stream
      'x-request-id': request.id,
    });
    open.add(res);
    res.write('retry: 3000\n\n');
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
    request.raw.on('close', () => {
      open.delete(res);
      clearInterval(heartbeat);
      void unsubscribe();
    });
  });
};
