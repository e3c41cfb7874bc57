import { ApiError } from './api.ts';
import type { Translate, TranslationKey } from './i18n.tsx';
import { id } from './locales/id.ts';

/**
 * A refused request's `details.fields` as a map from the form's field name to a message in the
 * person's language (`body.private.pppoePassword` → `pppoePassword`), so each input shows its
 * own error instead of one toast.
 */
export function fieldErrors(error: unknown, t: Translate): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const fields = (error.details as { fields?: { field: string; problem: string }[] } | undefined)?.fields ?? [];
  const problemKey = (problem: string): TranslationKey => {
    if (/required|too_small|at least 1|empty|>=1/i.test(problem)) return 'form.problem.required';
    if (/taken|exists|unique/i.test(problem)) return 'form.problem.taken';
    return 'form.problem.invalid';
  };
  // `body.private.pppoePassword` → `pppoePassword`; a database column (`pppoe_username`) → `pppoeUsername`.
  const name = (field: string) => field.replace(/^body\./, '').split('.').at(-1)!.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
  return Object.fromEntries(fields.map((f) => [name(f.field), t(problemKey(f.problem))]));
}

/** A server error in the person's language from its code, or the server's message when the code has no translation yet. */
export function errorText(error: ApiError | { code: string | null; message: string | null }, t: Translate): string {
  const key = `errorCode.${error.code}` as TranslationKey;
  return key in id ? t(key) : (error.message ?? '');
}
