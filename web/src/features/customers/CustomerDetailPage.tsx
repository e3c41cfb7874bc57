import { Anchor, Badge, Button, Card, Grid, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
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
import { useInvoices, usePaymentHistory } from '../invoices/queries.ts';
import { useIsolationHistory } from '../isolation/queries.ts';
import { useNetworkLines, useRouters } from '../routers/queries.ts';
import { CustomerFormModal } from './CustomerForm.tsx';
import { customerStatusColor } from './CustomersPage.tsx';
import { LifecycleButtons } from './LifecycleButtons.tsx';
import { PaymentHistoryTable } from './PaymentHistoryTable.tsx';
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
  const payments = usePaymentHistory({ customerId, limit: 50 }, { enabled: can('billing.read') });
  const routers = useRouters({ enabled: can('network.manage') });
  const [editing, { open: edit, close: closeEdit }] = useDisclosure();
  const routerId = customer.data?.routerId ?? undefined;
  const routerLines = useNetworkLines({ routerId, limit: 1000 }, { enabled: Boolean(routerId) });
  const sync = routerLines.data?.find((l) => l.customerId === customerId);

  return (
    <QueryState query={customer}>
      {(c) => {
        const isolated = line.data?.desiredState === 'isolated';
        const plan = plans.data?.find((p) => p.id === c.planId);
        const routerName = routers.data?.find((r) => r.id === c.routerId)?.name;
        const current = c.status !== 'terminated';
        return (
          <Stack>
            <PageTitle
              actions={
                <Group gap="xs">
                  {can('customers.manage') && current && (
                    <Button size="xs" variant="default" onClick={edit}>
                      {t('customers.edit')}
                    </Button>
                  )}
                  {can('isolation.manage') && line.isSuccess && c.status === 'active' && (
                    <LineActionButton key={String(isolated)} customerId={c.id} action={isolated ? 'restore' : 'isolate'} />
                  )}
                  {can('customers.manage') && current && <LifecycleButtons customer={c} />}
                </Group>
              }
            >
              <Group gap="sm">
                {c.name}
                <Badge color={customerStatusColor[c.status]} variant="light" data-testid="customer-status" data-status={c.status}>
                  {t(`customerStatus.${c.status}`)}
                </Badge>
                {current && <LineBadge state={line.data?.desiredState} />}
              </Group>
            </PageTitle>
            {can('billing.read') && c.arrears !== undefined && (
              <Card withBorder padding="sm" data-testid="arrears">
                <Group justify="space-between" wrap="wrap">
                  <Text size="sm" c="dimmed">
                    {t('customers.arrears')}
                  </Text>
                  <Text fw={700} c={c.arrears > 0 ? 'red' : 'teal'} size="lg">
                    {format.money(c.arrears)}
                    {(c.unpaidInvoices ?? 0) > 0 && (
                      <Text span size="sm" c="dimmed" fw={400}>
                        {' '}
                        · {t('customers.unpaidInvoices', { count: c.unpaidInvoices ?? 0 })}
                      </Text>
                    )}
                  </Text>
                </Group>
              </Card>
            )}
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
                        {t(`connection.${c.connectionType}`)} {c.pppoeUsername ?? c.ipAddress ?? ''}
                        {c.macAddress ? ` · ${c.macAddress}` : ''}
                      </DetailRow>
                      {c.routerId && <DetailRow label={t('customers.router')}>{routerName ?? '…'}</DetailRow>}
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
            {can('billing.read') && (
              <Card withBorder>
                <Title order={4} mb="sm">
                  {t('customers.payments')}
                </Title>
                <QueryState query={payments}>{(entries) => <PaymentHistoryTable entries={entries} />}</QueryState>
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
            {editing && <CustomerFormModal opened={editing} onClose={closeEdit} customer={c} />}
          </Stack>
        );
      }}
    </QueryState>
  );
}
