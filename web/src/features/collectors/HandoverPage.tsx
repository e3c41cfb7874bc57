import { Alert, Badge, Button, Card, Group, NumberInput, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { DataTable } from '../../components/DataTable.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useT } from '../../i18n.tsx';
import { useCan, useFormat, useSession } from '../../session.tsx';
import { CollectionsNav } from './CollectionsNav.tsx';
import { useAssignments, useBalance, useDifferences, useOfficeMutation, type Balance, type Handover } from './queries.ts';

/** The admin's handover screen (setoran): pick a collector, count their whole balance, record the difference with a note. */
export function HandoverPage() {
  const t = useT();
  const can = useCan();
  const assignments = useAssignments({ limit: 1, offset: 0 }, can('collections.manage'));
  const [collector, setCollector] = useState<string | null>(null);
  const balance = useBalance(collector);

  return (
    <Stack>
      <PageTitle>{t('collections.title')}</PageTitle>
      <CollectionsNav />
      <Select
        label={t('collections.collector')}
        maw={320}
        value={collector}
        onChange={setCollector}
        data={(assignments.data?.collectors ?? []).map((c) => ({ value: c.userId, label: c.name }))}
        placeholder={t('collections.pickCollector')}
      />
      {collector && <QueryState query={balance}>{(b) => <HandoverForm key={collector} collectorUserId={collector} balance={b} />}</QueryState>}
      <OpenDifferences />
    </Stack>
  );
}

function HandoverForm({ collectorUserId, balance }: { collectorUserId: string; balance: Balance }) {
  const t = useT();
  const format = useFormat();
  const me = useSession();
  const [counted, setCounted] = useState<number | string>('');
  const [settlement, setSettlement] = useState<number | string>(0);
  const [note, setNote] = useState('');
  const confirm = useOfficeMutation<{ collectorUserId: string; collectionIds: string[]; countedAmount: number; settlementAmount: number; note?: string }>(() => '/api/collectors/handovers');
  const reject = useOfficeMutation<{ id: string; reason: string }>((b) => `/api/collectors/collections/${b.id}/reject`);
  const expected = balance.amount + Number(settlement || 0);
  const difference = counted === '' ? null : Number(counted) - expected;
  const own = collectorUserId === me.user.id;

  const submit = () =>
    confirm.mutate(
      { collectorUserId, collectionIds: balance.held.map((c) => c.id), countedAmount: Number(counted), settlementAmount: Number(settlement || 0), ...(note.trim() ? { note: note.trim() } : {}) },
      { onSuccess: () => notifications.show({ color: 'teal', message: t('collections.confirmed') }) },
    );

  return (
    <Card withBorder>
      <Stack>
        <DataTable
          rows={balance.held}
          rowKey={(c) => c.id}
          columns={[
            { header: t('collections.receipt'), cell: (c) => c.number },
            { header: t('collections.customer'), cell: (c) => c.customerName ?? '—' },
            { header: t('collections.collectedOn'), cell: (c) => format.date(c.collectedOn) },
            { header: t('invoices.amount'), cell: (c) => format.money(c.amount), align: 'right' },
            {
              header: '',
              cell: (c) => (
                <Button size="compact-xs" variant="subtle" color="red" onClick={() => { const reason = window.prompt(t('collections.rejectReason')); if (reason) reject.mutate({ id: c.id, reason }); }}>
                  {t('collections.reject')}
                </Button>
              ),
            },
          ]}
          empty={t('collections.nothingHeld')}
        />
        <Group grow align="flex-start" wrap="wrap">
          <div>
            <Text size="sm" c="dimmed">
              {t('collections.expected')}
            </Text>
            <Text fw={700} data-testid="expected">
              {format.money(balance.amount)}
            </Text>
            {balance.openShortfall > 0 && (
              <Text size="xs" c="red">
                {t('collector.openShortfall', { amount: format.money(balance.openShortfall) })}
              </Text>
            )}
          </div>
          {balance.openShortfall > 0 && <NumberInput label={t('collections.settlement')} min={0} max={balance.openShortfall} value={settlement} onChange={setSettlement} thousandSeparator="." decimalSeparator="," />}
          <NumberInput label={t('collections.counted')} min={0} value={counted} onChange={setCounted} thousandSeparator="." decimalSeparator="," required />
        </Group>
        {difference !== null && difference !== 0 && (
          <Alert color={difference < 0 ? 'red' : 'yellow'} data-testid="difference">
            {difference < 0 ? t('collections.short', { amount: format.money(-difference) }) : t('collections.over', { amount: format.money(difference) })}
          </Alert>
        )}
        <Textarea label={t('collections.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} required={difference !== null && difference !== 0} autosize minRows={1} />
        {own && <Alert color="red">{t('collections.ownHandover')}</Alert>}
        <Group>
          <Button onClick={submit} loading={confirm.isPending} disabled={own || counted === '' || (difference !== 0 && !note.trim()) || (balance.held.length === 0 && Number(settlement || 0) === 0)}>
            {t('collections.confirm')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function OpenDifferences() {
  const t = useT();
  const can = useCan();
  const format = useFormat();
  const differences = useDifferences();
  const writeOff = useOfficeMutation<{ id: string; reason: string }>((b) => `/api/collectors/handovers/${b.id}/write-off`);
  return (
    <Card withBorder>
      <Title order={4} mb="sm">
        {t('collections.openDifferences')}
      </Title>
      <QueryState query={differences}>{(rows) => <DifferencesTable rows={rows} format={format} action={can('collections.write_off') ? (h) => (
        <Button size="compact-xs" variant="light" color="red" onClick={() => { const reason = window.prompt(t('collections.writeOffReason')); if (reason) writeOff.mutate({ id: h.id, reason }); }}>
          {t('collections.writeOff')}
        </Button>
      ) : undefined} />}</QueryState>
    </Card>
  );
}

export function DifferencesTable({ rows, format, action }: { rows: Handover[]; format: ReturnType<typeof useFormat>; action?: (h: Handover) => React.ReactNode }) {
  const t = useT();
  return (
    <DataTable
      rows={rows}
      rowKey={(h) => h.id}
      columns={[
        { header: t('collections.handover'), cell: (h) => h.number },
        { header: t('collections.when'), cell: (h) => format.dateTime(h.confirmedAt) },
        { header: t('collections.difference'), cell: (h) => <Badge color="red">{format.money(h.difference)}</Badge>, align: 'right' },
        { header: t('collections.stillOpen'), cell: (h) => format.money(h.openShortfall), align: 'right' },
        { header: t('collections.note'), cell: (h) => h.note ?? '—' },
        { header: '', cell: (h) => action?.(h) ?? null, hidden: !action },
      ]}
      empty={t('collections.noDifferences')}
    />
  );
}
