/** Assertions shared by the gateway tests. */
import { expect } from 'vitest';
import { AppError } from '../../../platform/errors/app-error.ts';

export const thrownAppError = (fn: () => unknown): AppError => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('expected an AppError, nothing was thrown');
};

export const rejectedAppError = async (promise: Promise<unknown>): Promise<AppError> => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
};

/** The same notification with one header replaced (header names are matched case-insensitively). */
export const withHeader = <T extends { headers: Record<string, string> }>(notification: T, name: string, value: string | undefined): T => {
  const headers = Object.fromEntries(Object.entries(notification.headers).filter(([key]) => key.toLowerCase() !== name.toLowerCase()));
  return { ...notification, headers: value === undefined ? headers : { ...headers, [name]: value } };
};
