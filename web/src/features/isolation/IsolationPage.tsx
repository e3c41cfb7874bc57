import { Button, Card, Group, Pagination, Stack, Tabs, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { IsolationHistoryTable } from './IsolationHistoryTable.tsx';
import { LineActionButton } from './LineActions.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useT } from '../../i18n.tsx';
import { CustomerPicker } from '../customers/CustomerPicker.tsx';
import { useIsolated, useIsolatedCount, useIsolationHistory, useLineChange } from './queries.ts';
import { CustomerName } from '../../components/CustomerName.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { useCan, useFormat } from '../../session.tsx';

const pageSize = 25;

export function IsolationPage() {
  const t = useT();
  const can = useCan();
  const format = useFormat();
  const [page, setPage] = useState(1);
  const isolated = useIsolated({ limit: pageSize, offset: (page - 1) * pageSize });
  const count = useIsolatedCount();
  const history = useIsolationHistory();

  return (
    <Stack>
      <PageTitle>{t('isolation.title')}</PageTitle>
      {can('isolation.manage') && <IsolateForm />}
      <Tabs defaultValue="now" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="now">
            {t('isolation.now')} {count.data ? `(${count.data.count})` : ''}
          </Tabs.Tab>
          <Tabs.Tab value="history">{t('isolation.history')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="now" pt="md">
          <QueryState query={isolated}>
            {(lines) => (
              <>
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
              {(count.data?.count ?? 0) > pageSize && (
                <Pagination total={Math.ceil(count.data!.count / pageSize)} value={page} onChange={setPage} mt="sm" />
              )}
              </>
            )}
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
  const [customerId, setCustomerId] = useState<string | null>(null);
  const [reason, setReason] = useState('');
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
        <CustomerPicker value={customerId} onChange={setCustomerId} />
        <TextInput label={t('common.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} w={280} />
        <Button color="red" onClick={submit} disabled={!customerId || reason.trim().length < 3} loading={isolate.isPending}>
          {t('isolation.isolate')}
        </Button>
      </Group>
    </Card>
  );
}
