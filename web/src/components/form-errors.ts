import { ApiError } from '../api.ts';
import type { Translate, TranslationKey } from '../i18n.tsx';
import { id } from '../locales/id.ts';

/**
 * A refused form (VALIDATION_FAILED and friends name each offending field in `details.fields`,
 * e.g. `{ field: 'body.graceDays', problem: 'Too small: expected number to be >=0' }`), as one
 * translated message per input name (`graceDays`), to show at the field itself.
 */
export function fieldErrors(error: unknown, t: Translate): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const fields = (error.details as { fields?: { field: string; problem: string }[] } | undefined)?.fields ?? [];
  // `body.private.pppoePassword` → `pppoePassword`; a database column (`pppoe_username`) → `pppoeUsername`.
  const name = (field: string) => field.replace(/^(body|querystring|params)\./, '').split('.').at(-1)!.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
  return Object.fromEntries(fields.map(({ field, problem }) => [name(field), problemText(problem, t)]));
}

function problemText(problem: string, t: Translate): string {
  if (problem === 'required' || /expected string to have >=1 character/i.test(problem) || /received (undefined|null)/i.test(problem) && !/number/i.test(problem)) return t('field.required');
  const minLength = /expected string to have >=(\d+)/i.exec(problem);
  if (minLength) return t('field.minLength', { n: minLength[1]! });
  const maxLength = /expected string to have <=(\d+)/i.exec(problem);
  if (maxLength) return t('field.maxLength', { n: maxLength[1]! });
  const min = /(?:>=|at least|minimum)\s*(-?\d+)/i.exec(problem);
  if (min) return t('field.min', { n: min[1]! });
  const max = /(?:<=|at most|maximum)\s*(-?\d+)/i.exec(problem);
  if (max) return t('field.max', { n: max[1]! });
  if (/expected number|integer/i.test(problem)) return t('field.number');
  if (/taken|exists|duplicate/i.test(problem)) return t('field.taken');
  return t('field.invalid');
}

/** Whether the server named any field: the form shows them there, and no toast is needed. */
export const hasFieldErrors = (error: unknown) =>
  error instanceof ApiError && ((error.details as { fields?: unknown[] } | undefined)?.fields?.length ?? 0) > 0;

/** A server error in the person's language from its code (`errors.<CODE>`), or the server's message when the code has no translation. */
export function errorText(error: ApiError | { code: string | null; message: string | null }, t: Translate): string {
  const key = `errors.${error.code}` as TranslationKey;
  return key in id ? t(key) : (error.message ?? '');
}
