import { AppError } from '../../../platform/errors/app-error.ts';
import { formatDate, formatDateTime, formatRupiah, type TemplateLanguage, type TenantTimeZone } from './format.ts';
import { allowedVariables, templateVariables, type NotificationKind, type TemplateVariable } from './notification-kinds.ts';
import { notificationsErrors } from '../notifications.errors.ts';

/** `{{ name }}`; spaces inside the braces are allowed. */
const placeholder = /\{\{\s*([^{}]*?)\s*\}\}/g;
const identifier = /^[a-z][a-z0-9_]*$/;
/** WhatsApp's limit for a text message body. */
export const maxTemplateLength = 4096;

export type TemplateValues = Partial<Record<TemplateVariable, string | number | Date>>;

/** Variable names used in a text, in order of first appearance. */
export const placeholdersIn = (text: string): string[] => [...new Set([...text.matchAll(placeholder)].map((m) => m[1]))];

/**
 * Checks a template before it is saved: every `{{variable}}` must be one its notification kind
 * provides, and no brace may be left half-open.
 */
export const validateTemplate = (text: string, kind: NotificationKind): void => {
  if (text.trim() === '') throw new AppError('VALIDATION_FAILED', 'A template needs some text.');
  if (text.length > maxTemplateLength) {
    throw new AppError('VALIDATION_FAILED', `A template may have at most ${maxTemplateLength} characters (WhatsApp's limit); this one has ${text.length}.`);
  }
  const leftover = text.replace(placeholder, '');
  if (leftover.includes('{{') || leftover.includes('}}')) {
    throw new AppError('VALIDATION_FAILED', 'The template has an unclosed "{{" or a stray "}}"; write variables as {{customer_name}}.');
  }
  const allowed: readonly string[] = allowedVariables(kind);
  const unknown = placeholdersIn(text).filter((name) => !identifier.test(name) || !allowed.includes(name));
  if (unknown.length > 0) {
    throw new AppError(
      notificationsErrors.TEMPLATE_UNKNOWN_VARIABLE,
      `Unknown variable${unknown.length > 1 ? 's' : ''} ${unknown.map((n) => `{{${n}}}`).join(', ')} in the ${kind} template. Available: ${allowed.map((n) => `{{${n}}}`).join(', ')}.`,
      { unknown, allowed },
    );
  }
};

export type RenderOptions = { timeZone: TenantTimeZone; language: TemplateLanguage };

/**
 * Fills a validated template. Values are typed (money as integer rupiah, dates as Date) and
 * formatted here, once, for the tenant's time zone and language.
 */
export const renderTemplate = (text: string, values: TemplateValues, options: RenderOptions): string =>
  text.replace(placeholder, (_match, name: string) => {
    const value = values[name as TemplateVariable];
    if (value === undefined) {
      throw new AppError(notificationsErrors.TEMPLATE_VARIABLE_MISSING, `No value for {{${name}}}: the event did not provide it.`, { variable: name });
    }
    return formatValue(name as TemplateVariable, value, options);
  });

const formatValue = (name: TemplateVariable, value: string | number | Date, options: RenderOptions): string => {
  const kind = templateVariables[name]?.kind ?? 'text';
  if (kind === 'money' && typeof value === 'number') return formatRupiah(value);
  if (kind === 'date' && value instanceof Date) return formatDate(value, options.timeZone, options.language);
  if (kind === 'datetime' && value instanceof Date) return formatDateTime(value, options.timeZone, options.language);
  if (kind === 'count' && typeof value === 'number') return value.toLocaleString(options.language === 'id' ? 'id-ID' : 'en-GB');
  if (typeof value === 'string') return value;
  throw new AppError(notificationsErrors.TEMPLATE_VARIABLE_MISSING, `{{${name}}} needs a ${kind} value, got ${value instanceof Date ? 'a date' : typeof value}.`, { variable: name });
};
