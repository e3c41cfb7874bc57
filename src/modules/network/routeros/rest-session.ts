import { AppError } from '../../../platform/errors/app-error.ts';
import { classifyConnectError, commandRejected, commandTimedOut, connectionLost, errorCode, loginRejected, protocolError } from './router-errors.ts';
import type { OpenSession, RouterItem, RouterSession } from './router-session.ts';
import type { RouterConnection } from './types.ts';
import { networkErrors } from '../network.errors.ts';

/**
 * RouterOS v7 REST (`/rest/...`, basic auth) over Node's fetch. "One connection" here is fetch's
 * keep-alive pool for the router: concurrent requests reuse at most `concurrency` sockets.
 * Opening a session reads /system/identity so that a bad password or a dead router fails up
 * front, before any change is sent — the same contract as the API's login.
 */

const defaultPort = (connection: RouterConnection) => connection.port ?? (connection.tls ? 443 : 80);

type RestFailure = { error?: unknown; message?: unknown; detail?: unknown };

const notJson = Symbol('not JSON');
const parseJson = (text: string): unknown => {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return notJson;
  }
};

/** A RouterOS item: an object of string values. */
const isItem = (value: unknown): value is RouterItem =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every((v) => typeof v === 'string');

export const openRestSession: OpenSession = async (connection, { connectTimeoutMs, commandTimeoutMs }) => {
  const port = defaultPort(connection);
  const base = `${connection.tls ? 'https' : 'http'}://${connection.host}:${port}/rest`;
  const authorization = `Basic ${Buffer.from(`${connection.username}:${connection.password}`, 'utf8').toString('base64')}`;
  let closed = false;

  const request = async (method: string, path: string, body: unknown, timeoutMs: number, phase: 'connect' | 'command'): Promise<unknown> => {
    if (closed) throw connectionLost(connection, port, false);
    let response: Response;
    let text: string;
    try {
      response = await fetch(`${base}${path}`, {
        method,
        headers: { authorization, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
      text = await response.text();
    } catch (error) {
      const code = errorCode(error);
      if (phase === 'command' && code === 'TimeoutError') throw commandTimedOut(connection, port, timeoutMs);
      const classified = classifyConnectError(error, connection, port);
      // A request that died after it left may have run on the router.
      if (phase === 'command' && classified.code === networkErrors.ROUTER_CONNECTION_LOST) throw connectionLost(connection, port, true);
      throw classified;
    }
    if (response.status === 401) throw loginRejected(connection, port, 'HTTP 401');
    const payload = parseJson(text);
    if (payload === notJson) throw protocolError(connection, port, `HTTP ${response.status}, not JSON`, phase === 'command');
    if (response.ok) return payload;
    // RouterOS explains every refusal as { error, message, detail? }; anything else is another server.
    const failure = payload as RestFailure | undefined;
    if (typeof failure?.message !== 'string') throw protocolError(connection, port, `HTTP ${response.status} without a RouterOS error`, phase === 'command');
    throw commandRejected(connection, typeof failure.detail === 'string' ? failure.detail : failure.message, response.status === 404);
  };

  const identity = await request('GET', '/system/identity', undefined, connectTimeoutMs, 'connect');
  if (typeof identity !== 'object' || identity === null) throw protocolError(connection, port, '/system/identity is not an item', false);

  const command = (method: string, path: string, body?: unknown) => request(method, path, body, commandTimeoutMs, 'command');
  const itemPath = (menu: string, id: string) => `${menu}/${encodeURIComponent(id)}`;
  const session: RouterSession = {
    print: async (menu, { proplist, query }) => {
      const rows = await command('POST', `${menu}/print`, { '.proplist': proplist, ...(query && query.length > 0 ? { '.query': query } : {}) });
      if (rows === undefined) return [];
      if (!Array.isArray(rows) || !rows.every(isItem)) throw protocolError(connection, port, `${menu}/print is not a list of items`, true);
      return rows;
    },
    add: async (menu, values) => {
      const created = (await command('PUT', menu, values)) as RouterItem | undefined;
      if (!created?.['.id']) throw new AppError(networkErrors.ROUTER_REJECTED, 'Router did not return the new item id', { routerId: connection.routerId, sent: true });
      return created['.id'];
    },
    set: async (menu, id, values) => {
      await command('PATCH', itemPath(menu, id), values);
    },
    remove: async (menu, id) => {
      await command('DELETE', itemPath(menu, id));
    },
    close: async () => {
      closed = true;
    },
  };
  return session;
};
