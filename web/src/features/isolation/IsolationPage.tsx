import { Button, Card, Group, Select, Stack, Tabs, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { IsolationHistoryTable } from './IsolationHistoryTable.tsx';
import { LineActionButton } from './LineActions.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useT } from '../../i18n.tsx';
import { useCustomers } from '../customers/queries.ts';
import { useIsolated, useIsolationHistory, useLineChange } from './queries.ts';
import { CustomerName } from '../../components/CustomerName.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { useCan, useFormat } from '../../session.tsx';

export function IsolationPage() {
  const t = useT();
  const can = useCan();
  const format = useFormat();
  const isolated = useIsolated();
  const history = useIsolationHistory();

  return (
    <Stack>
      <PageTitle>{t('isolation.title')}</PageTitle>
      {can('isolation.manage') && <IsolateForm />}
      <Tabs defaultValue="now" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="now">
            {t('isolation.now')} {isolated.data ? `(${isolated.data.length})` : ''}
          </Tabs.Tab>
          <Tabs.Tab value="history">{t('isolation.history')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="now" pt="md">
          <QueryState query={isolated}>
            {(lines) =>
              <DataTable
                rows={lines}
                rowKey={(line) => line.customerId}
                minWidth={600}
                empty={t('isolation.none')}
                columns={[
                  { header: t('invoices.customer'), cell: (line) => <CustomerName customerId={line.customerId} label={line} /> },
                  { header: t('payment.when'), cell: (line) => format.dateTime(line.changedAt) },
                  {
                    header: t('common.reason'),
                    cell: (line) => (
                      <>
                        {line.reason}
                        {line.restoreEligible && (
                          <Text size="xs" c="teal">
                            {t('line.restoreEligible')}
                          </Text>
                        )}
                      </>
                    ),
                  },
                  { header: null, hidden: !can('isolation.manage'), cell: (line) => <LineActionButton customerId={line.customerId} action="restore" /> },
                ]}
              />
            }
          </QueryState>
        </Tabs.Panel>
        <Tabs.Panel value="history" pt="md">
          <QueryState query={history}>{(entries) => <IsolationHistoryTable entries={entries} showCustomer />}</QueryState>
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

/** Manual isolation: pick a customer (searching the API as one types) and give a reason. */
function IsolateForm() {
  const t = useT();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const [customerId, setCustomerId] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const candidates = useCustomers({ search: debounced || undefined, limit: 20 });
  const isolate = useLineChange('isolate');

  const submit = () =>
    isolate.mutate(
      { customerId: customerId!, reason },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('isolation.isolated') });
          setCustomerId(null);
          setReason('');
        },
      },
    );

  return (
    <Card withBorder>
      <Title order={5} mb="xs">
        {t('isolation.isolate')}
      </Title>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <Select
          label={t('invoices.customer')}
          searchable
          searchValue={search}
          onSearchChange={setSearch}
          filter={({ options }) => options}
          data={(candidates.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.code} · ${c.name}` }))}
          value={customerId}
          onChange={setCustomerId}
          w={280}
        />
        <TextInput label={t('common.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} w={280} />
        <Button color="red" onClick={submit} disabled={!customerId || reason.trim().length < 3} loading={isolate.isPending}>
          {t('isolation.isolate')}
        </Button>
      </Group>
    </Card>
  );
}
