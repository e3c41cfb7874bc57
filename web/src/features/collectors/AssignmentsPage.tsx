import { Button, Card, Checkbox, Group, NumberInput, Pagination, Select, Stack, Switch, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { DataTable } from '../../components/DataTable.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useT } from '../../i18n.tsx';
import { CollectionsNav } from './CollectionsNav.tsx';
import { useAssign, useAssignments, useCollectorsSettings, useUpdateCollectorsSettings, type CollectorsSettings } from './queries.ts';

const pageSize = 100;

/** The admin's worksheet: customers with their collector, a page at a time; pick some (or an area) and assign or move them. */
export function AssignmentsPage() {
  const t = useT();
  const [page, setPage] = useState(1);
  const assignments = useAssignments({ limit: pageSize, offset: (page - 1) * pageSize });
  const assign = useAssign();
  const [collector, setCollector] = useState<string | null>(null);
  const [picked, setPicked] = useState<string[]>([]);
  const [area, setArea] = useState('');
  const done = (r: { assigned: number; moved: number }) => {
    notifications.show({ color: 'teal', message: t('assign.done', { assigned: r.assigned, moved: r.moved }) });
    setPicked([]);
    setArea('');
  };
  return (
    <Stack>
      <PageTitle>{t('collections.title')}</PageTitle>
      <CollectionsNav />
      <SettingsCard />
      <QueryState query={assignments}>
        {(data) => (
          <Stack>
            <Card withBorder>
              <Group align="flex-end" wrap="wrap">
                <Select label={t('collections.collector')} value={collector} onChange={setCollector} data={data.collectors.map((c) => ({ value: c.userId, label: `${c.name} (${c.customers})` }))} />
                <Button disabled={!collector || picked.length === 0} loading={assign.isPending} onClick={() => assign.mutate({ collectorUserId: collector!, customerIds: picked }, { onSuccess: done })}>
                  {t('assign.selected', { n: picked.length })}
                </Button>
                <TextInput label={t('assign.area')} value={area} onChange={(e) => setArea(e.currentTarget.value)} />
                <Button variant="light" disabled={!collector || area.trim().length < 2} onClick={() => assign.mutate({ collectorUserId: collector!, area: area.trim() }, { onSuccess: done })}>
                  {t('assign.byArea')}
                </Button>
              </Group>
            </Card>
            <DataTable
              rows={data.customers}
              rowKey={(c) => c.customerId}
              columns={[
                { header: '', cell: (c) => <Checkbox aria-label={c.name} checked={picked.includes(c.customerId)} onChange={(e) => setPicked(e.currentTarget.checked ? [...picked, c.customerId] : picked.filter((id) => id !== c.customerId))} /> },
                { header: t('collections.customer'), cell: (c) => `${c.name} (${c.code})` },
                { header: t('assign.address'), cell: (c) => c.address || '—' },
                { header: t('collections.collector'), cell: (c) => c.collectorName ?? t('reports.unassigned') },
              ]}
            />
            {data.total > pageSize && <Pagination total={Math.ceil(data.total / pageSize)} value={page} onChange={setPage} />}
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}

/** The tenant's collector rules: due window, partial collections, restore at collection, log retention. */
function SettingsCard() {
  const t = useT();
  const settings = useCollectorsSettings();
  const update = useUpdateCollectorsSettings();
  return (
    <QueryState query={settings}>
      {(current) => <SettingsForm key={JSON.stringify(current)} current={current} save={(change) => update.mutate(change, { onSuccess: () => notifications.show({ color: 'teal', message: t('settings.saved') }) })} saving={update.isPending} />}
    </QueryState>
  );
}

function SettingsForm({ current, save, saving }: { current: CollectorsSettings; save: (change: Partial<CollectorsSettings>) => void; saving: boolean }) {
  const t = useT();
  const [draft, setDraft] = useState(current);
  return (
    <Card withBorder>
      <Title order={4} mb="sm">
        {t('collectorSettings.title')}
      </Title>
      <Stack gap="sm">
        <Group grow align="flex-start" wrap="wrap">
          <NumberInput label={t('collectorSettings.dueWindow')} min={0} max={60} value={draft.dueWindowDays} onChange={(v) => setDraft({ ...draft, dueWindowDays: Number(v) })} />
          <NumberInput label={t('collectorSettings.retention')} min={30} max={3650} value={draft.logRetentionDays} onChange={(v) => setDraft({ ...draft, logRetentionDays: Number(v) })} />
        </Group>
        <Switch label={t('collectorSettings.partial')} checked={draft.allowPartial} onChange={(e) => setDraft({ ...draft, allowPartial: e.currentTarget.checked })} />
        <Switch label={t('collectorSettings.restore')} description={t('collectorSettings.restoreHint')} checked={draft.restoreOnCollection} onChange={(e) => setDraft({ ...draft, restoreOnCollection: e.currentTarget.checked })} />
        <Group>
          <Button onClick={() => save(draft)} loading={saving} disabled={JSON.stringify(draft) === JSON.stringify(current)}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
