import { Badge, Button, Card, Grid, NumberInput, Select, Stack, Switch, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { DataTable } from '../../components/DataTable.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { PaymentGatewaysCard } from './PaymentGatewaysCard.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useT, type TranslationKey } from '../../i18n.tsx';
import { useFormat } from '../../session.tsx';
import type { Item, ResponseOf } from '../../api/types.ts';
import { useGatewayNotifications, usePolicy, useSavePolicy } from './queries.ts';

type Policy = ResponseOf<'/api/billing/policy', 'get'>;
type GatewayNotification = Item<ResponseOf<'/api/billing/gateway-notifications', 'get'>>;

const triggers = ['invoice_due_unpaid', 'invoice_overdue', 'overdue_after_grace_period'] as const;
const switches = ['autoIsolate', 'autoRestore', 'notifyUnpaid', 'notifyIsolated', 'notifyReconnected', 'partialPayments', 'partialRestores', 'receiptWhatsapp'] as const;

export function BillingSettingsPage() {
  const t = useT();
  const policy = usePolicy();
  const log = useGatewayNotifications();

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
  const [draft, setDraft] = useState(saved);
  const save = useSavePolicy();
  const set = <K extends keyof Policy>(key: K, value: Policy[K]) => setDraft((d) => ({ ...d, [key]: value }));

  return (
    <Card withBorder>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate(draft, { onSuccess: () => notifications.show({ color: 'teal', message: t('billing.saved') }) });
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
          <Textarea label={t('billing.receiptAddress')} value={draft.receiptAddress} onChange={(e) => set('receiptAddress', e.currentTarget.value)} maxLength={300} autosize minRows={2} />
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
  return (
    <DataTable
      rows={entries}
      rowKey={(entry) => entry.id}
      minWidth={420}
      columns={[
        { header: t('payment.when'), cell: (entry) => format.dateTime(entry.receivedAt) },
        { header: t('invoices.provider'), cell: (entry) => entry.provider },
        { header: t('billing.order'), cell: (entry) => entry.orderId ?? '—' },
        {
          header: t('billing.outcome'),
          cell: (entry) => (
            <>
              <Badge color={entry.outcome === 'paid' ? 'teal' : entry.outcome === 'duplicate' ? 'gray' : 'orange'} variant="light">
                {entry.outcome}
              </Badge>
              {entry.detail && (
                <Text size="xs" c="dimmed">
                  {entry.detail}
                </Text>
              )}
            </>
          ),
        },
      ]}
    />
  );
}
