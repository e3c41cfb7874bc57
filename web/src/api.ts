import createClient from 'openapi-fetch';
import type { paths } from './api/schema.d.ts';

/**
 * The one way the app talks to the server: same-origin JSON with the session cookie, typed by
 * the generated `api/schema.d.ts` (paths, parameters, bodies and answers all come from the
 * server's OpenAPI document). Every failure becomes an ApiError carrying the server's
 * `{ error: { code, message, details } }`.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;

  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

/** The typed client: `client.GET('/api/invoices/{invoiceId}', { params: { path: { invoiceId } } })`. */
export const client = createClient<paths>({ credentials: 'same-origin', headers: { accept: 'application/json' } });

type Answer = { data?: unknown; error?: unknown; response: Response };

/** The answer's body, or an ApiError (a dropped connection is code NETWORK). */
export async function unwrap<A extends Answer>(pending: Promise<A>): Promise<Exclude<A['data'], undefined>> {
  let answer: A;
  try {
    answer = await pending;
  } catch {
    throw new ApiError(0, 'NETWORK', 'network');
  }
  if (!answer.response.ok) {
    const error = (answer.error as { error?: { code?: string; message?: string; details?: unknown } } | undefined)?.error;
    throw new ApiError(answer.response.status, error?.code ?? 'HTTP_' + answer.response.status, error?.message ?? answer.response.statusText, error?.details);
  }
  return answer.data as Exclude<A['data'], undefined>;
}

/**
 * The header of a money-moving POST: the same request sent again (after a lost answer, a
 * second click) carries the same Idempotency-Key, so the server answers it with the first
 * answer instead of paying twice.
 */
export const idempotent = (key: string) => ({ 'idempotency-key': key });

/** Leaves out empty filters ('' means "all"), so the query string carries the chosen ones only. */
export function filters<T extends Record<string, unknown>>(params: T): { [K in keyof T]: Exclude<T[K], ''> } {
  return Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== '')) as never;
}

/**
 * A request by a path known only at run time (the collector's offline queue replays stored
 * requests): the same session, headers and ApiError as the typed client, but the answer's type is
 * the caller's word. Prefer `client` wherever the path is written in the code.
 */
export async function sendJson<T>(method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'NETWORK', 'network');
  }
  const text = await response.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  if (!response.ok) {
    const error = (json as { error?: { code?: string; message?: string; details?: unknown } } | undefined)?.error;
    throw new ApiError(response.status, error?.code ?? 'HTTP_' + response.status, error?.message ?? response.statusText, error?.details);
  }
  return json as T;
}

/** A query string from the defined values only. */
export function query(params: Record<string, string | number | boolean | undefined | null>): string {
  const entries = Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== '');
  return entries.length ? '?' + new URLSearchParams(entries.map(([k, v]) => [k, String(v)])).toString() : '';
}

/** `sendJson` by method, for features whose paths are built at run time. */
export const api = {
  get: <T>(path: string) => sendJson<T>('GET', path),
  post: <T>(path: string, body: unknown = {}) => sendJson<T>('POST', path, body),
  postOnce: <T>(path: string, body: unknown, key: string) => sendJson<T>('POST', path, body, idempotent(key)),
  patch: <T>(path: string, body: unknown) => sendJson<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown) => sendJson<T>('PUT', path, body),
  delete: <T>(path: string) => sendJson<T>('DELETE', path),
};
