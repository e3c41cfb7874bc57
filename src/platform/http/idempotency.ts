import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import { z } from 'zod';
import type { Clock } from '../clock.ts';
import type { Database, TenantId, Tx } from '../db/database.ts';
import { AppError } from '../errors/app-error.ts';

/** How long a key answers with its first response. */
export const IDEMPOTENCY_KEY_TTL_MS = 24 * 60 * 60 * 1000;
/** Expired keys deleted per stored answer: pruning stays a small, bounded part of each request. */
const PRUNE_BATCH = 100;

/**
 * The route's `headers` schema for a money-moving POST (documents the header in OpenAPI).
 * Loose: the validated object replaces `request.headers`, so every other header must stay.
 */
export const IdempotencyKeyHeaders = z.looseObject({
  'idempotency-key': z
    .string()
    .regex(/^[\x21-\x7e]{1,255}$/, 'an Idempotency-Key is 1 to 255 visible ASCII characters, e.g. a UUID')
    .optional()
    .describe('Send the same key when retrying: a retry returns the first answer (with Idempotent-Replayed: true) instead of doing the work again. Kept 24 hours.'),
});

type Outcome = { status: number; body: string; replayed: boolean };

/**
 * Money-moving POSTs opt in with `respondOnce(request, reply, actor, status, effect)`: the effect
 * runs in a tenant transaction and, when the request carries an `Idempotency-Key`, its answer
 * is stored in that same transaction, so "paid" and "the answer to this key" commit together.
 *
 * - same key, same request → the stored status and bytes, with `Idempotent-Replayed: true`;
 * - same key, other request → 422 IDEMPOTENCY_KEY_REUSED;
 * - same key while the first is still running → 409 IDEMPOTENCY_REQUEST_IN_FLIGHT (retry later);
 * - a refused request (4xx) stores nothing: the key stays free for a corrected retry.
 */
export function createIdempotency(deps: { db: Database; clock: Clock }) {
  const { db, clock } = deps;

  return async function respondOnce<T>(
    request: FastifyRequest,
    reply: FastifyReply,
    actor: { tenantId: TenantId; userId: string },
    status: number,
    effect: (trx: Tx) => Promise<T>,
  ): Promise<FastifyReply> {
    const key = request.headers['idempotency-key'];
    if (typeof key !== 'string') return reply.code(status).send(await db.tenant(actor.tenantId, effect, { userId: actor.userId }));

    const route = `${request.method} ${request.routeOptions.url}`;
    // Params and body are zod's output (keys in schema order, defaults filled in), so the same
    // request hashes the same whatever key order or optional defaults the client sent.
    const requestHash = createHash('sha256').update(JSON.stringify({ params: request.params, query: request.query, body: request.body })).digest('hex');

    const outcome = await db.tenant(
      actor.tenantId,
      async (trx): Promise<Outcome> => {
        // Non-blocking: a duplicate arriving while the first still runs is told so at once
        // instead of waiting on it (and holding a connection) until it ends.
        const { rows: lock } = await sql<{ locked: boolean }>`
          select pg_try_advisory_xact_lock(hashtext(${`idempotency:${actor.tenantId}:${actor.userId}:${route}`}), hashtext(${key})) as locked`.execute(trx);
        if (!lock[0].locked) {
          throw new AppError('IDEMPOTENCY_REQUEST_IN_FLIGHT', 'A request with this Idempotency-Key is still being processed; retry shortly to get its answer.', {
            retryAfterSeconds: 1,
          });
        }
        const now = clock.now();
        const { rows: stored } = await sql<{ request_hash: string; status: number; response_body: string }>`
          select request_hash, status, response_body from http_idempotency_keys
          where tenant_id = app_tenant_id() and user_id = ${actor.userId} and route = ${route} and key = ${key} and expires_at > ${now}`.execute(trx);
        if (stored[0]) {
          if (stored[0].request_hash !== requestHash) {
            throw new AppError('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was already used for a different request; send a new key for a new request.', {
              header: 'idempotency-key',
            });
          }
          return { status: stored[0].status, body: stored[0].response_body, replayed: true };
        }

        const result = await effect(trx);
        // The route's own response serializer, so a replay sends exactly the bytes sent now.
        const body = String(reply.code(status).serialize(result));
        await sql`delete from http_idempotency_keys where (user_id, route, key) in (
            select user_id, route, key from http_idempotency_keys where tenant_id = app_tenant_id() and expires_at <= ${now}
            limit ${PRUNE_BATCH} for update skip locked)`.execute(trx);
        // An expired row of the same key (not yet pruned) is replaced.
        await sql`insert into http_idempotency_keys (tenant_id, user_id, route, key, request_hash, status, response_body, created_at, expires_at)
          values (app_tenant_id(), ${actor.userId}, ${route}, ${key}, ${requestHash}, ${status}, ${body}, ${now},
                  ${new Date(now.getTime() + IDEMPOTENCY_KEY_TTL_MS)})
          on conflict (tenant_id, user_id, route, key) do update
            set request_hash = excluded.request_hash, status = excluded.status, response_body = excluded.response_body,
                created_at = excluded.created_at, expires_at = excluded.expires_at`.execute(trx);
        return { status, body, replayed: false };
      },
      { userId: actor.userId },
    );
    if (outcome.replayed) reply.header('idempotent-replayed', 'true');
    // A string with a JSON content type is sent as is (already serialized).
    return reply.code(outcome.status).type('application/json; charset=utf-8').send(outcome.body);
  };
}

export type RespondOnce = ReturnType<typeof createIdempotency>;
