import { Badge, Button, Card, Modal, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { DataTable } from '../../components/DataTable.tsx';
import { fieldErrors } from '../../components/form-errors.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useT } from '../../i18n.tsx';
import { useFormat } from '../../session.tsx';
import { featureKey, featureNames, type FeatureName } from './names.ts';
import { PlatformNav } from './PlatformNav.tsx';
import { useFeatureSwitches, useSetFeatureSwitch } from './queries.ts';

/** Platform-wide kill switches: a feature switched off here is off for every tenant, whatever its plan, with the reason on record. */
export function FeatureSwitchesPage() {
  const t = useT();
  const format = useFormat();
  const switches = useFeatureSwitches();
  const [flipping, setFlipping] = useState<{ feature: FeatureName; enabled: boolean } | null>(null);
  return (
    <Stack gap={0}>
      <PageTitle>{t('platform.title')}</PageTitle>
      <PlatformNav />
      <Card withBorder>
        <Text size="sm" c="dimmed" mb="sm">
          {t('platform.featuresHint')}
        </Text>
        <QueryState query={switches}>
          {(list) => {
            const rows = featureNames.map((feature) => ({ feature, row: list.find((s) => s.feature === feature) }));
            return (
              <DataTable
                rows={rows}
                rowKey={(r) => r.feature}
                rowProps={(r) => ({ 'data-feature': r.feature, 'data-enabled': String(r.row?.enabled ?? true) })}
                minWidth={620}
                columns={[
                  { header: t('platform.feature'), cell: (r) => <Text fw={500}>{t(featureKey(r.feature))}</Text> },
                  {
                    header: t('subscription.status'),
                    cell: (r) => (
                      <Badge color={(r.row?.enabled ?? true) ? 'teal' : 'red'} variant="light">
                        {t((r.row?.enabled ?? true) ? 'platform.on' : 'platform.off')}
                      </Badge>
                    ),
                  },
                  { header: t('common.reason'), cell: (r) => r.row?.reason || '—' },
                  { header: t('platform.changedAt'), cell: (r) => (r.row ? format.dateTime(r.row.updatedAt) : '—') },
                  {
                    header: null,
                    cell: (r) => {
                      const enabled = r.row?.enabled ?? true;
                      return (
                        <Button size="xs" variant="light" color={enabled ? 'red' : 'teal'} onClick={() => setFlipping({ feature: r.feature, enabled: !enabled })}>
                          {t(enabled ? 'platform.switchOff' : 'platform.switchOn')}
                        </Button>
                      );
                    },
                  },
                ]}
              />
            );
          }}
        </QueryState>
      </Card>
      {flipping && <FlipModal {...flipping} onClose={() => setFlipping(null)} />}
    </Stack>
  );
}

function FlipModal({ feature, enabled, onClose }: { feature: FeatureName; enabled: boolean; onClose: () => void }) {
  const t = useT();
  const [reason, setReason] = useState('');
  const set = useSetFeatureSwitch();
  const errors = fieldErrors(set.error, t);
  const name = t(featureKey(feature));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    set.mutate({ feature, enabled, reason }, { onSuccess: () => (notifications.show({ color: 'teal', message: t(enabled ? 'platform.switchedOn' : 'platform.switchedOff', { name }) }), onClose()) });
  };
  return (
    <Modal opened onClose={onClose} title={t(enabled ? 'platform.switchOnTitle' : 'platform.switchOffTitle', { name })}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">{t(enabled ? 'platform.switchOnHint' : 'platform.switchOffHint')}</Text>
          <TextInput label={t('common.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={errors.reason} withAsterisk={!enabled} data-autofocus />
          <Button type="submit" color={enabled ? 'teal' : 'red'} loading={set.isPending}>
            {t(enabled ? 'platform.switchOn' : 'platform.switchOff')}
          </Button>
        </Stack>
      </form>
    </Modal>
  );
}
