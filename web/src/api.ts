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
