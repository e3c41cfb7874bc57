import { daysInMonth, localDate, monthOf } from '../../../platform/dates.ts';
import type { SaasContext } from '../saas.model.ts';

/**
 * The pro-rata rule of SaaS billing (monthly, billed in advance on the platform's calendar):
 * a change on day d of a D-day month counts for the D − d + 1 days left, today included.
 * - A recurring add-on bought mid-month: its own invoice charges price × days left / D; the
 *   monthly invoices from the next month on charge it whole.
 * - A plan change after the month's invoice was issued: (new price − old price) × days left / D
 *   as an adjustment line (a debit, or a credit when negative) on the next monthly invoice.
 * Rupiah are rounded to the nearest whole one.
 */
export function restOfMonth(ctx: SaasContext) {
  const today = localDate(ctx.clock.now(), ctx.config.timeZone); // the platform's day
  const days = daysInMonth(Number(today.slice(0, 4)), Number(today.slice(5, 7)));
  const left = days - Number(today.slice(8, 10)) + 1;
  return { period: monthOf(today), days, left, share: (monthly: number) => Math.round((monthly * left) / days) };
}
