import type { WaProvider } from './wa-gateway.ts';
import { WaSendError } from './wa-errors.ts';
import { notificationsErrors } from '../notifications.errors.ts';

export type ProviderResponse = {
  status: number;
  headers: Headers;
  /** The body parsed as JSON, or undefined when it is not JSON (proxies answer 502 in HTML). */
  json: unknown;
};

export type PostOptions = {
  provider: WaProvider;
  url: string;
  headers: Record<string, string>;
  body: string | URLSearchParams;
  timeoutMs: number;
  fetch: typeof fetch;
};

/** Errors before a byte was sent: the message certainly did not go out. */
const connectErrorCodes = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/**
 * POSTs to a provider and returns whatever it answered; only transport failures throw, as
 * retryable errors. Judging the answer is each adapter's job.
 */
export const postToProvider = async (options: PostOptions): Promise<ProviderResponse> => {
  try {
    const response = await options.fetch(options.url, {
      method: 'POST',
      headers: options.headers,
      body: options.body,
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, json: parseJson(text) };
  } catch (error) {
    throw transportError(options, error);
  }
};

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

const transportError = (options: PostOptions, error: unknown): WaSendError => {
  const name = (error as { name?: string }).name;
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new WaSendError({
      code: notificationsErrors.WA_PROVIDER_TIMEOUT,
      provider: options.provider,
      message: `${options.provider} did not answer within ${options.timeoutMs} ms; the message may or may not have been sent.`,
      outcomeUnknown: true,
    });
  }
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const neverSent = cause?.code !== undefined && connectErrorCodes.has(cause.code);
  return new WaSendError({
    code: notificationsErrors.WA_PROVIDER_UNAVAILABLE,
    provider: options.provider,
    message: `${options.provider} could not be reached: ${cause?.message ?? (error as Error).message}`,
    providerCode: cause?.code,
    outcomeUnknown: !neverSent,
  });
};
