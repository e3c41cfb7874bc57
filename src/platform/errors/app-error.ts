/**
 * One error type for every failure a caller can act on. The code is machine-readable,
 * the message is for a person; HTTP status comes from one table, not from call sites.
 */
export const AppErrorCode = {
  VALIDATION_FAILED: 'VALIDATION_FAILED',
  MALFORMED_JSON: 'MALFORMED_JSON',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  UNSUPPORTED_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  INVALID_CREDENTIALS: 'INVALID_CREDENTIALS',
  LOGIN_THROTTLED: 'LOGIN_THROTTLED',
  PASSWORD_WEAK: 'PASSWORD_WEAK',
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
  // A router (NAS) is the upstream here: its failures are gateway errors, never the caller's 401.
  ROUTER_UNREACHABLE: 'ROUTER_UNREACHABLE',
  ROUTER_REFUSED: 'ROUTER_REFUSED',
  ROUTER_TIMEOUT: 'ROUTER_TIMEOUT',
  ROUTER_AUTH_FAILED: 'ROUTER_AUTH_FAILED',
  ROUTER_TLS_FAILED: 'ROUTER_TLS_FAILED',
  ROUTER_CONNECTION_LOST: 'ROUTER_CONNECTION_LOST',
  ROUTER_REJECTED: 'ROUTER_REJECTED',
  ROUTER_CIRCUIT_OPEN: 'ROUTER_CIRCUIT_OPEN',
  /** The host answered, but not as RouterOS (another service on that port, or the wrong API kind). */
  ROUTER_PROTOCOL_ERROR: 'ROUTER_PROTOCOL_ERROR',
  /** A router's stored password is sent only where it was entered for: moving the router needs it again. */
  ROUTER_PASSWORD_REQUIRED: 'ROUTER_PASSWORD_REQUIRED',
  INVALID_ADDRESS: 'INVALID_ADDRESS',
  // RADIUS: a username owned elsewhere, and a NAS's answers to CoA / Disconnect (RFC 5176)
  RADIUS_USERNAME_TAKEN: 'RADIUS_USERNAME_TAKEN',
  RADIUS_NAS_UNKNOWN: 'RADIUS_NAS_UNKNOWN',
  RADIUS_NAS_NAK: 'RADIUS_NAS_NAK',
  RADIUS_NAS_TIMEOUT: 'RADIUS_NAS_TIMEOUT',
  RADIUS_NAS_UNREACHABLE: 'RADIUS_NAS_UNREACHABLE',
  // WhatsApp providers and notification templates
  WA_PROVIDER_CONFIG_INVALID: 'WA_PROVIDER_CONFIG_INVALID',
  WA_PROVIDER_AUTH_FAILED: 'WA_PROVIDER_AUTH_FAILED',
  WA_INVALID_RECIPIENT: 'WA_INVALID_RECIPIENT',
  WA_TEMPLATE_REJECTED: 'WA_TEMPLATE_REJECTED',
  WA_MESSAGE_REJECTED: 'WA_MESSAGE_REJECTED',
  WA_PROVIDER_RATE_LIMITED: 'WA_PROVIDER_RATE_LIMITED',
  WA_PROVIDER_UNAVAILABLE: 'WA_PROVIDER_UNAVAILABLE',
  WA_PROVIDER_TIMEOUT: 'WA_PROVIDER_TIMEOUT',
  WA_WEBHOOK_SIGNATURE_INVALID: 'WA_WEBHOOK_SIGNATURE_INVALID',
  TEMPLATE_UNKNOWN_VARIABLE: 'TEMPLATE_UNKNOWN_VARIABLE',
  TEMPLATE_VARIABLE_MISSING: 'TEMPLATE_VARIABLE_MISSING',
  PHONE_INVALID: 'PHONE_INVALID',
  // Payment gateways (Midtrans, Xendit, Tripay)
  PAYMENT_GATEWAY_CONFIG_INVALID: 'PAYMENT_GATEWAY_CONFIG_INVALID',
  PAYMENT_GATEWAY_AUTH_FAILED: 'PAYMENT_GATEWAY_AUTH_FAILED',
  PAYMENT_GATEWAY_ERROR: 'PAYMENT_GATEWAY_ERROR',
  PAYMENT_SIGNATURE_INVALID: 'PAYMENT_SIGNATURE_INVALID',
  PAYMENT_NOTIFICATION_INVALID: 'PAYMENT_NOTIFICATION_INVALID',
  PAYMENT_AMOUNT_INVALID: 'PAYMENT_AMOUNT_INVALID',
} as const;
/** The platform's own codes; a module adds its codes with `defineErrors` in its `<m>.errors.ts`. */
export type PlatformErrorCode = (typeof AppErrorCode)[keyof typeof AppErrorCode];

/**
 * Every module's codes, filled in by declaration merging from each `<m>.errors.ts`:
 *   declare module '../../platform/errors/app-error.ts' {
 *     interface ModuleErrorCodes extends Record<keyof typeof billingErrors, true> {}
 *   }
 * so `new AppError('INVOICE_ALREADY_PAID', …)` type-checks only where the code exists.
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
  INVALID_CREDENTIALS: 401,
  LOGIN_THROTTLED: 429,
  PASSWORD_WEAK: 400,
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
  ROUTER_UNREACHABLE: 502,
  ROUTER_REFUSED: 502,
  ROUTER_TIMEOUT: 504,
  ROUTER_AUTH_FAILED: 502,
  ROUTER_TLS_FAILED: 502,
  ROUTER_CONNECTION_LOST: 502,
  ROUTER_REJECTED: 502,
  ROUTER_CIRCUIT_OPEN: 503,
  ROUTER_PROTOCOL_ERROR: 502,
  ROUTER_PASSWORD_REQUIRED: 422,
  INVALID_ADDRESS: 422,
  // The NAS is an upstream like a router (502/504); a session on an unregistered NAS is a setup gap (422).
  RADIUS_USERNAME_TAKEN: 409,
  RADIUS_NAS_UNKNOWN: 422,
  RADIUS_NAS_NAK: 502,
  RADIUS_NAS_TIMEOUT: 504,
  RADIUS_NAS_UNREACHABLE: 502,
  // The WhatsApp provider is an upstream like a router: refusing our credentials is a gateway
  // error (502); refusing the recipient, template or message is about the content (422).
  WA_PROVIDER_CONFIG_INVALID: 400,
  WA_PROVIDER_AUTH_FAILED: 502,
  WA_INVALID_RECIPIENT: 422,
  WA_TEMPLATE_REJECTED: 422,
  WA_MESSAGE_REJECTED: 422,
  WA_PROVIDER_RATE_LIMITED: 503,
  WA_PROVIDER_UNAVAILABLE: 502,
  WA_PROVIDER_TIMEOUT: 504,
  WA_WEBHOOK_SIGNATURE_INVALID: 401,
  TEMPLATE_UNKNOWN_VARIABLE: 400,
  TEMPLATE_VARIABLE_MISSING: 422,
  PHONE_INVALID: 400,
  // A payment provider refusing our keys is an upstream failure (502), like a router or WA provider;
  // a forged notification is the caller's 401.
  PAYMENT_GATEWAY_CONFIG_INVALID: 400,
  PAYMENT_GATEWAY_AUTH_FAILED: 502,
  PAYMENT_GATEWAY_ERROR: 502,
  PAYMENT_SIGNATURE_INVALID: 401,
  PAYMENT_NOTIFICATION_INVALID: 400,
  PAYMENT_AMOUNT_INVALID: 422,
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
