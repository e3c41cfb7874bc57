import { defineErrors } from '../../platform/errors/app-error.ts';

/** Billing's refusals, with their HTTP statuses (the platform keeps the mechanism). */
export const billingErrors = defineErrors('billing', {
  INVOICE_ALREADY_PAID: 409,
  PAYMENT_AMOUNT_MISMATCH: 422,
});

declare module '../../platform/errors/app-error.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging adds the codes
  interface ModuleErrorCodes extends Record<keyof typeof billingErrors, true> {}
}
