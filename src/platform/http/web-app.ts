import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { HttpServer } from './server.ts';

/** Where `npm run build:web` writes the web app (vite.config.ts in web/). */
export const webDistDir = fileURLToPath(new URL('../../../web/dist', import.meta.url));

const notBuiltMessage =
  'Simpul is running, but its web app has not been built yet.\n' +
  'Run `npm run build:web` (or restart with `npm start`, which builds it when missing), then reload this page.\n' +
  'The API answers meanwhile: see /docs.\n';

/**
 * Serves the single-page web app from the same origin as the API: hashed assets under
 * /assets/ (cached for good), index.html at `/` and, for the app's own client-side routes
 * (/customers/…, /invoices/…), at any other address a browser opens. API addresses keep
 * their JSON 404/405 answers: the fallback applies only to GET/HEAD outside /api that accept
 * HTML and match no route.
 */
export async function registerWebApp(app: HttpServer, options: { distDir: string }) {
  const indexFile = join(options.distDir, 'index.html');
  const built = existsSync(indexFile);

  if (built) {
    await app.register(fastifyStatic, {
      root: join(options.distDir, 'assets'),
      prefix: '/assets/',
      // File names carry a content hash: a new build means new names.
      immutable: true,
      maxAge: '365d',
      index: false,
      decorateReply: false,
    });
  }

  const sendApp = async (_request: FastifyRequest, reply: FastifyReply) => {
    if (!built) return reply.status(503).type('text/plain; charset=utf-8').send(notBuiltMessage);
    // Read per request: cheap, and a rebuild while running is picked up without a restart.
    return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(await readFile(indexFile));
  };

  app.get('/', { schema: { hide: true } }, sendApp);

  app.addHook('onRequest', async (request, reply) => {
    if (!request.is404 || (request.method !== 'GET' && request.method !== 'HEAD')) return;
    const path = request.url.split('?')[0];
    if (path === '/api' || path.startsWith('/api/') || path.startsWith('/assets/')) return;
    if (!request.headers.accept?.includes('text/html')) return;
    return sendApp(request, reply);
  });
}
