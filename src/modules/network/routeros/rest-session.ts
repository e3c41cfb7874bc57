import { AppError } from '../../../platform/errors/app-error.ts';
import { classifyConnectError, commandRejected, commandTimedOut, connectionLost, errorCode, loginRejected } from './router-errors.ts';
import type { OpenSession, RouterItem, RouterSession } from './router-session.ts';
import type { RouterConnection } from './types.ts';

/**
 * RouterOS v7 REST (`/rest/...`, basic auth) over Node's fetch. "One connection" here is fetch's
 * keep-alive pool for the router: concurrent requests reuse at most `concurrency` sockets.
 * Opening a session reads /system/identity so that a bad password or a dead router fails up
 * front, before any change is sent — the same contract as the API's login.
 */

const defaultPort = (connection: RouterConnection) => connection.port ?? (connection.tls ? 443 : 80);

type RestFailure = { error?: number; message?: string; detail?: string };

export const openRestSession: OpenSession = async (connection, { connectTimeoutMs, commandTimeoutMs }) => {
  const port = defaultPort(connection);
  const base = `${connection.tls ? 'https' : 'http'}://${connection.host}:${port}/rest`;
  const authorization = `Basic ${Buffer.from(`${connection.username}:${connection.password}`, 'utf8').toString('base64')}`;
  let closed = false;

  const request = async (method: string, path: string, body: unknown, timeoutMs: number, phase: 'connect' | 'command'): Promise<unknown> => {
    if (closed) throw connectionLost(connection, port, false);
    let response: Response;
    try {
      response = await fetch(`${base}${path}`, {
        method,
        headers: { authorization, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      const code = errorCode(error);
      if (phase === 'command' && code === 'TimeoutError') throw commandTimedOut(connection, port, timeoutMs);
      const classified = classifyConnectError(error, connection, port);
      // A request that died after it left may have run on the router.
      if (phase === 'command' && classified.code === 'ROUTER_CONNECTION_LOST') throw connectionLost(connection, port, true);
      throw classified;
    }
    const text = await response.text();
    const payload: unknown = text === '' ? undefined : JSON.parse(text);
    if (response.ok) return payload;
    if (response.status === 401) throw loginRejected(connection, port, 'HTTP 401');
    const failure = (payload ?? {}) as RestFailure;
    const routerMessage = failure.detail ?? failure.message ?? `HTTP ${response.status}`;
    throw commandRejected(connection, routerMessage, response.status === 404);
  };

  await request('GET', '/system/identity', undefined, connectTimeoutMs, 'connect');

  const command = (method: string, path: string, body?: unknown) => request(method, path, body, commandTimeoutMs, 'command');
  const itemPath = (menu: string, id: string) => `${menu}/${encodeURIComponent(id)}`;
  const session: RouterSession = {
    print: async (menu, { proplist, query }) => {
      const rows = await command('POST', `${menu}/print`, { '.proplist': proplist, ...(query && query.length > 0 ? { '.query': query } : {}) });
      return (rows ?? []) as RouterItem[];
    },
    add: async (menu, values) => {
      const created = (await command('PUT', menu, values)) as RouterItem | undefined;
      if (!created?.['.id']) throw new AppError('ROUTER_REJECTED', 'Router did not return the new item id', { routerId: connection.routerId, sent: true });
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
