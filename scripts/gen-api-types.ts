import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { createApp } from '../src/composition-root.ts';
import { systemClock } from '../src/platform/clock.ts';
import { createSecretBox } from '../src/platform/crypto/secret-box.ts';
import { openDatabase } from '../src/platform/db/database.ts';
import { createLogger } from '../src/platform/logging/logger.ts';

/**
 * The web's API types come from the server's own OpenAPI document, never from hand copies.
 *
 *   npm run gen:api     rewrites web/src/api/schema.d.ts
 *
 * The app is built in-process on an empty in-memory PGlite (nothing listens, nothing is written
 * anywhere else); test/web-types.test.ts fails when the committed file differs from a fresh run.
 */
export const schemaFile = fileURLToPath(new URL('../web/src/api/schema.d.ts', import.meta.url));

const header = '/**\n * Generated from /openapi.json by `npm run gen:api` (scripts/gen-api-types.ts). Do not edit.\n */\n\n';

/** The OpenAPI document exactly as GET /openapi.json serves it. */
export async function buildOpenApiDocument(): Promise<Record<string, unknown>> {
  const db = await openDatabase({ driver: 'pglite' });
  const app = await createApp({
    db,
    clock: systemClock,
    logger: createLogger({ level: 'silent' }),
    secrets: createSecretBox(randomBytes(32)),
    config: {
      http: { port: 0, host: '127.0.0.1', publicUrl: undefined, bodyLimitBytes: 64 * 1024, publicRateLimitPerMinute: 60, trustProxy: false },
      identity: { sessionTtlHours: 24, cookieSecure: false, loginMaxFailures: 5, loginWindowMinutes: 15 },
      events: { transport: 'postgres', redisUrl: undefined, redisKeyPrefix: 'simpul', databaseUrl: undefined },
    },
  });
  try {
    return app.http.swagger() as unknown as Record<string, unknown>;
  } finally {
    await app.close();
    await db.close();
  }
}

/** The text of web/src/api/schema.d.ts for the current routes. */
export async function generateApiTypes(): Promise<string> {
  const ast = await openapiTS(structuredClone(await buildOpenApiDocument()) as never, { alphabetize: true });
  return header + astToString(ast);
}

export async function readCommittedApiTypes(): Promise<string> {
  return readFile(schemaFile, 'utf8').catch(() => '');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await writeFile(schemaFile, await generateApiTypes());
  console.log(`wrote ${schemaFile}`);
}
