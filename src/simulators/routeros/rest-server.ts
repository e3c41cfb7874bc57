// STAND-IN, NOT A MIKROTIK: the RouterOS v7 REST API as help.mikrotik.com/docs "REST API" describes it.
import http from 'node:http';
import https from 'node:https';
import { RouterTrap, type RouterItem, type RouterModel } from './router-model.ts';
import type { StandInFaults } from './faults.ts';

/**
 * The RouterOS v7 REST API (`/rest/...`, HTTP basic auth) of the stand-in — NOT a real MikroTik.
 * GET = print (query-string filters, `.proplist`), PUT = add (returns the new item), PATCH = set,
 * DELETE = remove (204), POST `<menu>/<command>` = any command with `.query` / `.proplist`.
 * Every value is a JSON string; errors are `{"error":<status>,"message":…,"detail":…}`.
 */

export type RestServerOptions = {
  model: RouterModel;
  faults: StandInFaults;
  checkLogin: (name: string, password: string) => boolean;
  tls?: { key: string; cert: string };
};

class HttpFailure extends Error {
  readonly status: number;
  readonly detail: string | undefined;
  constructor(status: number, message: string, detail?: string) {
    super(message);
    this.status = status;
    this.detail = detail;
  }
}

export const createRestServer = (options: RestServerOptions): http.Server => {
  const handler = (request: http.IncomingMessage, response: http.ServerResponse) => void serve(request, response, options);
  return options.tls ? https.createServer({ key: options.tls.key, cert: options.tls.cert }, handler) : http.createServer(handler);
};

const serve = async (request: http.IncomingMessage, response: http.ServerResponse, options: RestServerOptions) => {
  const body = await readBody(request);
  if (!options.faults.admitCommand()) return request.socket.destroy();
  let status = 200;
  let payload: unknown;
  try {
    if (!isAuthorised(request.headers.authorization, options.checkLogin)) throw new HttpFailure(401, 'Unauthorized');
    const result = route(request.method ?? 'GET', new URL(request.url ?? '/', 'http://stand-in'), body, options.model);
    status = result === undefined ? 204 : 200;
    payload = result;
  } catch (error) {
    const failure = toHttpFailure(error);
    status = failure.status;
    payload = { error: failure.status, message: failure.message, ...(failure.detail ? { detail: failure.detail } : {}) };
  }
  const send = () => {
    if (payload === undefined) response.writeHead(status).end();
    else response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(payload));
  };
  if (options.faults.latencyMs > 0) setTimeout(send, options.faults.latencyMs);
  else send();
};

const route = (method: string, url: URL, body: string, model: RouterModel): unknown => {
  if (!url.pathname.startsWith('/rest/')) throw new HttpFailure(404, 'Not Found');
  const segments = url.pathname.slice('/rest'.length).split('/').map(decodeURIComponent);
  const last = segments.at(-1) ?? '';
  const id = last.startsWith('*') ? last : undefined;
  const menu = (id ? segments.slice(0, -1) : segments).join('/');
  const input = parseJson(body);

  if (method === 'POST') {
    const verbAt = menu.lastIndexOf('/');
    const commandMenu = menu.slice(0, verbAt);
    const verb = menu.slice(verbAt + 1);
    requireMenu(model, commandMenu);
    const { '.query': query, '.proplist': proplist, '.id': targetId, ...values } = input;
    if (verb === 'print') return model.print(commandMenu, { query: toList(query), proplist: toList(proplist) });
    if (verb === 'add') return { ret: model.add(commandMenu, strings(values)) };
    if (verb === 'set') {
      model.set(commandMenu, String(targetId), strings(values));
      return [];
    }
    if (verb === 'remove') {
      model.remove(commandMenu, String(targetId));
      return [];
    }
    throw new HttpFailure(400, 'Bad Request', 'no such command');
  }
  requireMenu(model, menu);
  switch (method) {
    case 'GET': {
      if (id) return model.get(menu, id);
      const proplist = url.searchParams.get('.proplist');
      const query = [...url.searchParams].filter(([key]) => key !== '.proplist').map(([key, value]) => `${key}=${value}`);
      return model.print(menu, { query, proplist: proplist?.split(',') });
    }
    case 'PUT':
      return model.get(menu, model.add(menu, strings(input)));
    case 'PATCH':
      if (!id) throw new HttpFailure(400, 'Bad Request', 'missing item id');
      model.set(menu, id, strings(input));
      return model.get(menu, id);
    case 'DELETE':
      if (!id) throw new HttpFailure(400, 'Bad Request', 'missing item id');
      model.remove(menu, id);
      return undefined;
    default:
      throw new HttpFailure(405, 'Method Not Allowed');
  }
};

const requireMenu = (model: RouterModel, menu: string) => {
  if (!model.hasMenu(menu)) throw new HttpFailure(404, 'Not Found');
};

const toHttpFailure = (error: unknown): HttpFailure => {
  if (error instanceof HttpFailure) return error;
  if (error instanceof RouterTrap) return error.notFound ? new HttpFailure(404, 'Not Found', error.message) : new HttpFailure(400, 'Bad Request', error.message);
  return new HttpFailure(500, 'Internal Server Error', (error as Error).message);
};

const isAuthorised = (header: string | undefined, checkLogin: RestServerOptions['checkLogin']): boolean => {
  if (!header?.startsWith('Basic ')) return false;
  const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
  const separator = decoded.indexOf(':');
  return separator !== -1 && checkLogin(decoded.slice(0, separator), decoded.slice(separator + 1));
};

const readBody = async (request: http.IncomingMessage): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
};

const parseJson = (body: string): Record<string, unknown> => {
  if (body.trim() === '') return {};
  try {
    const value: unknown = JSON.parse(body);
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // fall through: RouterOS answers malformed JSON with 400
  }
  throw new HttpFailure(400, 'Bad Request', 'JSON parse error');
};

/** RouterOS takes numbers and booleans in JSON but stores (and returns) every value as a string. */
const strings = (values: Record<string, unknown>): RouterItem =>
  Object.fromEntries(Object.entries(values).map(([key, value]) => [key, String(value)]));

const toList = (value: unknown): string[] | undefined =>
  Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(',') : undefined;
