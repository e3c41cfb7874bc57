import { Button, Card, Grid, Group, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { CustomerName } from '../../components/CustomerName.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { fieldErrors } from '../../components/form-errors.ts';
import { QueryState } from '../../components/QueryState.tsx';
import { useT } from '../../i18n.tsx';
import { useCan, useFormat } from '../../session.tsx';
import { CustomerPicker } from '../customers/CustomerPicker.tsx';
import { useCustomer } from '../customers/queries.ts';
import { useAddOptOut, useOptOuts, useRemoveOptOut, useSaveWaSettings, useWaSettings, type WaSettings } from './queries.ts';

/** The tenant's WhatsApp rules: quiet hours, its own notification switches, and customers who want no messages. */
export function SettingsTab() {
  const settings = useWaSettings();
  return (
    <Grid>
      <Grid.Col span={{ base: 12, md: 5 }}>
        <QueryState query={settings}>{(saved) => <SettingsForm key={JSON.stringify(saved)} saved={saved} />}</QueryState>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 7 }}>
        <OptOuts />
      </Grid.Col>
    </Grid>
  );
}

const switches = ['notifyRouterErrors', 'notifyOutageCustomers'] as const;

function SettingsForm({ saved }: { saved: WaSettings }) {
  const t = useT();
  const can = useCan();
  const [quiet, setQuiet] = useState(saved.quietHours !== null);
  const [start, setStart] = useState(saved.quietHours?.start ?? '21:00');
  const [end, setEnd] = useState(saved.quietHours?.end ?? '07:00');
  const [flags, setFlags] = useState({ notifyRouterErrors: saved.notifyRouterErrors, notifyOutageCustomers: saved.notifyOutageCustomers });
  const save = useSaveWaSettings();
  const errors = fieldErrors(save.error, t);
  const manages = can('notifications.manage');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ quietHours: quiet ? { start, end } : null, ...flags }, { onSuccess: () => notifications.show({ color: 'teal', message: t('waSettings.saved') }) });
  };
  return (
    <Card withBorder>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={5}>{t('waSettings.quietHours')}</Title>
          <Text size="xs" c="dimmed">
            {t('waSettings.quietHint')}
          </Text>
          <Switch label={t('waSettings.quietOn')} checked={quiet} onChange={(e) => setQuiet(e.currentTarget.checked)} disabled={!manages} />
          {quiet && (
            <Group grow align="flex-start">
              <TextInput type="time" label={t('waSettings.from')} value={start} onChange={(e) => setStart(e.currentTarget.value)} error={errors['quietHours.start']} disabled={!manages} />
              <TextInput type="time" label={t('waSettings.until')} value={end} onChange={(e) => setEnd(e.currentTarget.value)} error={errors['quietHours.end']} disabled={!manages} />
            </Group>
          )}
          {errors.quietHours && (
            <Text size="sm" c="red">
              {errors.quietHours}
            </Text>
          )}
          <Title order={5} mt="xs">
            {t('waSettings.switches')}
          </Title>
          {switches.map((key) => (
            <Switch key={key} label={t(`waSettings.${key}`)} checked={flags[key]} onChange={(e) => setFlags({ ...flags, [key]: e.currentTarget.checked })} disabled={!manages} />
          ))}
          {manages && (
            <Button type="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          )}
        </Stack>
      </form>
    </Card>
  );
}

/** An opted-out customer: the list names them through the customer API (the opt-out row holds the id only). */
function OptOutName({ customerId }: { customerId: string }) {
  const customer = useCustomer(customerId);
  return <CustomerName customerId={customerId} label={{ customerName: customer.data?.name ?? null, customerCode: customer.data?.code ?? null }} />;
}

function OptOuts() {
  const t = useT();
  const can = useCan();
  const format = useFormat();
  const optOuts = useOptOuts();
  const remove = useRemoveOptOut();
  const manages = can('customers.manage');
  return (
    <Card withBorder data-testid="opt-outs">
      <Stack gap="sm">
        <Title order={5}>{t('optOuts.title')}</Title>
        <Text size="xs" c="dimmed">
          {t('optOuts.hint')}
        </Text>
        <QueryState query={optOuts}>
          {(list) => (
            <DataTable
              rows={list}
              rowKey={(entry) => entry.customerId}
              rowProps={(entry) => ({ 'data-opt-out': entry.customerId })}
              minWidth={420}
              empty={t('optOuts.none')}
              columns={[
                { header: t('invoices.customer'), cell: (entry) => <OptOutName customerId={entry.customerId} /> },
                { header: t('common.reason'), cell: (entry) => entry.reason ?? '—' },
                { header: t('optOuts.since'), cell: (entry) => format.dateTime(entry.createdAt) },
                {
                  header: null,
                  hidden: !manages,
                  cell: (entry) => (
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      loading={remove.isPending && remove.variables === entry.customerId}
                      onClick={() => remove.mutate(entry.customerId, { onSuccess: () => notifications.show({ color: 'teal', message: t('optOuts.removed') }) })}
                    >
                      {t('optOuts.remove')}
                    </Button>
                  ),
                },
              ]}
            />
          )}
        </QueryState>
        {manages && <AddOptOut />}
      </Stack>
    </Card>
  );
}

function AddOptOut() {
  const t = useT();
  const [customerId, setCustomerId] = useState<string | null>(null);
  const [pickerKey, setPickerKey] = useState(0);
  const [reason, setReason] = useState('');
  const add = useAddOptOut();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!customerId) return;
    add.mutate(
      { customerId, reason: reason.trim() || undefined },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('optOuts.added') });
          setCustomerId(null);
          setPickerKey((k) => k + 1); // a fresh picker: its search text cleared
          setReason('');
        },
      },
    );
  };
  return (
    <form onSubmit={submit} noValidate>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <CustomerPicker key={pickerKey} value={customerId} onChange={setCustomerId} w={240} />
        <TextInput label={t('common.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} w={200} />
        <Button type="submit" loading={add.isPending} disabled={!customerId}>
          {t('optOuts.add')}
        </Button>
      </Group>
    </form>
  );
}
