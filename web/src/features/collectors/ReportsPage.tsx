import { Badge, Button, Card, Group, Stack, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { DataTable } from '../../components/DataTable.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useT } from '../../i18n.tsx';
import { useFormat } from '../../session.tsx';
import { CollectionsNav } from './CollectionsNav.tsx';
import { DifferencesTable } from './HandoverPage.tsx';
import { useAging, useDailyReport, useDifferences } from './queries.ts';

/** Collections per collector per day, open differences, and aging with failed visits. */
export function ReportsPage() {
  const t = useT();
  const format = useFormat();
  const today = format.localDay(new Date());
  const [from, setFrom] = useState(`${today.slice(0, 7)}-01`);
  const [to, setTo] = useState(today);
  const daily = useDailyReport(from, to);
  const differences = useDifferences();
  const aging = useAging();

  return (
    <Stack>
      <PageTitle>{t('collections.title')}</PageTitle>
      <CollectionsNav />
      <Card withBorder>
        <Group justify="space-between" mb="sm" wrap="wrap">
          <Title order={4}>{t('reports.daily')}</Title>
          <Group gap="xs" wrap="wrap">
            <TextInput type="date" aria-label={t('reports.from')} value={from} onChange={(e) => setFrom(e.currentTarget.value)} />
            <TextInput type="date" aria-label={t('reports.to')} value={to} onChange={(e) => setTo(e.currentTarget.value)} />
          </Group>
        </Group>
        <QueryState query={daily}>
          {(rows) => (
            <DataTable
              rows={rows}
              rowKey={(r) => `${r.collectorUserId}-${r.day}`}
              columns={[
                { header: t('reports.day'), cell: (r) => format.date(r.day) },
                { header: t('collections.collector'), cell: (r) => r.collectorName ?? '—' },
                { header: t('reports.collections'), cell: (r) => r.collections, align: 'right' },
                { header: t('invoices.amount'), cell: (r) => format.money(r.amount), align: 'right' },
              ]}
            />
          )}
        </QueryState>
      </Card>
      <Card withBorder>
        <Title order={4} mb="sm">
          {t('collections.openDifferences')}
        </Title>
        <QueryState query={differences}>{(rows) => <DifferencesTable rows={rows} format={format} />}</QueryState>
      </Card>
      <Card withBorder>
        <Title order={4} mb="sm">
          {t('reports.aging')}
        </Title>
        <QueryState query={aging}>
          {(rows) => (
            <DataTable
              rows={rows}
              rowKey={(r) => r.customerId}
              rowProps={(r) => ({ 'data-flagged': r.flagged ? 'yes' : undefined })}
              columns={[
                { header: t('collections.customer'), cell: (r) => `${r.name} (${r.code})` },
                { header: t('collections.collector'), cell: (r) => r.collectorName ?? t('reports.unassigned') },
                { header: t('reports.arrears'), cell: (r) => format.money(r.arrears), align: 'right' },
                { header: t('reports.daysOverdue'), cell: (r) => r.daysOverdue, align: 'right' },
                {
                  header: t('reports.failedVisits'),
                  cell: (r) => (
                    <Group gap={4} justify="flex-end" wrap="nowrap">
                      {r.failedVisits}/{r.visits}
                      {r.flagged && (
                        <Badge color="red" size="sm">
                          {t('reports.flagged')}
                        </Badge>
                      )}
                    </Group>
                  ),
                  align: 'right',
                },
                { header: t('reports.lastVisit'), cell: (r) => (r.lastVisit ? `${format.date(r.lastVisit)} · ${t(`visit.${r.lastResult as 'paid'}`)}` : '—') },
              ]}
            />
          )}
        </QueryState>
        {aging.more && (
          <Button variant="light" mt="sm" loading={aging.loadingMore} onClick={aging.loadMore} data-testid="aging-more">
            {t('common.loadMore')}
          </Button>
        )}
      </Card>
    </Stack>
  );
}
