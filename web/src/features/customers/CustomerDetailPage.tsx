import { Anchor, Card, Grid, Group, Stack, Table, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { LineBadge } from '../../components/badges.tsx';
import { CustomerMap } from '../../components/CustomerMap.tsx';
import { InvoiceTable } from '../invoices/InvoiceTable.tsx';
import { IsolationHistoryTable } from '../isolation/IsolationHistoryTable.tsx';
import { LineActionButton } from '../isolation/LineActions.tsx';
import { OnlineStatus } from './OnlineStatus.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { SyncBadge } from '../../components/SyncBadge.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { DetailRow } from '../../components/DetailRow.tsx';
import { useT } from '../../i18n.tsx';
import { useInvoices } from '../invoices/queries.ts';
import { useIsolationHistory } from '../isolation/queries.ts';
import { useNetworkLines } from '../routers/queries.ts';
import { useCustomer, useLine, usePlans } from './queries.ts';
import { useCan, useFormat } from '../../session.tsx';

export function CustomerDetailPage() {
  const { customerId = '' } = useParams();
  const t = useT();
  const can = useCan();
  const format = useFormat();
  const customer = useCustomer(customerId);
  const line = useLine(customerId);
  const history = useIsolationHistory(customerId);
  const invoices = useInvoices({ customerId, limit: 24 }, { enabled: can('billing.read') });
  const plans = usePlans();
  const routerId = customer.data?.routerId ?? undefined;
  const routerLines = useNetworkLines({ routerId, limit: 1000 }, { enabled: Boolean(routerId) });
  const sync = routerLines.data?.find((l) => l.customerId === customerId);

  return (
    <QueryState query={customer}>
      {(c) => {
        const isolated = line.data?.desiredState === 'isolated';
        const plan = plans.data?.find((p) => p.id === c.planId);
        return (
          <Stack>
            <PageTitle
              actions={
                can('isolation.manage') &&
                line.isSuccess && <LineActionButton key={String(isolated)} customerId={c.id} action={isolated ? 'restore' : 'isolate'} />
              }
            >
              <Group gap="sm">
                {c.name}
                <LineBadge state={line.data?.desiredState} />
              </Group>
            </PageTitle>
            <Grid>
              <Grid.Col span={{ base: 12, md: 6 }}>
                <Card withBorder h="100%">
                  <Table variant="vertical" withRowBorders={false}>
                    <Table.Tbody>
                      <DetailRow label={t('customers.code')}>{c.code}</DetailRow>
                      <DetailRow label={t('customers.phone')}>
                        <Anchor href={`https://wa.me/${c.phone.replace('+', '')}`} target="_blank" rel="noreferrer">
                          {c.phone}
                        </Anchor>
                      </DetailRow>
                      <DetailRow label={t('customers.address')}>{c.address}</DetailRow>
                      <DetailRow label={t('customers.plan')}>{plan ? `${plan.name} · ${format.money(plan.monthlyPrice)}` : '…'}</DetailRow>
                      <DetailRow label={t('customers.connection')}>
                        {c.connectionType.toUpperCase()} {c.pppoeUsername ?? c.ipAddress ?? ''}
                      </DetailRow>
                      <DetailRow label={t('customers.status')}>{t(`customerStatus.${c.status}`)}</DetailRow>
                      <DetailRow label={t('customers.activatedOn')}>{format.date(c.activatedOn)}</DetailRow>
                      {c.private?.idCardNumber && <DetailRow label={t('customers.idCard')}>{c.private.idCardNumber}</DetailRow>}
                      {c.private?.notes && <DetailRow label={t('customers.notes')}>{c.private.notes}</DetailRow>}
                    </Table.Tbody>
                  </Table>
                </Card>
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 6 }}>
                <Card withBorder h="100%">
                  <Title order={5} mb="xs">
                    {t('customers.line')}
                  </Title>
                  {line.data ? (
                    <Stack gap={4} mb="sm">
                      <Group gap="xs">
                        <LineBadge state={line.data.desiredState} />
                        <Text size="sm" c="dimmed">
                          {t('line.since', { date: format.dateTime(line.data.changedAt) })}
                        </Text>
                      </Group>
                      <Text size="sm">{line.data.reason}</Text>
                      {isolated && line.data.restoreEligible && (
                        <Text size="sm" c="teal">
                          {t('line.restoreEligible')}
                        </Text>
                      )}
                    </Stack>
                  ) : (
                    <Text size="sm" c="dimmed" mb="sm">
                      {t('line.unknown')}
                    </Text>
                  )}
                  <OnlineStatus customerId={c.id} />
                  {sync && (
                    <Stack gap={4} mb="sm" data-testid="line-sync">
                      <Group gap="xs">
                        <SyncBadge status={sync.status} />
                        <Text size="sm" c="dimmed">
                          {t('routers.applied')}: {sync.appliedState ? t(`line.${sync.appliedState}`) : '—'}
                        </Text>
                      </Group>
                      {sync.lastError && (
                        <Text size="sm" c="red">
                          {sync.lastError}
                        </Text>
                      )}
                    </Stack>
                  )}
                  {c.latitude !== null && c.longitude !== null ? (
                    <CustomerMap customers={[{ ...c, isolated }]} height={220} />
                  ) : (
                    <Text size="sm" c="dimmed">
                      {t('customers.noLocation')}
                    </Text>
                  )}
                </Card>
              </Grid.Col>
            </Grid>
            {can('billing.read') && (
              <Card withBorder>
                <Title order={4} mb="sm">
                  {t('customers.invoices')}
                </Title>
                <QueryState query={invoices}>{(data) => <InvoiceTable invoices={data.items} showCustomer={false} />}</QueryState>
              </Card>
            )}
            <Card withBorder>
              <Title order={4} mb="sm">
                {t('customers.isolationHistory')}
              </Title>
              <QueryState query={history}>{(entries) => <IsolationHistoryTable entries={entries} showCustomer={false} />}</QueryState>
            </Card>
            <Anchor component={Link} to="/customers" size="sm">
              ← {t('common.back')}
            </Anchor>
          </Stack>
        );
      }}
    </QueryState>
  );
}
