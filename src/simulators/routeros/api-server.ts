// STAND-IN, NOT A MIKROTIK: the RouterOS API wire protocol (8728/8729) as help.mikrotik.com/docs "API" describes it.
import net from 'node:net';
import tls from 'node:tls';
import { encodeSentence, SentenceDecoder } from '../../modules/network/index.ts';
import { RouterTrap, type RouterItem, type RouterModel } from './router-model.ts';
import type { StandInFaults } from './faults.ts';

/**
 * The RouterOS API (8728, or 8729 with TLS) of the stand-in — NOT a real MikroTik. Speaks the
 * wire protocol: post-6.43 plain `/login`, tagged commands answered out of order, `!re` / `!done`
 * / `!trap` / `!fatal`, `!empty` for an empty print (RouterOS ≥ 7.18), `?` queries and
 * `=.proplist=`. Commands run when they arrive; the injected latency delays only their replies,
 * like a slow link, so pipelined commands overlap.
 */

type Parsed = { command: string; attributes: RouterItem; query: string[]; tag: string | undefined };

const parseSentence = (words: string[]): Parsed => {
  const parsed: Parsed = { command: words[0], attributes: {}, query: [], tag: undefined };
  for (const word of words.slice(1)) {
    if (word.startsWith('=')) {
      const separator = word.indexOf('=', 1);
      if (separator === -1) parsed.attributes[word.slice(1)] = '';
      else parsed.attributes[word.slice(1, separator)] = word.slice(separator + 1);
    } else if (word.startsWith('?')) parsed.query.push(word.slice(1));
    else if (word.startsWith('.tag=')) parsed.tag = word.slice(5);
  }
  return parsed;
};

type Reply = string[];

export type ApiServerOptions = {
  model: RouterModel;
  faults: StandInFaults;
  checkLogin: (name: string, password: string) => boolean;
  tls?: { key: string; cert: string };
};

export const createApiServer = (options: ApiServerOptions): net.Server => {
  const onConnection = (socket: net.Socket) => serveConnection(socket, options);
  return options.tls ? tls.createServer({ key: options.tls.key, cert: options.tls.cert }, onConnection) : net.createServer(onConnection);
};

const serveConnection = (socket: net.Socket, { model, faults, checkLogin }: ApiServerOptions): void => {
  const decoder = new SentenceDecoder();
  let loggedIn = false;
  let repliesInFlight = 0;
  let dropping = false;
  socket.on('error', () => socket.destroy());

  const write = (replies: Reply[]) => {
    if (!socket.destroyed) socket.write(Buffer.concat(replies.map((words) => encodeSentence(words))));
  };
  // A drop cuts the link once the replies already "on the wire" have arrived.
  const finishDropIfDue = () => {
    if (dropping && repliesInFlight === 0) socket.end();
  };
  const reply = (tag: string | undefined, replies: Reply[]) => {
    const tagged = tag === undefined ? replies : replies.map((words) => [...words, `.tag=${tag}`]);
    if (faults.latencyMs <= 0) return write(tagged);
    repliesInFlight++;
    setTimeout(() => {
      repliesInFlight--;
      write(tagged);
      finishDropIfDue();
    }, faults.latencyMs);
  };
  const fatal = (message: string) => {
    write([['!fatal', message]]);
    socket.end();
  };

  socket.on('data', (chunk: Buffer) => {
    if (dropping) return;
    // A TLS ClientHello (record type 0x16) on the plain API port: drop it, as a router would.
    if (!loggedIn && chunk[0] === 0x16 && chunk[1] === 0x03) return void socket.destroy();
    let sentences: Buffer[][];
    try {
      sentences = decoder.push(chunk);
    } catch (error) {
      return fatal((error as Error).message);
    }
    for (const words of sentences) {
      if (dropping) return;
      const sentence = parseSentence(words.map((word) => word.toString('latin1')));
      if (sentence.command === '/login') {
        loggedIn = checkLogin(sentence.attributes.name ?? '', sentence.attributes.password ?? '');
        reply(sentence.tag, loggedIn ? [['!done']] : [['!trap', '=message=invalid user name or password (6)'], ['!done']]);
        continue;
      }
      if (!loggedIn) return fatal('not logged in');
      if (sentence.command === '/quit') return fatal('session terminated on request');
      if (!faults.admitCommand()) {
        dropping = true;
        return finishDropIfDue();
      }
      reply(sentence.tag, execute(model, sentence));
    }
  });
};

const execute = (model: RouterModel, { command, attributes, query }: Parsed): Reply[] => {
  if (command === '/cancel') return [['!done']];
  const slash = command.lastIndexOf('/');
  const menu = command.slice(0, slash);
  const verb = command.slice(slash + 1);
  const id = attributes['.id'];
  const { '.id': _id, '.proplist': proplist, ...values } = attributes;
  try {
    if (!model.hasMenu(menu)) throw new RouterTrap('no such command prefix', { category: 0 });
    switch (verb) {
      case 'print':
      case 'getall': {
        const rows = model.print(menu, { query, proplist: proplist?.split(',').filter(Boolean) });
        if (rows.length === 0) return [['!empty'], ['!done']];
        return [...rows.map((row) => ['!re', ...Object.entries(row).map(([key, value]) => `=${key}=${value}`)]), ['!done']];
      }
      case 'add':
        return [['!done', `=ret=${model.add(menu, values)}`]];
      case 'set':
        for (const each of (id ?? '').split(',')) model.set(menu, each, values);
        return [['!done']];
      case 'remove':
        for (const each of (id ?? '').split(',')) model.remove(menu, each);
        return [['!done']];
      default:
        throw new RouterTrap('no such command', { category: 0 });
    }
  } catch (error) {
    if (!(error instanceof RouterTrap)) throw error;
    const category = error.category === undefined ? [] : [`=category=${error.category}`];
    return [['!trap', ...category, `=message=${error.message}`], ['!done']];
  }
};
