import { AppError } from '../errors/app-error.ts';

/**
 * The columns a PATCH sets: its entries without the undefined ones (undefined means "not sent",
 * null means "clear it"). A PATCH that sets nothing anywhere is refused before any SQL runs.
 */
export function columnsToSet<T extends Record<string, unknown>>(values: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as { [K in keyof T]?: Exclude<T[K], undefined> };
}

export function requireSomethingToUpdate(...changes: object[]) {
  if (changes.every((c) => Object.keys(c).length === 0)) throw new AppError('NOTHING_TO_UPDATE', 'Send at least one field to change.');
}
