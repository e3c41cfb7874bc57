import { notifications } from '@mantine/notifications';
import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useT } from './i18n.tsx';
import { createLiveBatch, liveBatchWindowMs } from './live-batch.ts';
import { liveEventTypes } from './live-events.ts';
import { queryKeys } from './query-keys.ts';

/** Which cached views an event makes stale (by key prefix). */
const staleViewsOf = (type: string): QueryKey[] => {
  if (type.startsWith('billing.')) return [queryKeys.invoices.all, queryKeys.payments.all, queryKeys.lines.all];
  if (type.startsWith('isolation.')) return [queryKeys.lines.all, queryKeys.isolationHistory.all, queryKeys.invoices.all];
  if (type.startsWith('customers.')) return [queryKeys.customers.all];
  if (type.startsWith('plans.')) return [queryKeys.plans.all];
  if (type.startsWith('network.customer.')) return [queryKeys.sessions.all];
  if (type.startsWith('network.')) return [queryKeys.routers.all, queryKeys.networkLines.all];
  if (type.startsWith('notifications.')) return [queryKeys.whatsapp.messages.all];
  if (type.startsWith('maps.')) return [queryKeys.maps.all];
  if (type.startsWith('collectors.')) return [queryKeys.collectors.all, queryKeys.invoices.all];
  // A paid add-on raises limits: the subscription page (and /api/me's features) follow without reload.
  if (type.startsWith('addons.') || type.startsWith('saas.')) return [queryKeys.subscription.all, queryKeys.me];
  return [];
};

export type LiveStatus = 'connecting' | 'open';

type LiveMessage = { type: string; data: Record<string, unknown> };

/**
 * Subscribes to the server's event stream (GET /api/live) for the active tenant and refreshes
 * the views an event touches, so an open page follows changes made elsewhere (a payment by
 * webhook, an isolation by the daily scan). The browser's EventSource reconnects a dropped
 * stream by itself; when the server refuses it (e.g. a restart answered 5xx), we reconnect
 * with backoff. Events missed while disconnected are covered by refreshing everything on
 * reconnect.
 */
export function useLiveUpdates(tenantId: string | null): LiveStatus {
  const queryClient = useQueryClient();
  const t = useT();
  // The language may change while connected; the stream shouldn't reconnect for that.
  const translate = useRef(t);
  translate.current = t;
  const [status, setStatus] = useState<LiveStatus>('connecting');

  useEffect(() => {
    if (!tenantId) return;
    let source: EventSource | null = null;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    let delayMs = 1000;
    let everOpened = false;

    const batch = createLiveBatch<QueryKey, LiveMessage>(liveBatchWindowMs, (staleKeys, events) => {
      for (const queryKey of staleKeys) void queryClient.invalidateQueries({ queryKey });
      const t = translate.current;
      // One toast per kind per burst: a count when several came together.
      const paid = events.get('billing.invoice.paid') ?? [];
      if (paid.length === 1) notifications.show({ color: 'teal', message: t('live.paid', { number: String(paid[0].data.number ?? '') }) });
      if (paid.length > 1) notifications.show({ color: 'teal', message: t('live.paidMany', { count: paid.length }) });
      const restored = events.get('isolation.customer.restored') ?? [];
      if (restored.length === 1) notifications.show({ color: 'teal', message: t('live.restored') });
      if (restored.length > 1) notifications.show({ color: 'teal', message: t('live.restoredMany', { count: restored.length }) });
      for (const suggestion of events.get('maps.outage.suggested') ?? []) {
        notifications.show({ color: 'orange', message: t('live.outageSuggested', { area: String(suggestion.data.areaName ?? '') }) });
      }
    });

    const onMessage = (message: MessageEvent<string>) => {
      const event = parse(message.data);
      if (event) batch.add(event, staleViewsOf(event.type));
    };

    const connect = () => {
      setStatus('connecting');
      source = new EventSource('/api/live');
      source.onopen = () => {
        delayMs = 1000;
        if (everOpened) void queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] !== queryKeys.me[0] });
        everOpened = true;
        setStatus('open');
      };
      // The server names each message after its event type; named messages reach only
      // listeners registered for that name, never onmessage.
      for (const type of liveEventTypes) source.addEventListener(type, onMessage as EventListener);
      source.onerror = () => {
        setStatus('connecting');
        if (source?.readyState === EventSource.CLOSED) {
          source.close();
          retryTimer = setTimeout(connect, delayMs);
          delayMs = Math.min(delayMs * 2, 30_000);
        }
      };
    };
    connect();
    return () => {
      clearTimeout(retryTimer);
      batch.cancel();
      source?.close();
    };
  }, [tenantId, queryClient]);

  return status;
}

function parse(text: string): LiveMessage | null {
  try {
    const value = JSON.parse(text) as { type?: unknown; data?: unknown };
    return typeof value.type === 'string' ? { type: value.type, data: (value.data ?? {}) as Record<string, unknown> } : null;
  } catch {
    return null;
  }
}
