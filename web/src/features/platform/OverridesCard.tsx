import { Badge, Button, Card, Group, NumberInput, SegmentedControl, Select, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { DataTable } from '../../components/DataTable.tsx';
import { fieldErrors } from '../../components/form-errors.ts';
import { QueryState } from '../../components/QueryState.tsx';
import { useT, useTranslatedCode } from '../../i18n.tsx';
import { useFormat } from '../../session.tsx';
import { featureKey, featureNames, limitKey, limitNames, type FeatureName, type LimitName } from './names.ts';
import { useAddOverride, useEndOverride, useOverrides } from './queries.ts';

const emptyForm = { kind: 'limit' as 'limit' | 'feature', limitName: 'customers' as LimitName, amount: '' as number | string, feature: 'ftth_maps' as FeatureName, enabled: true, reason: '', endsOn: '' };

/** One tenant's overrides: a limit raised or lowered, or a feature forced, each with a reason and an end. */
export function OverridesCard({ tenantId }: { tenantId: string }) {
  const t = useT();
  const code = useTranslatedCode();
  const format = useFormat();
  const overrides = useOverrides(tenantId);
  const end = useEndOverride();
  return (
    <Card withBorder>
      <Stack gap="sm">
        <Title order={4}>{t('platform.overrides')}</Title>
        <QueryState query={overrides}>
          {(list) => (
            <DataTable
              rows={list}
              rowKey={(o) => o.id}
              rowProps={(o) => ({ 'data-override': o.limitName ?? o.feature ?? '' })}
              minWidth={620}
              empty={t('platform.noOverrides')}
              columns={[
                {
                  header: t('platform.overrideWhat'),
                  cell: (o) =>
                    o.limitName
                      ? `${code(`limit.${o.limitName}`, o.limitName)} ${o.amount !== null && o.amount >= 0 ? '+' : ''}${o.amount}`
                      : `${code(`feature.${o.feature}`, o.feature ?? '')}: ${t(o.enabled ? 'platform.on' : 'platform.off')}`,
                },
                { header: t('common.reason'), cell: (o) => o.reason },
                { header: t('platform.endsAt'), cell: (o) => format.dateTime(o.endsAt) },
                {
                  header: t('subscription.status'),
                  cell: (o) =>
                    o.endedAt ? (
                      <Badge color="gray" variant="light">{t('platform.overrideEnded')}</Badge>
                    ) : (
                      <Badge color="grape" variant="light">{t('platform.overrideActive')}</Badge>
                    ),
                },
                {
                  header: null,
                  cell: (o) =>
                    o.endedAt ? null : (
                      <Button size="xs" variant="subtle" color="red" loading={end.isPending && end.variables?.overrideId === o.id} onClick={() => end.mutate({ tenantId, overrideId: o.id })}>
                        {t('platform.overrideRemove')}
                      </Button>
                    ),
                },
              ]}
            />
          )}
        </QueryState>
        <AddOverrideForm tenantId={tenantId} />
      </Stack>
    </Card>
  );
}

function AddOverrideForm({ tenantId }: { tenantId: string }) {
  const t = useT();
  const [form, setForm] = useState(emptyForm);
  const add = useAddOverride();
  const errors = fieldErrors(add.error, t);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    // The end is the end of the chosen day in the platform's zone (WIB).
    const endsAt = form.endsOn ? `${form.endsOn}T23:59:59+07:00` : '';
    const body =
      form.kind === 'limit'
        ? { limitName: form.limitName, amount: form.amount === '' ? Number.NaN : Number(form.amount), reason: form.reason, endsAt }
        : { feature: form.feature, enabled: form.enabled, reason: form.reason, endsAt };
    add.mutate({ tenantId, body }, { onSuccess: () => (notifications.show({ color: 'teal', message: t('platform.overrideAdded') }), setForm(emptyForm)) });
  };
  return (
    <form onSubmit={submit} noValidate data-testid="override-form">
      <Stack gap="xs">
        <Text fw={600} size="sm">
          {t('platform.overrideAdd')}
        </Text>
        <SegmentedControl
          value={form.kind}
          onChange={(kind) => setForm({ ...form, kind: kind as 'limit' | 'feature' })}
          data={[
            { value: 'limit', label: t('platform.overrideLimit') },
            { value: 'feature', label: t('platform.overrideFeature') },
          ]}
        />
        {form.kind === 'limit' ? (
          <Group grow align="flex-start">
            <Select
              label={t('platform.limit')}
              data={limitNames.map((name) => ({ value: name, label: t(limitKey(name)) }))}
              value={form.limitName}
              onChange={(value) => value && setForm({ ...form, limitName: value as LimitName })}
              allowDeselect={false}
              error={errors.limitName}
            />
            <NumberInput label={t('platform.overrideAmount')} description={t('platform.overrideAmountHint')} value={form.amount} onChange={(amount) => setForm({ ...form, amount })} allowDecimal={false} clampBehavior="none" error={errors.amount} withAsterisk />
          </Group>
        ) : (
          <Group grow align="flex-end">
            <Select
              label={t('platform.feature')}
              data={featureNames.map((name) => ({ value: name, label: t(featureKey(name)) }))}
              value={form.feature}
              onChange={(value) => value && setForm({ ...form, feature: value as FeatureName })}
              allowDeselect={false}
              error={errors.feature}
            />
            <Switch label={t('platform.forceOn')} checked={form.enabled} onChange={(e) => setForm({ ...form, enabled: e.currentTarget.checked })} mb={8} />
          </Group>
        )}
        <TextInput label={t('common.reason')} value={form.reason} onChange={(e) => setForm({ ...form, reason: e.currentTarget.value })} error={errors.reason} withAsterisk />
        <TextInput type="date" label={t('platform.endsOn')} value={form.endsOn} onChange={(e) => setForm({ ...form, endsOn: e.currentTarget.value })} error={errors.endsAt} withAsterisk />
        <Group>
          <Button type="submit" loading={add.isPending}>
            {t('platform.overrideSave')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
