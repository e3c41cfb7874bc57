import { Anchor, Box, Card, Group, SegmentedControl, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { CustomerName } from '../../components/CustomerName.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useT } from '../../i18n.tsx';
import { useFormat } from '../../session.tsx';
import { useAgingReport, useIncomeReport } from './queries.ts';

/** Horizontal bars drawn with CSS (no chart library): label, bar scaled to the largest value, amount. */
function Bars({ rows, format, testId }: { rows: { label: string; value: number; note?: string }[]; format: (n: number) => string; testId: string }) {
  const max = Math.max(1, ...rows.map((r) => r.value));
  return (
    <Stack gap={6} data-testid={testId}>
      {rows.map((r) => (
        <Box key={r.label}>
          <Group justify="space-between" gap="xs" wrap="nowrap">
            <Text size="sm">{r.label}</Text>
            <Text size="sm" fw={600}>
              {format(r.value)}
              {r.note ? ` · ${r.note}` : ''}
            </Text>
          </Group>
          <Box h={10} bg="gray.2" style={{ borderRadius: 4 }}>
            <Box h={10} bg="teal.6" style={{ width: `${(100 * r.value) / max}%`, borderRadius: 4 }} />
          </Box>
        </Box>
      ))}
    </Stack>
  );
}

const ExportLinks = ({ path, label }: { path: string; label: string }) => (
  <Group gap="xs">
    <Text size="sm">{label}:</Text>
    <Anchor size="sm" href={`${path}${path.includes('?') ? '&' : '?'}format=csv`}>
      CSV
    </Anchor>
    <Anchor size="sm" href={`${path}${path.includes('?') ? '&' : '?'}format=xlsx`}>
      XLSX
    </Anchor>
  </Group>
);

export function ReportsPage() {
  const t = useT();
  const format = useFormat();
  const [groupBy, setGroupBy] = useState<'day' | 'month'>('day');
  const aging = useAgingReport();
  const income = useIncomeReport(groupBy);

  return (
    <Stack>
      <PageTitle>{t('reports.title')}</PageTitle>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder>
          <Stack gap="sm">
            <Group justify="space-between">
              <Title order={4}>{t('reports.income')}</Title>
              <SegmentedControl
                size="xs"
                value={groupBy}
                onChange={(v) => setGroupBy(v as 'day' | 'month')}
                data={[
                  { value: 'day', label: t('reports.perDay') },
                  { value: 'month', label: t('reports.perMonth') },
                ]}
              />
            </Group>
            <QueryState query={income}>
              {(r) => (
                <Stack gap="sm">
                  <Text size="sm">
                    {t('reports.total')}: <b>{format.money(r.total)}</b>
                  </Text>
                  {r.byPeriod.length === 0 ? <Text c="dimmed">{t('reports.noIncome')}</Text> : <Bars testId="income-bars" rows={r.byPeriod.map((p) => ({ label: p.key, value: p.amount }))} format={format.money} />}
                  <Title order={6}>{t('reports.byMethod')}</Title>
                  <Bars testId="income-methods" rows={r.byMethod.map((p) => ({ label: t(`method.${p.key as 'cash' | 'transfer' | 'gateway' | 'collector'}`), value: p.amount }))} format={format.money} />
                  <Title order={6}>{t('reports.byStaff')}</Title>
                  <Bars testId="income-staff" rows={r.byStaff.map((p) => ({ label: p.key, value: p.amount }))} format={format.money} />
                  <ExportLinks path={`/api/reports/income/export?groupBy=${groupBy}`} label={t('reports.export')} />
                </Stack>
              )}
            </QueryState>
          </Stack>
        </Card>
        <Card withBorder>
          <Stack gap="sm">
            <Title order={4}>{t('reports.aging')}</Title>
            <QueryState query={aging}>
              {(r) => (
                <Stack gap="sm">
                  <Text size="sm">
                    {t('reports.arrears')}: <b>{format.money(r.total)}</b>
                  </Text>
                  <Bars
                    testId="aging-bars"
                    rows={r.buckets.map((b) => ({ label: t(`reports.bucket.${b.bucket}`), value: b.amount, note: t('reports.customers', { count: String(b.customers) }) }))}
                    format={format.money}
                  />
                  <ExportLinks path="/api/reports/aging/export" label={t('reports.export')} />
                </Stack>
              )}
            </QueryState>
          </Stack>
        </Card>
      </SimpleGrid>
      <Card withBorder>
        <Stack gap="sm">
          <Title order={4}>{t('reports.agingCustomers')}</Title>
          <QueryState query={aging}>
            {(r) => (
              <DataTable
                rows={r.customers}
                rowKey={(c) => c.customerId}
                minWidth={560}
                empty={t('reports.noArrears')}
                columns={[
                  { header: t('invoices.customer'), cell: (c) => <CustomerName customerId={c.customerId} label={c} /> },
                  { header: t('reports.oldestDays'), align: 'right', cell: (c) => c.oldestDays },
                  { header: t('reports.bucketHeader'), cell: (c) => t(`reports.bucket.${c.bucket}`) },
                  { header: t('reports.invoices'), align: 'right', cell: (c) => c.invoices },
                  { header: t('reports.arrears'), align: 'right', cell: (c) => format.money(c.amount) },
                ]}
              />
            )}
          </QueryState>
          {aging.data && aging.data.customersTotal > aging.data.customers.length && (
            <Text size="sm" c="dimmed" data-testid="aging-customers-more">
              {t('reports.agingCustomersShown', { shown: aging.data.customers.length, total: aging.data.customersTotal })}
            </Text>
          )}
          <Group gap="lg">
            <ExportLinks path="/api/exports/customers" label={t('reports.exportCustomers')} />
            <ExportLinks path="/api/exports/invoices" label={t('reports.exportInvoices')} />
            <ExportLinks path="/api/exports/payments" label={t('reports.exportPayments')} />
          </Group>
        </Stack>
      </Card>
    </Stack>
  );
}
