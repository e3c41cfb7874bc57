import { AppError } from '../../../platform/errors/app-error.ts';
import { providerText } from '../../../platform/providers.ts';
import type { PaymentProvider } from './payment-gateway.ts';
import { billingErrors } from '../billing.errors.ts';

export type ProviderResponse = {
  status: number;
  /** The body parsed as JSON, or undefined when it is not JSON (proxies answer 502 in HTML). */
  json: unknown;
};

export type PostJsonOptions = {
  provider: PaymentProvider;
  url: string;
  headers: Record<string, string>;
  body: unknown;
  timeoutMs: number;
  fetch: typeof fetch;
};

/** POSTs JSON to a provider and returns whatever it answered; only transport failures throw. */
export const postJson = async (options: PostJsonOptions): Promise<ProviderResponse> => {
  let response: Response;
  let text: string;
  try {
    response = await options.fetch(options.url, {
      method: 'POST',
      headers: { accept: 'application/json', 'content-type': 'application/json', ...options.headers },
      body: JSON.stringify(options.body),
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    text = await response.text();
  } catch (error) {
    const name = (error as { name?: string }).name;
    const timedOut = name === 'TimeoutError' || name === 'AbortError';
    const cause = (error as { cause?: { message?: string } }).cause?.message ?? (error as Error).message;
    throw new AppError(
      billingErrors.PAYMENT_GATEWAY_ERROR,
      timedOut ? `${options.provider} did not answer within ${options.timeoutMs} ms.` : `${options.provider} could not be reached: ${cause}`,
      { provider: options.provider, retryable: true },
    );
  }
  return { status: response.status, json: parseJson(text) };
};

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

/**
 * Turns a provider's refusal into an AppError: refused credentials are the tenant's config to
 * fix (never retried); 429 and 5xx are the provider's trouble and worth retrying. `said` is the
 * provider's documented error field; it is sanitised, and the rest of the body never shown.
 */
export const providerRefusal = (options: { provider: PaymentProvider; httpStatus: number; said: unknown; authFailed: boolean }): AppError => {
  const { provider, httpStatus, authFailed } = options;
  const providerMessage = providerText(options.said) ?? null;
  const suffix = providerMessage ? `: ${providerMessage}` : '';
  if (authFailed) {
    return new AppError(billingErrors.PAYMENT_GATEWAY_AUTH_FAILED, `${provider} refused our credentials (HTTP ${httpStatus})${suffix}`, {
      provider,
      httpStatus,
      providerMessage,
      retryable: false,
    });
  }
  return new AppError(billingErrors.PAYMENT_GATEWAY_ERROR, `${provider} refused the payment link (HTTP ${httpStatus})${suffix}`, {
    provider,
    httpStatus,
    providerMessage,
    retryable: httpStatus === 429 || httpStatus >= 500,
  });
};

export const basicAuth = (username: string): string => `Basic ${Buffer.from(`${username}:`).toString('base64')}`;
