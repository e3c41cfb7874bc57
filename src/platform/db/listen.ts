import pg from 'pg';
import { reconnectDelayMs } from './connection-errors.ts';
import type { Database } from './database.ts';

export type Listen = (onNotify: () => void) => Promise<() => Promise<void>>;

/**
 * Subscribes to a PostgreSQL NOTIFY channel: on PGlite in-process, on a server over a dedicated
 * connection (`listenUrl`; without one, callers only poll). A dropped listener only costs
 * latency (every user of this also polls), so the subscription never fails: a connection that
 * can't be opened or is lost (server restart, terminated backend) is opened again with backoff,
 * LISTEN is issued again, and `onNotify` is called once, for whatever was committed meanwhile.
 */
export function listenTo(db: Database, channel: string, listenUrl: string | undefined): Listen | undefined {
  if (db.pglite) {
    const pglite = db.pglite;
    return async (onNotify) => pglite.listen(channel, onNotify);
  }
  if (!listenUrl) return undefined;
  return async (onNotify) => {
    let current: pg.Client | null = null;
    let isClosed = false;
    let retry: NodeJS.Timeout | null = null;
    let failures = 0;

    const open = async (isReconnect: boolean) => {
      const client = new pg.Client({ connectionString: listenUrl, keepAlive: true });
      // 'error' is followed by 'end' only sometimes; either means this connection is gone.
      const lost = () => {
        if (client !== current) return;
        current = null;
        reconnectLater();
      };
      client.on('error', lost);
      client.on('end', lost);
      client.on('notification', onNotify);
      try {
        await client.connect();
        await client.query(`listen ${pg.escapeIdentifier(channel)}`);
      } catch {
        client.end().catch(() => undefined);
        failures += 1;
        return reconnectLater();
      }
      if (isClosed) return void client.end().catch(() => undefined);
      current = client;
      failures = 0;
      if (isReconnect) onNotify();
    };
    const reconnectLater = () => {
      if (isClosed || retry) return;
      retry = setTimeout(() => {
        retry = null;
        void open(true);
      }, reconnectDelayMs(failures));
    };

    await open(false);
    return async () => {
      isClosed = true;
      if (retry) clearTimeout(retry);
      await current?.end().catch(() => undefined);
      current = null;
    };
  };
}
