import { ApiError } from '../../api.ts';
import type { Translate, TranslationKey } from '../../i18n.tsx';

/** The collectors' refusals a person meets, in their language (the server's message is the fallback). */
const translated = [
  'NOT_A_COLLECTOR',
  'DATE_IN_FUTURE',
  'VISIT_ALREADY_RECORDED',
  'COLLECTION_NOT_HELD',
  'HANDOVER_OWN',
  'HANDOVER_BALANCE_CHANGED',
  'HANDOVER_NOTE_REQUIRED',
  'SETTLEMENT_TOO_LARGE',
  'HANDOVER_NOT_SHORT',
  'HANDOVER_ALREADY_DEPOSITED',
  'DEPOSIT_PROOF_INVALID',
  'INVOICE_NOT_OPEN',
  'PAYMENT_AMOUNT_MISMATCH',
  'NOT_FOUND',
] as const;

export const collectorErrorMessage = (error: Error, t: Translate): string =>
  error instanceof ApiError && (translated as readonly string[]).includes(error.code) ? t(`collectorsError.${error.code}` as TranslationKey) : error.message;

/** The same error with its message in the person's language, for the app's one error notification. */
export const translateError = (error: unknown, t: Translate): unknown =>
  error instanceof ApiError ? new ApiError(error.status, error.code, collectorErrorMessage(error, t), error.details) : error;
