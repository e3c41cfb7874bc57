import type { Clock } from '../clock.ts';
import type { Database } from './database.ts';

/**
 * The longest a cached resolution lives. It bounds staleness only when a change signal is lost
 * (another process whose every pooled connection was closed or busy when it was sent); a signal
 * that arrives empties the cache at once.
 */
export const ACCESS_CACHE_MAX_AGE_MS = 15_000;

export type AccessCache<V> = {
  /** The cached value of `key`, or `resolve()`'s, kept until the first of: an access change, `until`, the max age. */
  get(key: string, resolve: () => Promise<{ value: V; until?: Date } | null>): Promise<V | null>;
};

/**
 * A per-process cache of what request-time checks resolve from the database (who a session is,
 * what a tenant's subscription allows), emptied whenever the database signals an access change
 * (`db.onAccessChanged`). A resolution that started before a change is not stored: it may have
 * read the old rows. Nothing is stored for a null (unknown tokens would only fill it).
 */
export function createAccessCache<V>(deps: { db: Database; clock: Clock; maxEntries?: number; maxAgeMs?: number }): AccessCache<V> {
  const maxEntries = deps.maxEntries ?? 10_000;
  const maxAgeMs = deps.maxAgeMs ?? ACCESS_CACHE_MAX_AGE_MS;
  const entries = new Map<string, { value: V; until: number }>();
  let generation = 0;
  deps.db.onAccessChanged(() => {
    generation += 1;
    entries.clear();
  });

  return {
    async get(key, resolve) {
      const now = deps.clock.now().getTime();
      const hit = entries.get(key);
      if (hit && now < hit.until) return hit.value;
      if (hit) entries.delete(key);
      const started = generation;
      const resolved = await resolve();
      if (!resolved) return null;
      const until = Math.min(now + maxAgeMs, resolved.until?.getTime() ?? Infinity);
      if (started === generation && now < until) {
        // The oldest entry makes room (a Map iterates in insertion order).
        if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
        entries.set(key, { value: resolved.value, until });
      }
      return resolved.value;
    },
  };
}
