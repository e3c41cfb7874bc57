import pg from 'pg';
import type { Database } from './database.ts';

export type Listen = (onNotify: () => void) => Promise<() => Promise<void>>;

/**
 * Subscribes to a PostgreSQL NOTIFY channel: on PGlite in-process, on a server over a dedicated
 * connection (`listenUrl`; without one, callers only poll). A dropped listener only costs
 * latency: every user of this also polls.
 */
export function listenTo(db: Database, channel: string, listenUrl: string | undefined): Listen | undefined {
  if (db.pglite) {
    const pglite = db.pglite;
    return async (onNotify) => pglite.listen(channel, onNotify);
  }
  if (!listenUrl) return undefined;
  return async (onNotify) => {
    const client = new pg.Client({ connectionString: listenUrl });
    await client.connect();
    client.on('notification', onNotify);
    client.on('error', () => undefined);
    await client.query(`listen ${pg.escapeIdentifier(channel)}`);
    return () => client.end();
  };
}
