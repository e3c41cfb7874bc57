import net from 'node:net';
import tls from 'node:tls';
import type { AppError } from '../../../platform/errors/app-error.ts';
import { encodeSentence, SentenceDecoder } from './api-wire.ts';
import { classifyConnectError, commandRejected, commandTimedOut, connectionLost, loginRejected, protocolError } from './router-errors.ts';
import type { OpenSession, RouterItem, RouterSession } from './router-session.ts';
import type { RouterConnection } from './types.ts';
import { networkErrors } from '../network.errors.ts';

/**
 * RouterOS API (8728 / API-SSL 8729), our own client on the wire codec of api-wire.ts. Every
 * command carries a `.tag`, so many commands share one connection and their replies may
 * interleave. (node-routeros, the usual package, is unmaintained since 1.6.9 and crashes the
 * process on RouterOS ≥ 7.18's `!empty` reply and on a failed TLS handshake.)
 */

const defaultPort = (connection: RouterConnection) => connection.port ?? (connection.tls ? 8729 : 8728);

type Reply = { rows: RouterItem[]; done: RouterItem };
const replyWords = new Set(['!re', '!trap', '!done', '!fatal', '!empty']);
type Pending = { rows: RouterItem[]; trap: string | null; resolve(reply: Reply): void; fail(error: AppError): void };

/** Opens the TCP (or TLS) connection; every failure is classified as nothing sent. */
function connect(connection: RouterConnection, port: number, timeoutMs: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = connection.tls
      ? tls.connect({ host: connection.host, port, ...connection.tls, servername: connection.tls.servername ?? (net.isIP(connection.host) ? undefined : connection.host) })
      : net.connect({ host: connection.host, port });
    const fail = (error: unknown) => {
      clearTimeout(timer);
      socket.destroy();
      reject(classifyConnectError(error, connection, port));
    };
    const timer = setTimeout(() => fail(Object.assign(new Error('ETIMEDOUT'), { code: 'ETIMEDOUT' })), timeoutMs);
    socket.once('error', fail);
    // A plain port answering a TLS client may just close.
    socket.once('close', () => fail(Object.assign(new Error('ECONNRESET'), { code: 'ECONNRESET' })));
    socket.once(connection.tls ? 'secureConnect' : 'connect', () => {
      clearTimeout(timer);
      socket.removeAllListeners('error').removeAllListeners('close');
      resolve(socket);
    });
  });
}

const attributesOf = (words: string[]) => {
  const attributes: RouterItem = {};
  let tag: string | undefined;
  for (const word of words) {
    if (word.startsWith('.tag=')) tag = word.slice(5);
    else if (word.startsWith('=')) {
      const split = word.indexOf('=', 1);
      if (split > 0) attributes[word.slice(1, split)] = word.slice(split + 1);
    }
  }
  return { attributes, tag };
};

export const openApiSession: OpenSession = async (connection, { connectTimeoutMs, commandTimeoutMs }) => {
  const port = defaultPort(connection);
  const socket = await connect(connection, port, connectTimeoutMs);
  const decoder = new SentenceDecoder();
  const pending = new Map<string, Pending>();
  let lost: AppError | null = null;
  let nextTag = 0;

  // Set when the peer answers something that is not the RouterOS API (another service on the port).
  let garbled: string | null = null;
  const onLost = () => {
    if (!garbled && decoder.holdsPartial) garbled = 'the connection closed inside an answer';
    const failure = (sent: boolean) => (garbled ? protocolError(connection, port, garbled, sent) : connectionLost(connection, port, sent));
    lost ??= failure(false);
    for (const command of pending.values()) command.fail(failure(true));
    pending.clear();
  };
  const garbage = (what: string) => {
    garbled ??= what;
    socket.destroy();
  };
  socket.on('error', () => undefined); // 'close' follows and fails what is in flight
  socket.on('close', onLost);
  socket.on('data', (chunk: Buffer) => {
    let sentences: Buffer[][];
    try {
      sentences = decoder.push(chunk);
    } catch (error) {
      return garbage((error as Error).message); // the connection is unusable
    }
    for (const words of sentences) {
      const [reply, ...rest] = words.map((word) => word.toString('latin1'));
      if (!replyWords.has(reply)) return garbage('an answer that is no RouterOS reply');
      if (reply === '!fatal') return void socket.destroy();
      const { attributes, tag } = attributesOf(rest);
      const command = tag === undefined ? undefined : pending.get(tag);
      if (!command) continue;
      if (reply === '!re') command.rows.push(attributes);
      else if (reply === '!trap') command.trap = attributes.message ?? 'command failed';
      else if (reply === '!done') {
        pending.delete(tag!);
        if (command.trap !== null) command.fail(commandRejected(connection, command.trap, command.trap === 'no such item'));
        else command.resolve({ rows: command.rows, done: attributes });
      }
      // '!empty' (RouterOS ≥ 7.18: a print found nothing) needs nothing: '!done' follows.
    }
  });

  const run = (words: string[], timeoutMs = commandTimeoutMs): Promise<Reply> => {
    if (lost) return Promise.reject(lost);
    const tag = String(++nextTag);
    return new Promise<Reply>((resolve, reject) => {
      const timer = setTimeout(() => {
        pending.delete(tag);
        reject(commandTimedOut(connection, port, timeoutMs));
      }, timeoutMs);
      pending.set(tag, {
        rows: [],
        trap: null,
        resolve: (reply) => (clearTimeout(timer), resolve(reply)),
        fail: (error) => (clearTimeout(timer), reject(error)),
      });
      socket.write(encodeSentence([...words, `.tag=${tag}`]));
    });
  };

  // Post-6.43 login: name and password in plain words (use API-SSL where the link is untrusted).
  try {
    await run(['/login', `=name=${connection.username}`, `=password=${connection.password}`], connectTimeoutMs);
  } catch (error) {
    socket.destroy();
    const reason = error as AppError;
    if (reason.code === networkErrors.ROUTER_REJECTED) throw loginRejected(connection, port, (reason.details as { routerMessage: string }).routerMessage);
    if (reason.code === networkErrors.ROUTER_PROTOCOL_ERROR) throw protocolError(connection, port, garbled ?? 'login', false);
    if (reason.code === networkErrors.ROUTER_CONNECTION_LOST) throw classifyConnectError(Object.assign(new Error('closed during login'), { code: 'ECONNRESET' }), connection, port);
    throw reason;
  }

  const session: RouterSession = {
    print: async (menu, { proplist, query = [] }) =>
      (await run([`${menu}/print`, `=.proplist=${proplist.join(',')}`, ...query.map((word) => `?${word}`)])).rows,
    add: async (menu, values) => (await run([`${menu}/add`, ...attributeWords(values)])).done.ret ?? '',
    set: async (menu, id, values) => {
      await run([`${menu}/set`, `=.id=${id}`, ...attributeWords(values)]);
    },
    remove: async (menu, id) => {
      await run([`${menu}/remove`, `=.id=${id}`]);
    },
    close: async () => {
      if (lost) return;
      lost = connectionLost(connection, port, false);
      socket.end();
      socket.destroySoon?.();
    },
  };
  return session;
};

const attributeWords = (values: RouterItem) => Object.entries(values).map(([key, value]) => `=${key}=${value}`);
