import { ApiError, api } from '../../api.ts';

/**
 * The collector's actions while the signal is gone: kept in localStorage (they survive a closed
 * tab or a restarted phone) and sent in order when the connection returns. Each carries the
 * Idempotency-Key it got when it was recorded, so an action whose answer was lost is sent again
 * with the same key and the server records it once.
 */
export type QueuedAction = {
  key: string;
  path: '/api/collector/collections' | '/api/collector/visits';
  body: unknown;
  /** For the screen: who and how much, before the server answered. */
  label: string;
  customerId: string;
  queuedAt: string;
};

const storageKey = 'simpul.collector.queue';

export function readQueue(): QueuedAction[] {
  try {
    const parsed = JSON.parse(localStorage.getItem(storageKey) ?? '[]');
    return Array.isArray(parsed) ? (parsed as QueuedAction[]) : [];
  } catch {
    return [];
  }
}

function writeQueue(queue: QueuedAction[]) {
  localStorage.setItem(storageKey, JSON.stringify(queue));
  window.dispatchEvent(new Event('simpul-queue'));
}

export function enqueue(action: Omit<QueuedAction, 'key' | 'queuedAt'>): QueuedAction {
  const queued = { ...action, key: crypto.randomUUID(), queuedAt: new Date().toISOString() };
  writeQueue([...readQueue(), queued]);
  return queued;
}

export type FlushResult = { sent: (QueuedAction & { receipt: string | null })[]; refused: { action: QueuedAction; error: ApiError }[]; waiting: number };

let flushing: Promise<FlushResult> | null = null;

/**
 * Sends the queue in order, one at a time. No connection (or a server that is down): stop and
 * keep the rest for later. Refused (4xx): dropped from the queue and reported (sending it again
 * would be refused again).
 */
export function flushQueue(): Promise<FlushResult> {
  flushing ??= (async () => {
    const result: FlushResult = { sent: [], refused: [], waiting: 0 };
    try {
      for (const action of readQueue()) {
        try {
          const answer = await api.postOnce<{ number?: string }>(action.path, action.body, action.key);
          result.sent.push({ ...action, receipt: answer?.number ?? null });
        } catch (error) {
          const retryLater = !(error instanceof ApiError) || error.status === 0 || error.status >= 500 || error.code === 'IDEMPOTENCY_REQUEST_IN_FLIGHT';
          if (retryLater) break;
          result.refused.push({ action, error });
        }
        writeQueue(readQueue().filter((a) => a.key !== action.key));
      }
    } finally {
      flushing = null;
    }
    result.waiting = readQueue().length;
    return result;
  })();
  return flushing;
}
