import { Anchor, Badge, Card, Group, MultiSelect, SegmentedControl, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { DataTable } from '../../components/DataTable.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useT } from '../../i18n.tsx';
import { useCan, useFormat } from '../../session.tsx';
import { useStaff } from '../staff/queries.ts';
import { CreateTaskButton } from './CreateTaskButton.tsx';
import { useAssign, useTasks, type Task, type TaskFilter } from './queries.ts';

export const statusColour: Record<Task['status'], string> = { open: 'gray', assigned: 'blue', on_the_way: 'cyan', working: 'orange', done: 'teal', cancelled: 'dark' };
export const priorityColour: Record<Task['priority'], string> = { low: 'gray', normal: 'blue', high: 'orange', urgent: 'red' };
const boardStatuses = ['open', 'assigned', 'on_the_way', 'working', 'done'] as const;

/** Assign from the board: the tenant's technicians, several at once. */
function AssignPicker({ task }: { task: Task }) {
  const t = useT();
  const staff = useStaff();
  const assign = useAssign(task.id);
  const technicians = (staff.data ?? []).filter((s) => s.roles.includes('technician') && s.status === 'active');
  if (task.status === 'done' || task.status === 'cancelled') return <Text size="sm">{task.assignees.map((a) => a.name).join(', ') || '—'}</Text>;
  return (
    <MultiSelect
      size="xs"
      aria-label={t('tasks.assignees')}
      placeholder={t('tasks.assign')}
      data={technicians.map((s) => ({ value: s.userId, label: s.name }))}
      value={task.assignees.map((a) => a.userId)}
      onChange={(ids) => assign.mutate(ids)}
      disabled={assign.isPending}
      miw={160}
    />
  );
}

/** The admin's task board: counts by status, the list filtered by status and technician. */
export function TasksPage() {
  const t = useT();
  const can = useCan();
  const format = useFormat();
  const [status, setStatus] = useState<NonNullable<TaskFilter['status']>>('active');
  const [assignee, setAssignee] = useState<string | null>(null);
  const all = useTasks({ status: 'all' });
  const tasks = useTasks({ status, assignee: assignee ?? undefined });
  const staff = useStaff({ enabled: can('tasks.manage') });
  const technicians = (staff.data ?? []).filter((s) => s.roles.includes('technician'));
  const count = (s: string) => (all.data ?? []).filter((task) => task.status === s).length;

  return (
    <Stack>
      <PageTitle actions={can('tasks.manage') && <CreateTaskButton />}>{t('tasks.boardTitle')}</PageTitle>
      <SimpleGrid cols={{ base: 3, sm: 5 }} spacing="xs">
        {boardStatuses.map((s) => (
          <Card key={s} withBorder padding="xs" data-board-status={s} onClick={() => setStatus(s)} style={{ cursor: 'pointer' }}>
            <Text size="xs" c="dimmed">
              {t(`tasks.status.${s}`)}
            </Text>
            <Text fw={700} size="lg" data-testid={`board-count-${s}`}>
              {count(s)}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
      <Group wrap="wrap" gap="sm">
        <SegmentedControl
          size="xs"
          value={status}
          onChange={(value) => setStatus(value as typeof status)}
          data={[{ value: 'active', label: t('tasks.filter.active') }, ...boardStatuses.map((s) => ({ value: s, label: t(`tasks.status.${s}`) })), { value: 'all', label: t('tasks.filter.all') }]}
          style={{ maxWidth: '100%', overflowX: 'auto' }}
        />
        {can('tasks.manage') && (
          <Select size="xs" clearable placeholder={t('tasks.byTechnician')} aria-label={t('tasks.byTechnician')} data={technicians.map((s) => ({ value: s.userId, label: s.name }))} value={assignee} onChange={setAssignee} />
        )}
      </Group>
      <QueryState query={tasks}>
        {(rows) => (
          <DataTable
            rows={rows}
            rowKey={(task) => task.id}
            rowProps={(task) => ({ 'data-task-number': String(task.number) })}
            empty={t('tasks.none')}
            columns={[
              { header: '#', cell: (task) => <Anchor component={Link} to={`/tasks/${task.id}`}>#{task.number}</Anchor> },
              { header: t('tasks.title'), cell: (task) => task.title },
              { header: t('tasks.kind'), cell: (task) => t(`tasks.kind.${task.kind}`) },
              { header: t('tasks.target'), cell: (task) => task.target.name },
              { header: t('tasks.priority'), cell: (task) => <Badge color={priorityColour[task.priority]} style={{ minWidth: 'max-content' }}>{t(`tasks.priority.${task.priority}`)}</Badge> },
              { header: t('tasks.statusLabel'), cell: (task) => <Badge color={statusColour[task.status]} style={{ minWidth: 'max-content' }}>{t(`tasks.status.${task.status}`)}</Badge> },
              { header: t('tasks.due'), cell: (task) => (task.dueAt ? format.dateTime(task.dueAt) : '—') },
              { header: t('tasks.assignees'), cell: (task) => (can('tasks.manage') ? <AssignPicker task={task} /> : task.assignees.map((a) => a.name).join(', ') || '—') },
              { header: t('tasks.backOnline'), cell: (task) => (task.lines ? `${task.lines.backOnline}/${task.lines.rechecked}` : '—') },
            ]}
          />
        )}
      </QueryState>
    </Stack>
  );
}
