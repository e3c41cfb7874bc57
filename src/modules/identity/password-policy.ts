import { AppError } from '../../platform/errors/app-error.ts';
import { identityErrors } from './identity.errors.ts';

export const MIN_PASSWORD_LENGTH = 10;

/**
 * Refuses a password that is too easy to guess, wherever one is set (an own change, an
 * invitation, a new tenant's owner, the super admin). `field` names it in the error.
 */
export function assertStrongPassword(password: string, email: string, field: string) {
  const problem =
    password.length < MIN_PASSWORD_LENGTH
      ? 'too_short'
      : password.trim() === ''
        ? 'only_whitespace'
        : password.trim().toLowerCase() === email.trim().toLowerCase()
          ? 'equals_email'
          : null;
  if (problem) {
    throw new AppError(
      identityErrors.PASSWORD_WEAK,
      `Choose a stronger password: at least ${MIN_PASSWORD_LENGTH} characters, not only spaces, and not your email address.`,
      { fields: [{ field, problem }] },
    );
  }
}
