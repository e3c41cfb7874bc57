import { defineErrors } from '../../platform/errors/app-error.ts';

/** Billing's refusals, with their HTTP statuses (the platform keeps the mechanism). */
export const billingErrors = defineErrors('billing', {
  INVOICE_ALREADY_PAID: 409,
  PAYMENT_AMOUNT_MISMATCH: 422,
  // Money desk: a payment above what remains of the invoice (partial payments on).
  PAYMENT_OVERPAYMENT: 422,
  // Payment gateways (Midtrans, Xendit, Tripay): a provider refusing our keys is an upstream
  // failure (502), like a router or WA provider; a forged notification is the caller's 401.
  PAYMENT_GATEWAY_CONFIG_INVALID: 400,
  PAYMENT_GATEWAY_AUTH_FAILED: 502,
  PAYMENT_GATEWAY_ERROR: 502,
  PAYMENT_SIGNATURE_INVALID: 401,
  PAYMENT_NOTIFICATION_INVALID: 400,
  PAYMENT_AMOUNT_INVALID: 422,
  INVOICE_NOT_OPEN: 409,
});

declare module '../../platform/errors/app-error.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging adds this module's codes
  interface ModuleErrorCodes extends Record<keyof typeof billingErrors, true> {}
}
