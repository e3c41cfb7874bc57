import { defineErrors } from '../../platform/errors/app-error.ts';

/**
 * Notifications' refusals, with their HTTP statuses. The WhatsApp provider is an upstream like a
 * router: refusing our credentials is a gateway error (502); refusing the recipient, template or
 * message is about the content (422). PHONE_INVALID stays in the platform: customers throw it too.
 */
export const notificationsErrors = defineErrors('notifications', {
  WA_PROVIDER_CONFIG_INVALID: 400,
  WA_PROVIDER_AUTH_FAILED: 502,
  WA_INVALID_RECIPIENT: 422,
  WA_TEMPLATE_REJECTED: 422,
  WA_MESSAGE_REJECTED: 422,
  WA_PROVIDER_RATE_LIMITED: 503,
  WA_PROVIDER_UNAVAILABLE: 502,
  WA_PROVIDER_TIMEOUT: 504,
  WA_WEBHOOK_SIGNATURE_INVALID: 401,
  TEMPLATE_UNKNOWN_VARIABLE: 400,
  TEMPLATE_VARIABLE_MISSING: 422,
});

declare module '../../platform/errors/app-error.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging adds this module's codes
  interface ModuleErrorCodes extends Record<keyof typeof notificationsErrors, true> {}
}
