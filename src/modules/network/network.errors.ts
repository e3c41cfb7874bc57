import { defineErrors } from '../../platform/errors/app-error.ts';

/**
 * Network's refusals, with their HTTP statuses. A router (NAS) is the upstream here: its failures
 * are gateway errors (502/504), never the caller's 401; a bad address is the caller's input (422).
 */
export const networkErrors = defineErrors('network', {
  ROUTER_UNREACHABLE: 502,
  ROUTER_REFUSED: 502,
  ROUTER_TIMEOUT: 504,
  ROUTER_AUTH_FAILED: 502,
  ROUTER_TLS_FAILED: 502,
  ROUTER_CONNECTION_LOST: 502,
  ROUTER_REJECTED: 502,
  ROUTER_CIRCUIT_OPEN: 503,
  /** The host answered, but not as RouterOS (another service on that port, or the wrong API kind). */
  ROUTER_PROTOCOL_ERROR: 502,
  /** A router's stored password is sent only where it was entered for: moving the router needs it again. */
  ROUTER_PASSWORD_REQUIRED: 422,
  INVALID_ADDRESS: 422,
  // RADIUS: a username owned elsewhere (409), and a NAS's answers to CoA / Disconnect (RFC 5176):
  // the NAS is an upstream like a router (502/504); a session on an unregistered NAS is a setup gap (422).
  RADIUS_USERNAME_TAKEN: 409,
  RADIUS_NAS_UNKNOWN: 422,
  RADIUS_NAS_NAK: 502,
  RADIUS_NAS_TIMEOUT: 504,
  RADIUS_NAS_UNREACHABLE: 502,
});

declare module '../../platform/errors/app-error.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging adds this module's codes
  interface ModuleErrorCodes extends Record<keyof typeof networkErrors, true> {}
}
