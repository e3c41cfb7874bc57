import { AppError } from '../../../platform/errors/app-error.ts';
import { billingErrors } from '../billing.errors.ts';

// Whole number, no sign, no leading zeros; an optional fraction that must be all zeros ("150000.00").
const decimalPattern = /^(0|[1-9]\d*)(?:\.(\d+))?$/;

/**
 * Reads a provider's amount as integer rupiah. Providers send "150000.00" (Midtrans) or JSON
 * numbers; a fraction of a rupiah cannot be an IDR payment and is refused, never rounded.
 */
export const parseRupiah = (value: unknown, field: string): number => {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return value;
  if (typeof value === 'string') {
    const match = decimalPattern.exec(value);
    const rupiah = match ? Number(match[1]) : NaN;
    if (match && /^0*$/.test(match[2] ?? '') && Number.isSafeInteger(rupiah)) return rupiah;
  }
  throw new AppError(billingErrors.PAYMENT_AMOUNT_INVALID, `${field} must be whole rupiah, got ${JSON.stringify(value)}.`, { field, value });
};
