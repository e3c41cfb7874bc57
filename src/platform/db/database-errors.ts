import { AppError } from '../errors/app-error.ts';
import { isConnectionError } from './connection-errors.ts';

/**
 * The one place that turns what PostgreSQL (pg or PGlite, same SQLSTATEs) refuses into an
 * error the caller can act on; an unreachable database (connection-errors.ts says which errors
 * mean that) is a 503. Anything not listed stays a bug (500) and is logged as one.
 */

/** Seconds a client should wait before retrying while the database is unreachable. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

type PgError = { code?: unknown; detail?: unknown; constraint?: unknown; table?: unknown; cause?: unknown };

/** The error and its causes (a driver may wrap the server's answer). */
function* chainOf(error: unknown): Generator<PgError> {
  for (let e = error as PgError | undefined, depth = 0; e && typeof e === 'object' && depth < 5; e = e.cause as PgError, depth++) yield e;
}

const camelCase = (column: string) => column.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());

/**
 * The fields a key violation is about, never its values. From the detail `Key (tenant_id, plan_id)=(…)`
 * when PostgreSQL gives one; under row-level security it withholds the detail, so then from the
 * constraint's default name `<table>_<columns>_key` (`customers_pppoe_username_key` → pppoeUsername).
 * The tenant column is never the caller's field.
 */
function fieldsOfKey(error: PgError): string[] {
  const listed = typeof error.detail === 'string' ? /^Key \(([^)]+)\)/.exec(error.detail)?.[1] : undefined;
  if (listed) {
    return listed
      .split(',')
      .map((c) => c.trim().replace(/^"|"$/g, ''))
      .filter((c) => c !== 'tenant_id')
      .map(camelCase);
  }
  const { constraint, table } = error;
  if (typeof constraint !== 'string' || typeof table !== 'string' || !constraint.startsWith(`${table}_`)) return [];
  const columns = /^(?:tenant_id_)?(.+)_f?key$/.exec(constraint.slice(table.length + 1))?.[1];
  return columns ? [camelCase(columns)] : [];
}

/** The AppError for a database failure caused by the input (or by an outage); undefined for bugs. */
export function fromDatabaseError(error: unknown): AppError | undefined {
  if (isConnectionError(error)) {
    return new AppError('DATABASE_UNAVAILABLE', 'The database is unreachable right now; try again shortly.', {
      retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS,
    });
  }
  const root = [...chainOf(error)].find((e) => typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code));
  if (!root) return undefined;
  const state = root.code as string;
  const fields = fieldsOfKey(root);
  const named = fields.length ? ` (${fields.join(', ')})` : '';
  const constraint = typeof root.constraint === 'string' ? root.constraint : undefined;
  if (state === '23505') {
    return new AppError('ALREADY_EXISTS', `Another record already has this value${named}.`, {
      fields: fields.map((field) => ({ field, problem: 'taken' })),
      constraint,
    });
  }
  if (state === '23503') {
    return new AppError('REFERENCE_NOT_FOUND', `A referenced record does not exist${named}.`, {
      fields: fields.map((field) => ({ field, problem: 'not_found' })),
      constraint,
    });
  }
  // Insufficient privilege: the session's role lacks a grant (an impersonating super admin reading
  // payment history or customers' private data). PostgreSQL refused it, not only the API.
  if (state === '42501') {
    return new AppError('FORBIDDEN', 'The database refused this for your session (not permitted while impersonating, or for this role).');
  }
  // Class 22 (data exception: invalid text representation, NUL byte, out of range, too long),
  // other integrity violations (not null, check), and values too large to index (54000).
  if (state.startsWith('22') || state.startsWith('23') || state === '54000') {
    return new AppError('VALIDATION_FAILED', 'A value was refused by the database (wrong format, out of range or too long).', { fields: [] });
  }
  return undefined;
}
