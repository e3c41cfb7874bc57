import { defineErrors } from '../../platform/errors/app-error.ts';

/** The customer portal's refusals, with their HTTP statuses. */
export const portalErrors = defineErrors('portal', {
  /** Neither a customer code nor an Indonesian phone number. */
  PORTAL_IDENTIFIER_INVALID: 400,
  /** Wrong, expired or already used code, or no code asked for: one answer for all, so none tells a customer from a stranger. */
  PORTAL_CODE_INVALID: 401,
  /** Five wrong tries on the latest code: ask for a new one. */
  PORTAL_CODE_LOCKED: 429,
  /** Too many codes asked for this number or from this address. */
  PORTAL_CODE_RATE_LIMITED: 429,
  /** Not logged in to the portal (or the session expired). */
  PORTAL_SESSION_REQUIRED: 401,
  /** The tenant has no payment gateway set up: the customer pays the ISP another way. */
  PORTAL_NO_PAYMENT_GATEWAY: 409,
  /** Too many complaints from one customer in an hour. */
  PORTAL_COMPLAINT_RATE_LIMITED: 429,
});

declare module '../../platform/errors/app-error.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging adds the codes
  interface ModuleErrorCodes extends Record<keyof typeof portalErrors, true> {}
}
