import { defineErrors } from '../../platform/errors/app-error.ts';

/** The customers module's refusals, with their HTTP statuses. */
export const customerErrors = defineErrors('customers', {
  /** A terminated customer (berhenti) is history: nothing about them changes any more. */
  CUSTOMER_TERMINATED: 409,
  /** Suspending a suspended customer, resuming an active one. */
  CUSTOMER_STATUS_UNCHANGED: 409,
});

declare module '../../platform/errors/app-error.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging adds the codes
  interface ModuleErrorCodes extends Record<keyof typeof customerErrors, true> {}
}
