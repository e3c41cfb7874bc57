import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../clock.ts';
import { createLogger } from '../logging/logger.ts';
import { createMetricsRegistry } from '../metrics.ts';
import { createHttpServer, type HttpServer } from './server.ts';
import { registerWebApp } from './web-app.ts';

const html = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };

async function serverWithWebApp(distDir: string): Promise<HttpServer> {
  const app = await createHttpServer({
    logger: createLogger({ level: 'silent' }),
    metrics: createMetricsRegistry(),
    bodyLimitBytes: 1024,
    publicRateLimitPerMinute: 100,
    clock: systemClock,
    version: 'test',
    authenticate: async () => ({ userId: 'someone' }),
    readiness: {},
  });
  app.get('/api/things', async () => ({ things: [] }));
  await registerWebApp(app, { distDir });
  await app.ready();
  return app;
}

describe('the web app served beside the API', () => {
  let dist: string;
  let built: HttpServer;
  let unbuilt: HttpServer;

  beforeAll(async () => {
    dist = await mkdtemp(join(tmpdir(), 'simpul-web-dist-'));
    await mkdir(join(dist, 'assets'));
    await writeFile(join(dist, 'index.html'), '<!doctype html><title>Simpul</title><div id="root"></div>');
    await writeFile(join(dist, 'assets', 'index-abc123.js'), 'console.log("simpul")');
    built = await serverWithWebApp(dist);
    unbuilt = await serverWithWebApp(join(dist, 'missing'));
  });
  afterAll(async () => {
    await built?.close();
    await unbuilt?.close();
    await rm(dist, { recursive: true, force: true });
  });

  it('should serve the app at / and at its client-side addresses a browser opens', async () => {
    for (const url of ['/', '/customers/0193a1b2-0000-7000-8000-000000000001', '/invoices?status=unpaid']) {
      const res = await built.inject({ method: 'GET', url, headers: html });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.body).toContain('<div id="root">');
    }
  });

  it('should serve hashed assets with long-lived caching', async () => {
    const res = await built.inject({ method: 'GET', url: '/assets/index-abc123.js' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toContain('immutable');
  });

  it('should keep the JSON error shape for the API and for requests that are not page loads', async () => {
    const apiMiss = await built.inject({ method: 'GET', url: '/api/nothing-here', headers: html });
    expect(apiMiss.statusCode).toBe(404);
    expect(apiMiss.json().error.code).toBe('ROUTE_NOT_FOUND');

    const wrongMethod = await built.inject({ method: 'POST', url: '/api/things', headers: html });
    expect(wrongMethod.statusCode).toBe(405);
    expect(wrongMethod.json().error.code).toBe('METHOD_NOT_ALLOWED');

    const notAPageLoad = await built.inject({ method: 'GET', url: '/customers', headers: { accept: 'application/json' } });
    expect(notAPageLoad.statusCode).toBe(404);
    expect(notAPageLoad.json().error.code).toBe('ROUTE_NOT_FOUND');

    const postToPage = await built.inject({ method: 'POST', url: '/customers', headers: html, payload: {} });
    expect(postToPage.statusCode).toBe(404);
  });

  it('should say how to build the app when it has not been built', async () => {
    const res = await unbuilt.inject({ method: 'GET', url: '/', headers: html });
    expect(res.statusCode).toBe(503);
    expect(res.body).toContain('npm run build:web');
    const api = await unbuilt.inject({ method: 'GET', url: '/api/things' });
    expect(api.json()).toEqual({ things: [] });
  });
});
