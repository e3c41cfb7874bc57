import { Alert, Anchor, Badge, Button, Card, Checkbox, Group, NumberInput, SegmentedControl, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useT } from '../../i18n.tsx';
import { queryKeys } from '../../query-keys.ts';
import { useFormat } from '../../session.tsx';
import { collectorErrorMessage } from './errors.ts';
import { enqueue, flushQueue, readQueue, type QueuedAction } from './offline-queue.ts';
import { useWorklist, type WorklistCustomer } from './queries.ts';

/** The queue as React state: follows writes from this tab and from others. */
function useQueue() {
  const [queue, setQueue] = useState<QueuedAction[]>(readQueue);
  useEffect(() => {
    const update = () => setQueue(readQueue());
    window.addEventListener('simpul-queue', update);
    window.addEventListener('storage', update);
    return () => {
      window.removeEventListener('simpul-queue', update);
      window.removeEventListener('storage', update);
    };
  }, []);
  return queue;
}

/** Sends the queue now, when the signal returns, and every 30 s while anything waits. */
function useQueueSender() {
  const t = useT();
  const queryClient = useQueryClient();
  const send = useCallback(async () => {
    if (readQueue().length === 0) return;
    const result = await flushQueue();
    for (const sent of result.sent) {
      notifications.show({ color: 'teal', message: sent.receipt ? t('collector.receipt', { number: sent.receipt, what: sent.label }) : t('collector.sent', { what: sent.label }) });
    }
    for (const { action, error } of result.refused) notifications.show({ color: 'red', title: t('collector.refused', { what: action.label }), message: collectorErrorMessage(error, t) });
    if (result.sent.length || result.refused.length) await queryClient.invalidateQueries({ queryKey: queryKeys.collectors.all });
  }, [t, queryClient]);
  useEffect(() => {
    void send();
    window.addEventListener('online', send);
    const timer = setInterval(send, 30_000);
    return () => {
      window.removeEventListener('online', send);
      clearInterval(timer);
    };
  }, [send]);
  return send;
}

function useOnline() {
  const [online, setOnline] = useState(navigator.onLine);
  useEffect(() => {
    const up = () => setOnline(true);
    const down = () => setOnline(false);
    window.addEventListener('online', up);
    window.addEventListener('offline', down);
    return () => {
      window.removeEventListener('online', up);
      window.removeEventListener('offline', down);
    };
  }, []);
  return online;
}

/** The collector's phone screen: today's worklist, a customer's arrears, visits and cash, on a flaky connection. */
export function CollectorPage() {
  const t = useT();
  const format = useFormat();
  const worklist = useWorklist();
  const queue = useQueue();
  const online = useOnline();
  const send = useQueueSender();
  const queuedCash = queue.filter((q) => q.path === '/api/collector/collections').reduce((s, q) => s + ((q.body as { items: { amount: number }[] }).items ?? []).reduce((a, i) => a + i.amount, 0), 0);

  return (
    <Stack>
      <PageTitle>{t('collector.title')}</PageTitle>
      <QueryState query={worklist}>
        {(list) => (
          <Stack>
            <Card withBorder data-testid="cash-in-hand">
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <div>
                  <Text size="sm" c="dimmed">
                    {t('collector.cashInHand')}
                  </Text>
                  <Text fw={700} size="xl" data-testid="cash-amount">
                    {format.money(list.cashInHand.amount)}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t('collector.collections', { n: list.cashInHand.collections })}
                  </Text>
                </div>
                <Badge color={online ? 'teal' : 'gray'} data-testid="connection">
                  {online ? t('collector.online') : t('collector.offline')}
                </Badge>
              </Group>
              {list.cashInHand.openShortfall > 0 && (
                <Text size="sm" c="red" mt="xs">
                  {t('collector.openShortfall', { amount: format.money(list.cashInHand.openShortfall) })}
                </Text>
              )}
              {queue.length > 0 && (
                <Alert color="yellow" mt="sm" p="xs" data-testid="queue">
                  <Group justify="space-between" wrap="wrap" gap="xs">
                    <Text size="sm">{t('collector.waiting', { n: queue.length, amount: format.money(queuedCash) })}</Text>
                    <Button size="xs" variant="light" style={{ flexShrink: 0 }} onClick={() => void send()}>
                      {t('collector.sendNow')}
                    </Button>
                  </Group>
                </Alert>
              )}
            </Card>
            <Group justify="space-between">
              <Title order={4}>{t('collector.worklist', { day: format.date(list.today) })}</Title>
              <Text size="sm" c="dimmed">
                {t('collector.window', { days: list.dueWindowDays })}
              </Text>
            </Group>
            {list.customers.length === 0 && <Text c="dimmed">{t('collector.empty')}</Text>}
            {list.customers.map((customer) => (
              <CustomerCard key={customer.customerId} customer={customer} today={list.today} allowPartial={list.allowPartial} queued={queue.filter((q) => q.customerId === customer.customerId)} send={send} />
            ))}
            {worklist.more && (
              <Button variant="light" fullWidth loading={worklist.loadingMore} onClick={worklist.loadMore} data-testid="worklist-more">
                {t('collector.loadMore', { shown: list.customers.length, total: list.total })}
              </Button>
            )}
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}

function CustomerCard({ customer, today, allowPartial, queued, send }: { customer: WorklistCustomer; today: string; allowPartial: boolean; queued: QueuedAction[]; send: () => Promise<void> }) {
  const t = useT();
  const format = useFormat();
  const [mode, setMode] = useState<'none' | 'collect' | 'visit'>('none');
  const [picked, setPicked] = useState<string[]>(customer.invoices.map((i) => i.invoiceId));
  // With partial collections allowed (cicilan), the amount received per invoice, at most what is open.
  const [amounts, setAmounts] = useState<Record<string, number>>(Object.fromEntries(customer.invoices.map((i) => [i.invoiceId, i.open])));
  const amountOf = (invoiceId: string, open: number) => (allowPartial ? Math.min(open, Math.max(0, Math.floor(amounts[invoiceId] ?? open))) : open);
  const [result, setResult] = useState<'not_home' | 'refused' | 'promised'>('not_home');
  const [promisedOn, setPromisedOn] = useState('');
  const [note, setNote] = useState('');
  const collectedHere = queued.some((q) => q.path === '/api/collector/collections');
  const chosen = customer.invoices.filter((i) => picked.includes(i.invoiceId) && amountOf(i.invoiceId, i.open) > 0);
  const total = chosen.reduce((s, i) => s + amountOf(i.invoiceId, i.open), 0);

  const record = async (action: Omit<QueuedAction, 'key' | 'queuedAt'>) => {
    enqueue(action);
    setMode('none');
    if (!navigator.onLine) notifications.show({ color: 'yellow', message: t('collector.savedOffline') });
    await send();
  };
  const collect = () =>
    record({
      path: '/api/collector/collections',
      customerId: customer.customerId,
      label: `${customer.name} ${format.money(total)}`,
      body: { customerId: customer.customerId, collectedOn: today, items: chosen.map((i) => ({ invoiceId: i.invoiceId, amount: amountOf(i.invoiceId, i.open) })) },
    });
  const visit = () =>
    record({
      path: '/api/collector/visits',
      customerId: customer.customerId,
      label: `${customer.name}: ${t(`visit.${result}`)}`,
      body: { customerId: customer.customerId, visitedOn: today, result, ...(result === 'promised' ? { promisedOn } : {}), ...(note.trim() ? { note: note.trim() } : {}) },
    });

  return (
    <Card withBorder padding="sm" data-customer={customer.name}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <div style={{ minWidth: 0 }}>
            <Text fw={700}>{customer.name}</Text>
            <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              {customer.code} · {customer.address || '—'}
            </Text>
            <Group gap="sm">
              <Anchor size="sm" href={`tel:${customer.phone}`}>
                {customer.phone}
              </Anchor>
              {customer.latitude !== null && customer.longitude !== null && (
                <Anchor size="sm" href={`https://www.google.com/maps/search/?api=1&query=${customer.latitude},${customer.longitude}`} target="_blank" rel="noreferrer">
                  {t('collector.map')}
                </Anchor>
              )}
            </Group>
          </div>
          <div style={{ textAlign: 'right', flexShrink: 0 }}>
            <Text fw={700} c="red" data-testid="arrears">
              {format.money(customer.arrears)}
            </Text>
            {customer.visitedToday && <Badge size="sm">{t(`visit.${customer.visitedToday as 'paid'}`)}</Badge>}
            {queued.length > 0 && (
              <Badge size="sm" color="yellow">
                {t('collector.pending')}
              </Badge>
            )}
          </div>
        </Group>
        {customer.invoices.map((invoice) => (
          <Group key={invoice.invoiceId} justify="space-between" wrap="nowrap" gap="xs">
            {mode === 'collect' ? (
              <Checkbox
                label={`${invoice.number} · ${format.month(invoice.period)}`}
                checked={picked.includes(invoice.invoiceId)}
                onChange={(e) => setPicked(e.currentTarget.checked ? [...picked, invoice.invoiceId] : picked.filter((id) => id !== invoice.invoiceId))}
              />
            ) : (
              <Text size="sm">
                {invoice.number} · {format.month(invoice.period)}{' '}
                {invoice.overdue && (
                  <Badge size="xs" color="red" variant="light">
                    {t('collector.overdue')}
                  </Badge>
                )}
              </Text>
            )}
            {mode === 'collect' && allowPartial ? (
              <NumberInput
                size="xs"
                w={130}
                aria-label={invoice.number}
                min={1}
                max={invoice.open}
                value={amounts[invoice.invoiceId]}
                onChange={(v) => setAmounts({ ...amounts, [invoice.invoiceId]: Number(v) || 0 })}
                thousandSeparator="."
                decimalSeparator=","
              />
            ) : (
              <Text size="sm">{format.money(invoice.open)}</Text>
            )}
          </Group>
        ))}
        {mode === 'none' && !collectedHere && (
          <Group grow>
            <Button onClick={() => setMode('collect')}>{t('collector.collect')}</Button>
            <Button variant="default" onClick={() => setMode('visit')}>
              {t('collector.visit')}
            </Button>
          </Group>
        )}
        {mode === 'collect' && (
          <Stack gap="xs">
            <Text fw={600}>{t('collector.total', { amount: format.money(total) })}</Text>
            <Stack gap="xs">
              <Button color="teal" fullWidth disabled={total === 0} onClick={() => void collect()}>
                {t('collector.confirmCash')}
              </Button>
              <Button variant="default" fullWidth onClick={() => setMode('none')}>
                {t('collector.cancel')}
              </Button>
            </Stack>
          </Stack>
        )}
        {mode === 'visit' && (
          <Stack gap="xs">
            <SegmentedControl
              fullWidth
              value={result}
              onChange={(v) => setResult(v as typeof result)}
              data={(['not_home', 'refused', 'promised'] as const).map((value) => ({ value, label: t(`visit.${value}`) }))}
            />
            {result === 'promised' && <TextInput type="date" label={t('collector.promisedOn')} min={today} value={promisedOn} onChange={(e) => setPromisedOn(e.currentTarget.value)} required />}
            <Textarea label={t('collector.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={1} />
            <Stack gap="xs">
              <Button fullWidth disabled={result === 'promised' && !promisedOn} onClick={() => void visit()}>
                {t('collector.saveVisit')}
              </Button>
              <Button variant="default" fullWidth onClick={() => setMode('none')}>
                {t('collector.cancel')}
              </Button>
            </Stack>
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
