import { AppError, AppErrorCode } from '../../../platform/errors/app-error.ts';
import type { WaProvider, WaSendRequest } from './wa-gateway.ts';
import { notificationsErrors } from '../notifications.errors.ts';

/** Codes a send can fail with. Whether a retry can help is decided here and only here. */
const retryableByCode = {
  WA_PROVIDER_RATE_LIMITED: true,
  WA_PROVIDER_UNAVAILABLE: true,
  WA_PROVIDER_TIMEOUT: true,
  WA_PROVIDER_AUTH_FAILED: false,
  WA_INVALID_RECIPIENT: false,
  WA_TEMPLATE_REJECTED: false,
  WA_MESSAGE_REJECTED: false,
} as const satisfies Partial<Record<AppErrorCode, boolean>>;
export type WaSendErrorCode = keyof typeof retryableByCode;

export type WaSendErrorOptions = {
  code: WaSendErrorCode;
  provider: WaProvider;
  message: string;
  /** The provider's own error code or reason text, for the message log. */
  providerCode?: string;
  /** From Retry-After (or the provider's documented pause) when it gave one. */
  retryAfterMs?: number;
  /**
   * The request may have reached the provider (timeout, dropped connection): a retry can
   * produce a second message, because none of these providers deduplicates sends.
   */
  outcomeUnknown?: boolean;
};

export class WaSendError extends AppError {
  readonly provider: WaProvider;
  readonly retryable: boolean;
  readonly retryAfterMs: number | undefined;
  readonly outcomeUnknown: boolean;
  readonly providerCode: string | undefined;
  constructor(options: WaSendErrorOptions) {
    super(options.code, options.message, {
      provider: options.provider,
      providerCode: options.providerCode,
      retryAfterMs: options.retryAfterMs,
      outcomeUnknown: options.outcomeUnknown ?? false,
    });
    this.name = 'WaSendError';
    this.provider = options.provider;
    this.retryable = retryableByCode[options.code];
    this.retryAfterMs = options.retryAfterMs;
    this.outcomeUnknown = options.outcomeUnknown ?? false;
    this.providerCode = options.providerCode;
  }
}

export const isRetryableWaError = (error: unknown): error is WaSendError =>
  error instanceof WaSendError && error.retryable;

const e164 = /^\+[1-9]\d{7,14}$/;

/** The recipient as the digits every provider here expects (E.164 without `+`). */
export const recipientDigits = (request: WaSendRequest, provider: WaProvider): string => {
  if (!e164.test(request.to)) {
    throw new WaSendError({
      code: notificationsErrors.WA_INVALID_RECIPIENT,
      provider,
      message: `Recipient "${request.to}" is not an E.164 number like +6281234567890; normalise it before sending.`,
    });
  }
  return request.to.slice(1);
};

/** Unofficial gateways send plain text only: a Meta template means nothing to them. */
export const requireText = (request: WaSendRequest, provider: WaProvider): string => {
  if (request.text === undefined || request.text.trim() === '') {
    throw new WaSendError({
      code: notificationsErrors.WA_MESSAGE_REJECTED,
      provider,
      message: `${provider} sends plain text only; render the template to text before sending.`,
    });
  }
  return request.text;
};

/** Retry-After is either delta-seconds or an HTTP date. */
export const parseRetryAfter = (value: string | null | undefined, nowMs: number): number | undefined => {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
};
