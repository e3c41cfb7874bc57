import { z } from 'zod';

/**
 * The query of a list a page at a time: `limit` (a default, and a maximum above which the request
 * is refused with 400 VALIDATION_FAILED naming `limit`, never clamped) and `offset`.
 * Spread into a route's querystring: `z.object({ ...pageQuery(100, 500), status: … })`.
 * `test/bounded-lists.test.ts` fails on a list route without such a `limit`.
 */
export const pageQuery = (defaultLimit: number, maxLimit: number) => ({
  limit: z.coerce.number().int().min(1).max(maxLimit).default(defaultLimit).describe(`How many (default ${defaultLimit}, at most ${maxLimit}; more is refused)`),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0).describe('How many to skip (stable order)'),
});

export type Page = { limit: number; offset: number };
