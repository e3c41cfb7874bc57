import { Anchor, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { CustomerMap } from '../../components/CustomerMap.tsx';
import { CustomerName } from '../../components/CustomerName.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useT } from '../../i18n.tsx';
import { useCustomers } from '../customers/queries.ts';
import { useBillingSummary, usePaymentHistory } from '../invoices/queries.ts';
import { useIsolated, useIsolatedCount } from '../isolation/queries.ts';
import { useOnlineNow } from '../routers/queries.ts';
import { useCan, useFormat } from '../../session.tsx';
import type { PaymentHistoryEntry } from '../../api/types.ts';

/** Money received from customers (the collector chain's later steps move the same money on). */
const receivedTypes = new Set<PaymentHistoryEntry['type']>(['gateway', 'manual', 'collected_by_collector']);
/** Customers on the dashboard's map (the maps page shows them all); also the most the isolation filter takes. */
const mapSize = 100;

export function DashboardPage() {
  const t = useT();
  const can = useCan();
  const format = useFormat();
  const seesBilling = can('billing.read');
  // The figures are counted by the server; the map shows the first customers with their line state.
  const customers = useCustomers({ limit: mapSize });
  const summary = useBillingSummary({ enabled: seesBilling });
  const isolatedCount = useIsolatedCount();
  const mapIds = (customers.data?.items ?? []).filter((c) => c.latitude !== null).map((c) => c.id);
  const isolated = useIsolated({ customerId: mapIds, limit: mapSize }, { enabled: mapIds.length > 0 });
  const online = useOnlineNow();
  const payments = usePaymentHistory({ limit: 50 }, { enabled: seesBilling });
  const isolatedIds = new Set((isolated.data ?? []).map((line) => line.customerId));

  return (
    <Stack>
      <PageTitle>{t('nav.dashboard')}</PageTitle>
      <SimpleGrid cols={{ base: 2, md: 5 }}>
        <Stat label={t('dashboard.customers')} value={customers.data?.total} to="/customers" testId="stat-customers" />
        {seesBilling && <Stat label={t('dashboard.unpaid')} value={summary.data?.unpaid.count} to="/invoices?status=unpaid" testId="stat-unpaid" />}
        <Stat label={t('dashboard.isolated')} value={isolatedCount.data?.count} to="/isolation" testId="stat-isolated" color="red" />
        <Stat label={t('dashboard.online')} value={online.data?.count} testId="stat-online" color="teal" />
        {seesBilling && (
          <Stat
            label={t('dashboard.todayPayments')}
            value={summary.data ? format.money(summary.data.paymentsToday.amount) : undefined}
            hint={summary.data && t('dashboard.todayCount', { count: summary.data.paymentsToday.count })}
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
        {/* Money figures shrink on a phone instead of running out of their card. */}
        <Text fz={{ base: 22, xs: 28 }} fw={700} c={props.color} lh={1.2} style={{ overflowWrap: 'anywhere' }}>
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
