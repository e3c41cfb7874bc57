import { AppError } from '../errors/app-error.ts';

/**
 * The one place that turns what PostgreSQL (pg or PGlite, same SQLSTATEs) refuses into an
 * error the caller can act on. Anything not listed stays a bug (500) and is logged as one.
 */

/** Seconds a client should wait before retrying while the database is unreachable. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

type PgError = { code?: unknown; detail?: unknown; message?: unknown; cause?: unknown };

// SQLSTATE class 08 (connection exception), admin/crash shutdown, cannot connect now, too many connections.
const unavailableStates = /^(08...|57P01|57P02|57P03|53300)$/;
// Node socket errors on the way to the server, and pg's own words for a lost connection.
const unavailableNodeCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
const unavailableMessages = /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|PGlite is closed/i;

/** The error and its causes (a driver may wrap the server's answer). */
function* chainOf(error: unknown): Generator<PgError> {
  for (let e = error as PgError | undefined, depth = 0; e && typeof e === 'object' && depth < 5; e = e.cause as PgError, depth++) yield e;
}

/**
 * A lost or refused connection to the database (pg and Kysely throw these unwrapped; pg raises an
 * AggregateError when every address of the host refused). Not walking `cause` keeps a failed
 * outgoing fetch (its cause is a socket error too) from passing for a database outage.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const e = error as PgError | undefined;
  if (!e || typeof e !== 'object') return false;
  if (e instanceof AggregateError) return e.errors.length > 0 && e.errors.every(isDatabaseUnavailable);
  const code = typeof e.code === 'string' ? e.code : '';
  return unavailableStates.test(code) || unavailableNodeCodes.has(code) || (typeof e.message === 'string' && unavailableMessages.test(e.message));
}

const camelCase = (column: string) => column.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());

/**
 * The fields a key violation is about, never its values. From the detail `Key (tenant_id, plan_id)=(…)`
 * when PostgreSQL gives one; under row-level security it withholds the detail, so then from the
 * constraint's default name `<table>_<columns>_key` (`customers_pppoe_username_key` → pppoeUsername).
 * The tenant column is never the caller's field.
 */
function fieldsOfKey(error: PgError & { constraint?: unknown; table?: unknown }): string[] {
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
  if (isDatabaseUnavailable(error)) {
    return new AppError('DATABASE_UNAVAILABLE', 'The database is unreachable right now; try again shortly.', {
      retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS,
    });
  }
  const root = [...chainOf(error)].find((e) => typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code));
  if (!root) return undefined;
  const state = root.code as string;
  const fields = fieldsOfKey(root);
  const named = fields.length ? ` (${fields.join(', ')})` : '';
  if (state === '23505') {
    return new AppError('ALREADY_EXISTS', `Another record already has this value${named}.`, {
      fields: fields.map((field) => ({ field, problem: 'taken' })),
    });
  }
  if (state === '23503') {
    return new AppError('REFERENCE_NOT_FOUND', `A referenced record does not exist${named}.`, {
      fields: fields.map((field) => ({ field, problem: 'not_found' })),
    });
  }
  // Class 22 (data exception: invalid text representation, NUL byte, out of range, too long),
  // other integrity violations (not null, check), and values too large to index (54000).
  if (state.startsWith('22') || state.startsWith('23') || state === '54000') {
    return new AppError('VALIDATION_FAILED', 'A value was refused by the database (wrong format, out of range or too long).', { fields: [] });
  }
  return undefined;
}
