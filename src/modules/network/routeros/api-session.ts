import type { EventEmitter } from 'node:events';
import { Channel, Connector, RouterOSAPI } from 'node-routeros';
import type { AppError } from '../../../platform/errors/app-error.ts';
import { classifyConnectError, commandRejected, commandTimedOut, connectionLost } from './router-errors.ts';
import type { OpenSession, RouterItem, RouterSession } from './router-session.ts';
import type { RouterConnection } from './types.ts';

/**
 * RouterOS API (8728 / API-SSL 8729) over node-routeros 1.6.9 — the last release, no longer
 * maintained. Its channels tag every command, so many commands share one connection. What
 * it lacks is added here:
 * - RouterOS ≥ 7.18 answers an empty print with `!empty`, which node-routeros throws on from a
 *   socket callback (crashing the process), and a failed TLS handshake makes it emit an 'error'
 *   nobody listens to any more (same crash): two small patches below;
 * - commands in flight never settle when the connection drops: they are failed on close;
 * - `connect()` never settles if the router closes during login: it races the close;
 * - socket errors keep only a numeric errno: router-errors.ts maps it back.
 */

const patched = Symbol.for('simpul.node-routeros.patched');
type Patchable = { [patched]?: true };
type ChannelInternals = Patchable & { processPacket(packet: string[]): void };
type ConnectorInternals = Patchable & EventEmitter & { onError(error: Error): void };
const channelPrototype = Channel.prototype as unknown as ChannelInternals;
const connectorPrototype = Connector.prototype as unknown as ConnectorInternals;
if (!channelPrototype[patched]) {
  const processPacket = channelPrototype.processPacket;
  channelPrototype.processPacket = function (this: ChannelInternals, packet: string[]) {
    if (packet[0] !== '!empty') processPacket.call(this, packet);
  };
  // A failed TLS handshake reports its error twice; the second arrives after the connector
  // dropped its listeners and would be re-thrown as an uncaught 'error' event.
  const onError = connectorPrototype.onError;
  connectorPrototype.onError = function (this: ConnectorInternals, error: Error) {
    if (this.listenerCount('error') > 0) onError.call(this, error);
  };
  channelPrototype[patched] = true;
}

const defaultPort = (connection: RouterConnection) => connection.port ?? (connection.tls ? 8729 : 8728);

export const openApiSession: OpenSession = async (connection, { connectTimeoutMs, commandTimeoutMs }) => {
  const port = defaultPort(connection);
  const api = new RouterOSAPI({
    host: connection.host,
    port,
    user: connection.username,
    password: connection.password,
    // node-routeros' own idle timeout (seconds) closes the socket; keep it beyond ours.
    timeout: Math.ceil(Math.max(connectTimeoutMs, commandTimeoutMs) / 1000) + 1,
    tls: connection.tls ? { ...connection.tls } : undefined,
  });

  const inFlight = new Set<(error: AppError) => void>();
  let lost: AppError | null = null;
  const onLost = () => {
    lost ??= connectionLost(connection, port, false);
    for (const fail of inFlight) fail(connectionLost(connection, port, true));
    inFlight.clear();
  };
  // Without an 'error' listener node-routeros' emit would throw; both events mean the link is gone.
  api.on('error', onLost);
  api.on('close', onLost);

  await new Promise<void>((resolve, reject) => {
    let settled = false;
    const finish = (error?: AppError) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      api.off('close', closedDuringLogin);
      if (error) reject(error);
      else resolve();
    };
    const fakeSocketError = (code: string) => classifyConnectError(Object.assign(new Error(code), { code }), connection, port);
    const closedDuringLogin = () => finish(fakeSocketError('ECONNRESET'));
    const timer = setTimeout(() => finish(fakeSocketError('ETIMEDOUT')), connectTimeoutMs);
    api.once('close', closedDuringLogin);
    api.connect().then(
      () => (settled ? void api.close().catch(() => undefined) : finish()),
      (error: unknown) => finish(classifyConnectError(error, connection, port)),
    );
  });

  const run = (words: string[]): Promise<RouterItem[]> => {
    if (lost) return Promise.reject(lost);
    return new Promise((resolve, reject) => {
      let settled = false;
      const settle = (outcome: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        inFlight.delete(fail);
        outcome();
      };
      const fail = (error: AppError) => settle(() => reject(error));
      const timer = setTimeout(() => fail(commandTimedOut(connection, port, commandTimeoutMs)), commandTimeoutMs);
      inFlight.add(fail);
      api.write(words).then(
        (rows) => settle(() => resolve(rows as RouterItem[])),
        (error: Error) => fail(commandRejected(connection, error.message, error.message === 'no such item')),
      );
    });
  };

  const session: RouterSession = {
    print: (menu, { proplist, query = [] }) => run([`${menu}/print`, `=.proplist=${proplist.join(',')}`, ...query.map((word) => `?${word}`)]),
    add: async (menu, values) => {
      const [done] = await run([`${menu}/add`, ...attributeWords(values)]);
      return done?.ret ?? '';
    },
    set: async (menu, id, values) => {
      await run([`${menu}/set`, `=.id=${id}`, ...attributeWords(values)]);
    },
    remove: async (menu, id) => {
      await run([`${menu}/remove`, `=.id=${id}`]);
    },
    close: async () => {
      if (lost) return;
      lost = connectionLost(connection, port, false);
      await Promise.race([api.close().catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 1000).unref())]);
    },
  };
  return session;
};

const attributeWords = (values: RouterItem) => Object.entries(values).map(([key, value]) => `=${key}=${value}`);
