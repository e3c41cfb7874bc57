import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLiveBatch, liveBatchWindowMs } from '../web/src/live-batch.ts';
import { queryKeys } from '../web/src/query-keys.ts';

type Event = { type: string; data: Record<string, unknown> };
const isolationViews = [queryKeys.lines.all, queryKeys.isolationHistory.all, queryKeys.invoices.all];

describe('the console folds a burst of live events into one refresh', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  const recorder = () => {
    const flushes: { keys: unknown[][]; counts: Record<string, number> }[] = [];
    const batch = createLiveBatch<readonly unknown[], Event>(liveBatchWindowMs, (keys, events) =>
      flushes.push({ keys: keys.map((k) => [...k]), counts: Object.fromEntries([...events].map(([type, list]) => [type, list.length])) }),
    );
    return { flushes, batch };
  };

  it("should refetch each view once for a daily scan's 5,000 isolations", () => {
    const { flushes, batch } = recorder();
    for (let i = 0; i < 5_000; i++) batch.add({ type: 'isolation.customer.isolated', data: { customerId: `c${i}` } }, isolationViews);
    expect(flushes).toEqual([]); // nothing until the window closes
    vi.advanceTimersByTime(liveBatchWindowMs);
    expect(flushes).toEqual([{ keys: [['lines'], ['isolation-history'], ['invoices']], counts: { 'isolation.customer.isolated': 5_000 } }]);
    vi.advanceTimersByTime(10 * liveBatchWindowMs);
    expect(flushes).toHaveLength(1);
  });

  it('should merge the views of different kinds in one window and start a new window after it', () => {
    const { flushes, batch } = recorder();
    batch.add({ type: 'isolation.customer.restored', data: {} }, isolationViews);
    vi.advanceTimersByTime(liveBatchWindowMs - 1);
    batch.add({ type: 'billing.invoice.paid', data: { number: 'INV-1' } }, [queryKeys.invoices.all, queryKeys.payments.all, queryKeys.lines.all]);
    vi.advanceTimersByTime(1);
    expect(flushes).toEqual([
      { keys: [['lines'], ['isolation-history'], ['invoices'], ['payments']], counts: { 'isolation.customer.restored': 1, 'billing.invoice.paid': 1 } },
    ]);
    batch.add({ type: 'customers.customer.changed', data: {} }, [queryKeys.customers.all]);
    vi.advanceTimersByTime(liveBatchWindowMs);
    expect(flushes[1]).toEqual({ keys: [['customers']], counts: { 'customers.customer.changed': 1 } });
  });

  it('should drop what waits when the page closes its stream', () => {
    const { flushes, batch } = recorder();
    batch.add({ type: 'isolation.customer.isolated', data: {} }, isolationViews);
    batch.cancel();
    vi.advanceTimersByTime(liveBatchWindowMs);
    expect(flushes).toEqual([]);
  });
});
