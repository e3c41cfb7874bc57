import { Badge, Button, Card, Grid, NumberInput, Select, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../api.ts';
import { PageTitle } from '../components/PageTitle.tsx';
import { PaymentGatewaysCard } from '../components/PaymentGatewaysCard.tsx';
import { QueryState } from '../components/QueryState.tsx';
import { useT, type TranslationKey } from '../i18n.tsx';
import { keys } from '../queries.ts';
import { useFormat } from '../session.tsx';
import type { Item, ResponseOf } from '../api/types.ts';

type Policy = ResponseOf<'/api/billing/policy', 'get'>;
type GatewayNotification = Item<ResponseOf<'/api/billing/gateway-notifications', 'get'>>;

const triggers = ['invoice_due_unpaid', 'invoice_overdue', 'overdue_after_grace_period'] as const;
const switches = ['autoIsolate', 'autoRestore', 'notifyUnpaid', 'notifyIsolated', 'notifyReconnected'] as const;

export function BillingSettingsPage() {
  const t = useT();
  const policy = useQuery({ queryKey: keys.policy, queryFn: () => api.get<Policy>('/api/billing/policy') });
  const log = useQuery({ queryKey: keys.gatewayNotifications, queryFn: () => api.get<GatewayNotification[]>('/api/billing/gateway-notifications?limit=50') });

  return (
    <Stack>
      <PageTitle>{t('billing.title')}</PageTitle>
      <Grid>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <QueryState query={policy}>{(saved) => <PolicyForm key={JSON.stringify(saved)} saved={saved} />}</QueryState>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Stack>
            <PaymentGatewaysCard />
            <Card withBorder>
              <Title order={4} mb="sm">
                {t('billing.gatewayLog')}
              </Title>
              <QueryState query={log}>{(entries) => <GatewayLog entries={entries} />}</QueryState>
            </Card>
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

function PolicyForm({ saved }: { saved: Policy }) {
  const t = useT();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState(saved);
  const save = useMutation({
    mutationFn: (policy: Policy) => api.patch<Policy>('/api/billing/policy', policy),
    onSuccess: (policy) => {
      queryClient.setQueryData(keys.policy, policy);
      notifications.show({ color: 'teal', message: t('billing.saved') });
    },
  });
  const set = <K extends keyof Policy>(key: K, value: Policy[K]) => setDraft((d) => ({ ...d, [key]: value }));

  return (
    <Card withBorder>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate(draft);
        }}
      >
        <Stack gap="sm">
          <Title order={4}>{t('billing.policy')}</Title>
          <NumberInput label={t('billing.billingDay')} min={1} max={31} value={draft.billingDay} onChange={(v) => set('billingDay', Number(v))} />
          <NumberInput label={t('billing.dueDays')} min={0} max={60} value={draft.dueDays} onChange={(v) => set('dueDays', Number(v))} />
          <NumberInput label={t('billing.graceDays')} min={0} max={60} value={draft.graceDays} onChange={(v) => set('graceDays', Number(v))} />
          <Select
            label={t('billing.isolationTrigger')}
            allowDeselect={false}
            value={draft.isolationTrigger}
            onChange={(v) => v && set('isolationTrigger', v as Policy['isolationTrigger'])}
            data={triggers.map((trigger) => ({ value: trigger, label: t(`billing.trigger.${trigger}`) }))}
          />
          {switches.map((key) => (
            <Switch key={key} label={t(`billing.${key}` as TranslationKey)} checked={draft[key]} onChange={(e) => set(key, e.currentTarget.checked)} />
          ))}
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}

function GatewayLog({ entries }: { entries: GatewayNotification[] }) {
  const t = useT();
  const format = useFormat();
  if (entries.length === 0) return <Text c="dimmed">{t('common.empty')}</Text>;
  return (
    <Table.ScrollContainer minWidth={420}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('payment.when')}</Table.Th>
            <Table.Th>{t('invoices.provider')}</Table.Th>
            <Table.Th>{t('billing.order')}</Table.Th>
            <Table.Th>{t('billing.outcome')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((entry) => (
            <Table.Tr key={entry.id}>
              <Table.Td>{format.dateTime(entry.receivedAt)}</Table.Td>
              <Table.Td>{entry.provider}</Table.Td>
              <Table.Td>{entry.orderId ?? '—'}</Table.Td>
              <Table.Td>
                <Badge color={entry.outcome === 'paid' ? 'teal' : entry.outcome === 'duplicate' ? 'gray' : 'orange'} variant="light">
                  {entry.outcome}
                </Badge>
                {entry.detail && (
                  <Text size="xs" c="dimmed">
                    {entry.detail}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
