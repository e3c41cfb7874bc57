import { Button, Card, Checkbox, Group, Select, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { DataTable } from '../../components/DataTable.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useT } from '../../i18n.tsx';
import { CollectionsNav } from './CollectionsNav.tsx';
import { useAssign, useAssignments } from './queries.ts';

/** The admin's worksheet: customers with their collector; pick some (or an area) and assign or move them. */
export function AssignmentsPage() {
  const t = useT();
  const assignments = useAssignments();
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
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}
