import { Anchor, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { CustomerMap } from '../../components/CustomerMap.tsx';
import { CustomerName } from '../../components/CustomerName.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useT } from '../../i18n.tsx';
import { useCustomers } from '../customers/queries.ts';
import { useInvoices, usePaymentHistory } from '../invoices/queries.ts';
import { useIsolated } from '../isolation/queries.ts';
import { useOnlineNow } from '../routers/queries.ts';
import { useCan, useFormat } from '../../session.tsx';
import type { PaymentHistoryEntry } from '../../api/types.ts';

/** Money received from customers (the collector chain's later steps move the same money on). */
const receivedTypes = new Set<PaymentHistoryEntry['type']>(['gateway', 'manual', 'collected_by_collector']);

export function DashboardPage() {
  const t = useT();
  const can = useCan();
  const format = useFormat();
  const seesBilling = can('billing.read');
  const customers = useCustomers({ limit: 500 });
  const unpaid = useInvoices({ status: 'unpaid', limit: 1 }, { enabled: seesBilling });
  const isolated = useIsolated();
  const online = useOnlineNow();
  const payments = usePaymentHistory({ limit: 500 }, { enabled: seesBilling });

  const today = format.localDay(new Date());
  const receivedToday = (payments.data ?? []).filter((p) => receivedTypes.has(p.type) && format.localDay(p.createdAt) === today);
  const isolatedIds = new Set((isolated.data ?? []).map((line) => line.customerId));

  return (
    <Stack>
      <PageTitle>{t('nav.dashboard')}</PageTitle>
      <SimpleGrid cols={{ base: 2, md: 5 }}>
        <Stat label={t('dashboard.customers')} value={customers.data?.total} to="/customers" testId="stat-customers" />
        {seesBilling && <Stat label={t('dashboard.unpaid')} value={unpaid.data?.total} to="/invoices?status=unpaid" testId="stat-unpaid" />}
        <Stat label={t('dashboard.isolated')} value={isolated.data?.length} to="/isolation" testId="stat-isolated" color="red" />
        <Stat label={t('dashboard.online')} value={online.data?.count} testId="stat-online" color="teal" />
        {seesBilling && (
          <Stat
            label={t('dashboard.todayPayments')}
            value={payments.data ? format.money(receivedToday.reduce((sum, p) => sum + p.amount, 0)) : undefined}
            hint={t('dashboard.todayCount', { count: receivedToday.length })}
            testId="stat-today"
          />
        )}
      </SimpleGrid>

      <Card withBorder>
        <Title order={4} mb="sm">
          {t('dashboard.map')}
        </Title>
        {customers.data && customers.data.items.some((c) => c.latitude !== null) ? (
          <CustomerMap customers={customers.data.items.map((c) => ({ ...c, isolated: isolatedIds.has(c.id) }))} />
        ) : (
          <Text c="dimmed" size="sm">
            {t('dashboard.noMap')}
          </Text>
        )}
      </Card>

      {seesBilling && (
        <Card withBorder>
          <Title order={4} mb="sm">
            {t('dashboard.recentPayments')}
          </Title>
          <DataTable
            rows={(payments.data ?? []).filter((p) => receivedTypes.has(p.type)).slice(0, 8)}
            rowKey={(p) => p.id}
            minWidth={480}
            columns={[
              { header: t('payment.when'), cell: (p) => format.dateTime(p.createdAt) },
              {
                header: t('invoices.number'),
                cell: (p) => (
                  <Anchor component={Link} to={`/invoices/${p.invoiceId}`}>
                    {p.invoiceNumber}
                  </Anchor>
                ),
              },
              { header: t('invoices.customer'), cell: (p) => <CustomerName customerId={p.customerId} label={p} /> },
              { header: t('payment.type'), cell: (p) => t(`payment.${p.type}`) },
              { header: t('invoices.amount'), align: 'right', cell: (p) => format.money(p.amount) },
            ]}
          />
        </Card>
      )}
    </Stack>
  );
}

function Stat(props: { label: string; value: number | string | undefined; hint?: string; to?: string; testId: string; color?: string }) {
  const body = (
    <Card withBorder padding="md" data-testid={props.testId}>
      <Text size="sm" c="dimmed">
        {props.label}
      </Text>
      <Group gap="xs" align="baseline">
        <Text fz={28} fw={700} c={props.color}>
          {props.value ?? '…'}
        </Text>
      </Group>
      {props.hint && (
        <Text size="xs" c="dimmed">
          {props.hint}
        </Text>
      )}
    </Card>
  );
  return props.to ? (
    <Anchor component={Link} to={props.to} underline="never" c="inherit">
      {body}
    </Anchor>
  ) : (
    body
  );
}
