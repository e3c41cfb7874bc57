import { defineErrors } from '../../platform/errors/app-error.ts';

/** Identity's refusals, with their HTTP statuses (UNAUTHENTICATED and FORBIDDEN stay in the platform). */
export const identityErrors = defineErrors('identity', {
  INVALID_CREDENTIALS: 401,
  LOGIN_THROTTLED: 429,
  PASSWORD_WEAK: 400,
});

declare module '../../platform/errors/app-error.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging adds this module's codes
  interface ModuleErrorCodes extends Record<keyof typeof identityErrors, true> {}
}
