import { isRetryableWaError, type WaSendError } from './wa-errors.ts';
import type { WaGateway, WaSendRequest, WaSendResult } from './wa-gateway.ts';

/**
 * Test and benchmark support: what the delivery job will do, minus backoff. Retries only
 * what the adapter classified as retryable; a permanent error is thrown at once.
 */
export const sendRetryingTransientFailures = async (
  gateway: WaGateway,
  request: WaSendRequest,
  maxAttempts: number,
): Promise<{ result: WaSendResult; transientFailures: WaSendError[] }> => {
  const transientFailures: WaSendError[] = [];
  for (;;) {
    try {
      return { result: await gateway.send(request), transientFailures };
    } catch (error) {
      if (!isRetryableWaError(error) || transientFailures.length + 1 >= maxAttempts) throw error;
      transientFailures.push(error);
    }
  }
};
