import { Button, Group, Modal, MultiSelect, SegmentedControl, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { fieldErrors } from '../../components/form-errors.ts';
import { useT } from '../../i18n.tsx';
import { useCustomers } from '../customers/queries.ts';
import { useMapElements, useOpenOutages } from '../maps/queries.ts';
import { useStaff } from '../staff/queries.ts';
import { useMe } from '../../session.tsx';
import { useCreateTask, type NewTask } from './queries.ts';

const kinds = ['installation', 'repair', 'outage_fix', 'relocation', 'dismantle', 'survey'] as const;
const priorities = ['low', 'normal', 'high', 'urgent'] as const;
const targetKinds = ['customer', 'odp', 'odc', 'outage'] as const;
type TargetKind = (typeof targetKinds)[number];

/** "2026-12-10T16:00" typed in the tenant's zone, as an instant with that zone's offset (Indonesia keeps no daylight saving). */
function inZone(local: string, timeZone: string): string {
  const offset = new Intl.DateTimeFormat('en', { timeZone, timeZoneName: 'longOffset' }).formatToParts(new Date()).find((p) => p.type === 'timeZoneName')?.value.replace('GMT', '') || '+00:00';
  return `${local}:00${offset}`;
}

/** The element a task is for: a customer (searched by name, code or phone), an ODP or ODC of the map, or an open outage. */
function useTargetOptions(kind: TargetKind, search: string) {
  const [debounced] = useDebouncedValue(search, 250);
  const customers = useCustomers({ search: debounced || undefined, limit: 20 });
  const elements = useMapElements(kind === 'odc' ? 'odc' : 'odp', kind === 'odc' || kind === 'odp');
  const outages = useOpenOutages();
  if (kind === 'customer') return (customers.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.name} · ${c.code}` }));
  if (kind === 'outage') return (outages.data ?? []).map((o) => ({ value: o.id, label: o.elementName }));
  return (elements.data ?? []).map((e) => ({ value: e.id, label: `${e.code} · ${e.name}` }));
}

const emptyTask = { kind: 'repair' as NewTask['kind'], title: '', targetKind: 'customer' as TargetKind, targetId: null as string | null, assigneeIds: [] as string[], priority: 'normal' as NonNullable<NewTask['priority']>, due: '', notes: '' };

/** The board's "new task" button; the form mounts (and reads customers, the map, staff) only while open. */
export function CreateTaskButton() {
  const t = useT();
  const [opened, { open, close }] = useDisclosure();
  return (
    <>
      <Button size="xs" onClick={open}>
        {t('tasks.create')}
      </Button>
      <Modal opened={opened} onClose={close} title={t('tasks.create')}>
        <CreateTaskForm onCreated={close} />
      </Modal>
    </>
  );
}

/** Kind, what it is for, technicians, priority, due time and notes; the server's refusals shown at their fields. */
function CreateTaskForm({ onCreated }: { onCreated: () => void }) {
  const t = useT();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const timeZone = me?.tenants.find((x) => x.id === me.activeTenantId)?.timeZone ?? 'Asia/Jakarta';
  const [form, setForm] = useState(emptyTask);
  const [search, setSearch] = useState('');
  const options = useTargetOptions(form.targetKind, search);
  const staff = useStaff();
  const technicians = (staff.data ?? []).filter((s) => s.roles.includes('technician') && s.status === 'active');
  const create = useCreateTask((task) => {
    notifications.show({ color: 'teal', message: t('tasks.created', { number: task.number }) });
    onCreated();
    void navigate(`/tasks/${task.id}`);
  });
  // No target chosen: sent without an id, the server's "required" at `target.id` shows at the picker.
  const errors = fieldErrors(create.error, t);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({
      kind: form.kind,
      title: form.title,
      target: (form.targetId ? { kind: form.targetKind, id: form.targetId } : { kind: form.targetKind }) as NewTask['target'],
      priority: form.priority,
      assigneeIds: form.assigneeIds,
      dueAt: form.due ? inZone(form.due, timeZone) : null,
      description: form.notes.trim() || null,
    });
  };
  const set = <K extends keyof typeof form>(key: K) => (value: (typeof form)[K]) => setForm((f) => ({ ...f, [key]: value }));
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Select label={t('tasks.kind')} data={kinds.map((k) => ({ value: k, label: t(`tasks.kind.${k}`) }))} value={form.kind} onChange={(v) => v && set('kind')(v as NewTask['kind'])} error={errors.kind} allowDeselect={false} withAsterisk />
        <TextInput label={t('tasks.title')} value={form.title} onChange={(e) => set('title')(e.currentTarget.value)} error={errors.title} withAsterisk />
        <SegmentedControl
          aria-label={t('tasks.targetKind')}
          size="xs"
          data={targetKinds.map((k) => ({ value: k, label: t(`tasks.targetKind.${k}`) }))}
          value={form.targetKind}
          onChange={(v) => {
            setForm((f) => ({ ...f, targetKind: v as TargetKind, targetId: null }));
            setSearch('');
          }}
        />
        <Select
          label={t('tasks.target')}
          placeholder={t('tasks.targetSearch')}
          searchable
          searchValue={search}
          onSearchChange={setSearch}
          // Customers are searched by the server (name, code or phone however typed).
          filter={form.targetKind === 'customer' ? ({ options: all }) => all : undefined}
          data={options}
          value={form.targetId}
          onChange={set('targetId')}
          error={errors.id ?? errors.target}
          nothingFoundMessage={t('tasks.targetNone')}
          withAsterisk
        />
        <MultiSelect label={t('tasks.assignees')} data={technicians.map((s) => ({ value: s.userId, label: s.name }))} value={form.assigneeIds} onChange={set('assigneeIds')} error={errors.assigneeIds} searchable />
        <Group grow align="flex-start">
          <Select label={t('tasks.priority')} data={priorities.map((p) => ({ value: p, label: t(`tasks.priority.${p}`) }))} value={form.priority} onChange={(v) => v && set('priority')(v as typeof form.priority)} error={errors.priority} allowDeselect={false} />
          <TextInput label={t('tasks.due')} type="datetime-local" value={form.due} onChange={(e) => set('due')(e.currentTarget.value)} error={errors.dueAt} />
        </Group>
        <Textarea label={t('tasks.notes')} autosize minRows={2} value={form.notes} onChange={(e) => set('notes')(e.currentTarget.value)} error={errors.description} />
        <Button type="submit" loading={create.isPending}>
          {t('tasks.create')}
        </Button>
      </Stack>
    </form>
  );
}
