import { defineErrors } from '../../platform/errors/app-error.ts';

/** The collectors module's refusals, with their HTTP statuses. */
export const collectorsErrors = defineErrors('collectors', {
  NOT_A_COLLECTOR: 422,
  DATE_IN_FUTURE: 400,
  VISIT_ALREADY_RECORDED: 409,
  COLLECTION_NOT_HELD: 409,
  HANDOVER_OWN: 403,
  HANDOVER_BALANCE_CHANGED: 409,
  HANDOVER_NOTE_REQUIRED: 400,
  SETTLEMENT_TOO_LARGE: 422,
  HANDOVER_NOT_SHORT: 409,
  HANDOVER_ALREADY_DEPOSITED: 409,
  DEPOSIT_PROOF_INVALID: 400,
});

declare module '../../platform/errors/app-error.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging adds the codes
  interface ModuleErrorCodes extends Record<keyof typeof collectorsErrors, true> {}
}
