/**
 * One error type for every failure a caller can act on. The code is machine-readable,
 * the message is for a person; HTTP status comes from the code, not from call sites. This file
 * keeps only the generic codes (HTTP, auth, database, idempotency, events) and those several
 * modules throw; a module's own codes live in its `<m>.errors.ts` (`defineErrors` below).
 */
export const AppErrorCode = {
  VALIDATION_FAILED: 'VALIDATION_FAILED',
  MALFORMED_JSON: 'MALFORMED_JSON',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  UNSUPPORTED_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  ROUTE_NOT_FOUND: 'ROUTE_NOT_FOUND',
  METHOD_NOT_ALLOWED: 'METHOD_NOT_ALLOWED',
  CONFLICT: 'CONFLICT',
  TENANT_REQUIRED: 'TENANT_REQUIRED',
  NOT_READY: 'NOT_READY',
  INTERNAL: 'INTERNAL',
  // Input the database refused (one mapping: platform/db/database-errors.ts), and empty changes
  ALREADY_EXISTS: 'ALREADY_EXISTS',
  REFERENCE_NOT_FOUND: 'REFERENCE_NOT_FOUND',
  NOTHING_TO_UPDATE: 'NOTHING_TO_UPDATE',
  URI_TOO_LONG: 'URI_TOO_LONG',
  HEADERS_TOO_LARGE: 'HEADERS_TOO_LARGE',
  REQUEST_TIMEOUT: 'REQUEST_TIMEOUT',
  RATE_LIMITED: 'RATE_LIMITED',
  DATABASE_UNAVAILABLE: 'DATABASE_UNAVAILABLE',
  IDEMPOTENCY_KEY_REUSED: 'IDEMPOTENCY_KEY_REUSED',
  IDEMPOTENCY_REQUEST_IN_FLIGHT: 'IDEMPOTENCY_REQUEST_IN_FLIGHT',
  /** An event's data does not match its catalog schema; the publishing transaction rolls back. */
  EVENT_SCHEMA_INVALID: 'EVENT_SCHEMA_INVALID',
  /** Customers and notifications both refuse a number that is not Indonesian. */
  PHONE_INVALID: 'PHONE_INVALID',
} as const;
/** The platform's own codes; a module adds its codes with `defineErrors` in its `<m>.errors.ts`. */
export type PlatformErrorCode = (typeof AppErrorCode)[keyof typeof AppErrorCode];

/**
 * Every module's codes, filled in by declaration merging from each `<m>.errors.ts`:
 *   declare module '../../platform/errors/app-error.ts' {
 *     interface ModuleErrorCodes extends Record<keyof typeof billingErrors, true> {}
 *   }
 * so `new AppError(billingErrors.INVOICE_ALREADY_PAID, …)` type-checks only where the code exists.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ModuleErrorCodes {}
export type AppErrorCode = PlatformErrorCode | (keyof ModuleErrorCodes & string);

const platformStatuses: Record<PlatformErrorCode, number> = {
  VALIDATION_FAILED: 400,
  MALFORMED_JSON: 400,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  ROUTE_NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  TENANT_REQUIRED: 400,
  NOT_READY: 503,
  EVENT_SCHEMA_INVALID: 422,
  INTERNAL: 500,
  ALREADY_EXISTS: 409,
  REFERENCE_NOT_FOUND: 422,
  NOTHING_TO_UPDATE: 400,
  URI_TOO_LONG: 414,
  HEADERS_TOO_LARGE: 431,
  REQUEST_TIMEOUT: 408,
  RATE_LIMITED: 429,
  DATABASE_UNAVAILABLE: 503,
  // Idempotency-Key: the same key for another request; the same key while its first request still runs.
  IDEMPOTENCY_KEY_REUSED: 422,
  IDEMPOTENCY_REQUEST_IN_FLIGHT: 409,
  PHONE_INVALID: 400,
};

/** The one table of HTTP statuses: the platform's, then each module's as its errors file is loaded. */
const httpStatusByCode = new Map<string, number>(Object.entries(platformStatuses));

/**
 * A module's error codes with their HTTP statuses, registered once when the module's errors file
 * is imported (the composition root imports every module, so all are known before a request).
 * A code may belong to one module only.
 */
export function defineErrors<const T extends Record<string, number>>(module: string, statuses: T): { readonly [K in keyof T]: K } {
  for (const [code, status] of Object.entries(statuses)) {
    if (httpStatusByCode.has(code)) throw new Error(`Error code ${code} of module ${module} is already defined`);
    httpStatusByCode.set(code, status);
  }
  return Object.fromEntries(Object.keys(statuses).map((code) => [code, code])) as { readonly [K in keyof T]: K };
}

/** Every code known now, with its status: for the console's translation check and the docs. */
export const registeredErrorCodes = (): ReadonlyMap<string, number> => httpStatusByCode;

/** One form of `details.fields` on the wire: which input is wrong and why. */
export type FieldProblem = { field: string; problem: string };

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly details: unknown;
  /** `details.fields` may be written as a map `{ phone: 'invalid' }`; it is always carried as `FieldProblem[]`. */
  constructor(code: AppErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = withFieldList(details);
  }
  get httpStatus(): number {
    return httpStatusByCode.get(this.code) ?? 500;
  }
}

function withFieldList(details: unknown): unknown {
  const fields = (details as { fields?: unknown } | undefined)?.fields;
  if (!fields || typeof fields !== 'object' || Array.isArray(fields)) return details;
  const list: FieldProblem[] = Object.entries(fields).map(([field, problem]) => ({ field, problem: String(problem) }));
  return { ...(details as object), fields: list };
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;
