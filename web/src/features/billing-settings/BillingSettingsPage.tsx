import { Badge, Button, Card, Grid, NumberInput, Select, Stack, Switch, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { DataTable } from '../../components/DataTable.tsx';
import { fieldErrors } from '../../components/form-errors.ts';
import { ExclusionsCard } from './ExclusionsCard.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { PaymentGatewaysCard } from './PaymentGatewaysCard.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useT, useTranslatedCode, type TranslationKey } from '../../i18n.tsx';
import { useFormat } from '../../session.tsx';
import type { Item, ResponseOf } from '../../api/types.ts';
import { useGatewayNotifications, usePolicy, useSavePolicy } from './queries.ts';

type Policy = ResponseOf<'/api/billing/policy', 'get'>;
type GatewayNotification = Item<ResponseOf<'/api/billing/gateway-notifications', 'get'>>;
type Draft = Omit<Policy, 'billingDay' | 'dueDays' | 'graceDays'> & { billingDay: number | string; dueDays: number | string; graceDays: number | string };
/** An empty or half-typed number goes to the API as NaN → null, which it refuses at the field. */
const toNumber = (value: number | string) => (value === '' ? Number.NaN : Number(value));

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
          <Stack>
            <QueryState query={policy}>{(saved) => <PolicyForm key={JSON.stringify(saved)} saved={saved} />}</QueryState>
            <ExclusionsCard />
          </Stack>
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
  // Numbers as typed (a half-typed "-" included), sent as typed: the API decides what is valid.
  const [draft, setDraft] = useState<Draft>(saved);
  const save = useSavePolicy();
  const errors = fieldErrors(save.error, t);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const body = (): Policy => ({ ...draft, billingDay: toNumber(draft.billingDay), dueDays: toNumber(draft.dueDays), graceDays: toNumber(draft.graceDays) });

  return (
    <Card withBorder>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate(body(), { onSuccess: () => notifications.show({ color: 'teal', message: t('billing.saved') }) });
        }}
      >
        <Stack gap="sm">
          <Title order={4}>{t('billing.policy')}</Title>
          {/* No clamping: a value the API refuses is shown refused at its field, never quietly changed. */}
          <NumberInput label={t('billing.billingDay')} allowDecimal={false} value={draft.billingDay} onChange={(v) => set('billingDay', v)} error={errors.billingDay} />
          <NumberInput label={t('billing.dueDays')} allowDecimal={false} value={draft.dueDays} onChange={(v) => set('dueDays', v)} error={errors.dueDays} />
          <NumberInput label={t('billing.graceDays')} allowDecimal={false} value={draft.graceDays} onChange={(v) => set('graceDays', v)} error={errors.graceDays} />
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
  const translated = useTranslatedCode();
  const format = useFormat();
  return (
    <DataTable
      rows={entries}
      rowKey={(entry) => entry.id}
      minWidth={420}
      columns={[
        { header: t('payment.when'), cell: (entry) => format.dateTime(entry.receivedAt) },
        { header: t('invoices.provider'), cell: (entry) => translated(`gateway.provider.${entry.provider}`, entry.provider) },
        { header: t('billing.order'), cell: (entry) => entry.orderId ?? '—' },
        {
          header: t('billing.outcome'),
          cell: (entry) => (
            <>
              <Badge color={entry.outcome === 'paid' ? 'teal' : entry.outcome === 'duplicate' ? 'gray' : 'orange'} variant="light">
                {translated(`gatewayOutcome.${entry.outcome}`, entry.outcome)}
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
