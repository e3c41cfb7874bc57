import { defineErrors } from '../../platform/errors/app-error.ts';

/** The SaaS layer's refusals, with their HTTP statuses. */
export const saasErrors = defineErrors('saas', {
  /** A create would pass the tenant's effective limit (details: limit, used, max, how to raise it). */
  LIMIT_REACHED: 409,
  /** The feature is off for this tenant (plan, override or the platform's kill switch). */
  FEATURE_DISABLED: 403,
  /** An unpaid SaaS invoice is past the platform's grace: the console is read-only until it is paid. */
  SUBSCRIPTION_LOCKED: 402,
  SAAS_INVOICE_ALREADY_PAID: 409,
  DOMAIN_NOT_VERIFIED: 422,
});

declare module '../../platform/errors/app-error.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging adds the codes
  interface ModuleErrorCodes extends Record<keyof typeof saasErrors, true> {}
}
