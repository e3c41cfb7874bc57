// Tests of the RouterOS stand-in's print queries (help.mikrotik.com/docs "API", section Queries).
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeSentence, SentenceDecoder } from '../../modules/network/index.ts';
import { matchesQuery, Menu } from './router-model.ts';
import { RouterStandIn } from './router-stand-in.ts';

/*
 * Print queries as RouterOS documents them, sent over the API the way other clients build them:
 * librouteros (`?=name=value`, `?#!` for "not equal", `?#|` for "in"), routeros-api and
 * node-routeros (`?name=value`), and the manual's own examples.
 */

let router: RouterStandIn;
let socket: net.Socket;
const decoder = new SentenceDecoder();
let waiting: ((sentence: string[]) => void)[] = [];
let arrived: string[][] = [];

const nextSentence = () =>
  new Promise<string[]>((resolve) => {
    const sentence = arrived.shift();
    if (sentence) resolve(sentence);
    else waiting.push(resolve);
  });

/** Sends one sentence and collects the replies up to `!done`. */
async function send(...words: string[]): Promise<string[][]> {
  socket.write(encodeSentence(words));
  const replies: string[][] = [];
  for (;;) {
    const sentence = await nextSentence();
    replies.push(sentence);
    if (sentence[0] === '!done') return replies;
  }
}

/** The addresses a print of the address list returns. */
const addresses = async (...query: string[]) => {
  const replies = await send(`${Menu.addressList}/print`, ...query);
  const trap = replies.find((r) => r[0] === '!trap');
  if (trap) throw new Error(trap.join(' '));
  return replies.filter((r) => r[0] === '!re').map((r) => r.find((w) => w.startsWith('=address='))!.slice('=address='.length));
};

beforeAll(async () => {
  router = await RouterStandIn.start({ username: 'simpul', password: 'rahasia' });
  router.model.add(Menu.addressList, { list: 'simpul-isolir', address: '10.0.0.1', comment: 'budi', timeout: '1d' });
  router.model.add(Menu.addressList, { list: 'simpul-isolir', address: '10.0.0.2' });
  router.model.add(Menu.addressList, { list: 'lain', address: '10.0.0.3', comment: 'ani' });
  socket = net.connect(router.apiPort, router.host);
  socket.on('data', (chunk: Buffer) => {
    for (const words of decoder.push(chunk)) {
      const sentence = words.map((w) => w.toString('utf8'));
      const resolve = waiting.shift();
      if (resolve) resolve(sentence);
      else arrived.push(sentence);
    }
  });
  await new Promise((resolve) => socket.once('connect', resolve));
  expect(await send('/login', '=name=simpul', '=password=rahasia')).toEqual([['!done']]);
});
afterAll(async () => {
  socket?.destroy();
  waiting = [];
  arrived = [];
  await router?.stop();
});

describe('RouterOS stand-in print queries', () => {
  it('compares with ?name=value and ?=name=value alike', async () => {
    expect(await addresses('?list=simpul-isolir')).toEqual(['10.0.0.1', '10.0.0.2']);
    expect(await addresses('?=list=simpul-isolir')).toEqual(['10.0.0.1', '10.0.0.2']);
    expect(await addresses('?=list=simpul-isolir', '?=address=10.0.0.2')).toEqual(['10.0.0.2']); // librouteros And: implicit
    expect(await addresses('?=list=simpul-isolir', '?=address=10.0.0.2', '?#&')).toEqual(['10.0.0.2']);
    expect(await addresses('?=.id=*2')).toEqual([]); // ids count from the model's two default profiles
    expect(await send(`${Menu.addressList}/print`, '?=list=nothing')).toEqual([['!empty'], ['!done']]);
  });

  it('tests presence with ?name and absence with ?-name', async () => {
    expect(await addresses('?timeout')).toEqual(['10.0.0.1']);
    expect(await addresses('?-timeout')).toEqual(['10.0.0.2', '10.0.0.3']);
  });

  it('orders with ?<name=value and ?>name=value (the manual: ?>comment= is "has a comment")', async () => {
    expect(await addresses('?>comment=')).toEqual(['10.0.0.1', '10.0.0.3']);
    expect(await addresses('?<address=10.0.0.2')).toEqual(['10.0.0.1']);
    expect(await addresses('?>address=10.0.0.2')).toEqual(['10.0.0.3']);
  });

  it('combines with the stack operators ?#|, ?#&, ?#!, ?#. and indexes', async () => {
    // librouteros Key.In and "not equal"
    expect(await addresses('?=address=10.0.0.1', '?=address=10.0.0.3', '?#|')).toEqual(['10.0.0.1', '10.0.0.3']);
    expect(await addresses('?=list=simpul-isolir', '?#!')).toEqual(['10.0.0.3']);
    // The manual: neither of two values
    expect(await addresses('?list=simpul-isolir', '?comment=ani', '?#|!')).toEqual([]);
    expect(await addresses('?address=10.0.0.1', '?address=10.0.0.2', '?#|!')).toEqual(['10.0.0.3']);
    // An index copies a value from the bottom of the stack (0: the first word's): isolated and (timeout or isolated)
    expect(await addresses('?list=simpul-isolir', '?timeout', '?#0|')).toEqual(['10.0.0.1', '10.0.0.2']);
    expect(await addresses('?list=simpul-isolir', '?timeout', '?#1|')).toEqual(['10.0.0.1']);
    // `.` duplicates the top; after an index it only ends the index: 0.1 pushes two copies
    expect(await addresses('?list=lain', '?#.&')).toEqual(['10.0.0.3']);
    expect(await addresses('?list=simpul-isolir', '?timeout', '?#0.1&')).toEqual(['10.0.0.1']);
  });

  it('answers a malformed query with a trap, not an empty list', async () => {
    const replies = await send(`${Menu.addressList}/print`, '?list=lain', '?#&');
    expect(replies[0]).toEqual(['!trap', '=category=5', expect.stringMatching(/^=message=invalid query/)]);
    expect((await send(`${Menu.addressList}/print`, '?#x'))[0]![0]).toBe('!trap');
  });

  it('reads the same words from REST .query', async () => {
    const response = await fetch(`http://${router.host}:${router.restPort}/rest${Menu.addressList}/print`, {
      method: 'POST',
      headers: { authorization: `Basic ${Buffer.from('simpul:rahasia').toString('base64')}`, 'content-type': 'application/json' },
      body: JSON.stringify({ '.query': ['=list=simpul-isolir', '#!'] }),
    });
    expect(((await response.json()) as { address: string }[]).map((item) => item.address)).toEqual(['10.0.0.3']);
  });

  it('compares numbers as numbers', () => {
    expect(matchesQuery({ mtu: '1500' }, ['>mtu=999'])).toBe(true);
    expect(matchesQuery({ mtu: '1500' }, ['<mtu=999'])).toBe(false);
    expect(matchesQuery({ name: 'b' }, ['>name=a'])).toBe(true);
  });
});
