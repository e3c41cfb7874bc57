import { providerText } from '../../../platform/providers.ts';
import type { ProviderResponse } from './http.ts';
import { parseRetryAfter, WaSendError } from './wa-errors.ts';
import type { WaProvider } from './wa-gateway.ts';
import { notificationsErrors } from '../notifications.errors.ts';

/**
 * Fonnte and Wablas answer failures as `{ status: false, reason | message: "<text>" }`, often
 * with HTTP 200, and document no error codes: the reason text is all there is. The patterns
 * are deliberately broad; anything unrecognised is a permanent rejection, so an unknown
 * failure is shown to the operator instead of being retried forever.
 */
export const classifyGatewayFailure = (
  provider: WaProvider,
  response: ProviderResponse,
  said: unknown,
  nowMs: number,
): WaSendError => {
  const reason = providerText(said);
  const text = reason ?? `HTTP ${response.status}`;
  const fail = (code: ConstructorParameters<typeof WaSendError>[0]['code'], message: string, retryAfterMs?: number) =>
    new WaSendError({ code, provider, message: `${provider}: ${message} (${text})`, providerCode: reason, retryAfterMs });

  if (response.status === 429 || /too many|rate.?limit|slow down/i.test(text)) {
    return fail(notificationsErrors.WA_PROVIDER_RATE_LIMITED, 'sending too fast', parseRetryAfter(response.headers.get('retry-after'), nowMs));
  }
  if (response.status >= 500) return fail(notificationsErrors.WA_PROVIDER_UNAVAILABLE, 'temporary server failure');
  if (response.status === 401 || response.status === 403 || /token|unauthori[sz]ed|unknown user|invalid device|secret/i.test(text)) {
    return fail(notificationsErrors.WA_PROVIDER_AUTH_FAILED, 'the token was refused');
  }
  // A disconnected device (QR session lost) recovers when the operator rescans: worth retrying.
  if (/disconnect|not connected|device offline/i.test(text)) return fail(notificationsErrors.WA_PROVIDER_UNAVAILABLE, 'the sending device is not connected');
  if (/target|phone|number|recipient|not registered|not on whatsapp/i.test(text)) return fail(notificationsErrors.WA_INVALID_RECIPIENT, 'the recipient was refused');
  return fail(notificationsErrors.WA_MESSAGE_REJECTED, 'the message was refused');
};
