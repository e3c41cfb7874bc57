import { Anchor, Badge, Button, Card, Checkbox, FileButton, Group, Image, SimpleGrid, Stack, Text, Textarea, Timeline } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useT } from '../../i18n.tsx';
import { messageOf } from '../../query-provider.tsx';
import { useCan, useFormat } from '../../session.tsx';
import { queryKeys } from '../../query-keys.ts';
import { enqueue, flushQueue, readQueue, useChangeStatus, useReportFix, useTask, useTaskActivities, useTaskHistory, useTaskPhotos, useTasks, type Task } from './queries.ts';
import { priorityColour, statusColour } from './TasksPage.tsx';

/** Directions on the phone: a geo: link (the phone's map app) and a Google Maps link. */
function NavigateLinks({ task }: { task: Task }) {
  const t = useT();
  const { latitude, longitude } = task.target;
  if (latitude === null || longitude === null) return null;
  return (
    <Group gap="xs">
      <Button component="a" size="xs" variant="light" href={`geo:${latitude},${longitude}?q=${latitude},${longitude}(${encodeURIComponent(task.target.name)})`} data-testid="navigate-geo">
        {t('tasks.navigate')}
      </Button>
      <Anchor size="xs" href={`https://www.google.com/maps/dir/?api=1&destination=${latitude},${longitude}`} target="_blank" rel="noreferrer">
        Google Maps
      </Anchor>
    </Group>
  );
}

/** The queue's length, following changes (this tab's and others'). */
function useQueueLength() {
  const [length, setLength] = useState(() => readQueue().length);
  useEffect(() => {
    const update = () => setLength(readQueue().length);
    window.addEventListener('simpul-queue', update);
    window.addEventListener('storage', update);
    return () => {
      window.removeEventListener('simpul-queue', update);
      window.removeEventListener('storage', update);
    };
  }, []);
  return length;
}

/** Sends the queue when the signal returns (and at once, in case it already has). */
function useQueueSender() {
  const t = useT();
  const client = useQueryClient();
  useEffect(() => {
    const flush = () =>
      void flushQueue((error) => notifications.show({ color: 'red', title: t('error.title'), message: messageOf(error, t) })).then((sent) => {
        if (sent > 0) {
          notifications.show({ color: 'teal', message: t('tasks.queueSent', { count: sent }) });
          void client.invalidateQueries({ queryKey: queryKeys.tasks.all });
        }
      });
    flush();
    window.addEventListener('online', flush);
    window.addEventListener('simpul-queue-flush', flush);
    return () => {
      window.removeEventListener('online', flush);
      window.removeEventListener('simpul-queue-flush', flush);
    };
  }, [client, t]);
}

/** Phone-first: today's tasks of the signed-in technician, most urgent first. */
export function MyTasksPage() {
  const t = useT();
  const format = useFormat();
  const tasks = useTasks({ status: 'active', assignee: 'me' });
  const queued = useQueueLength();
  useQueueSender();
  return (
    <Stack>
      <PageTitle>{t('tasks.myTitle')}</PageTitle>
      {queued > 0 && (
        <Badge color="yellow" data-testid="queue-count">
          {t('tasks.queued', { count: queued })}
        </Badge>
      )}
      <QueryState query={tasks}>
        {(rows) =>
          rows.length === 0 ? (
            <Text c="dimmed">{t('tasks.noneToday')}</Text>
          ) : (
            <Stack gap="sm">
              {rows.map((task) => (
                <Card key={task.id} withBorder padding="sm" data-task-card={task.number}>
                  <Group justify="space-between" wrap="nowrap" align="flex-start">
                    <Anchor component={Link} to={`/tasks/${task.id}`} fw={600}>
                      #{task.number} {task.title}
                    </Anchor>
                    <Badge color={priorityColour[task.priority]}>{t(`tasks.priority.${task.priority}`)}</Badge>
                  </Group>
                  <Text size="sm">{task.target.name}</Text>
                  <Group gap="xs" mt={4} wrap="wrap">
                    <Badge color={statusColour[task.status]} variant="light">
                      {t(`tasks.status.${task.status}`)}
                    </Badge>
                    {task.dueAt && <Text size="xs" c="dimmed">{t('tasks.dueAt', { at: format.dateTime(task.dueAt) })}</Text>}
                  </Group>
                  <Group mt="xs">
                    <NavigateLinks task={task} />
                  </Group>
                </Card>
              ))}
            </Stack>
          )
        }
      </QueryState>
    </Stack>
  );
}

const next: Partial<Record<Task['status'], 'on_the_way' | 'working'>> = { assigned: 'on_the_way', on_the_way: 'working' };

/** One task: navigate, move the status, notes and photos (queued offline), the outage fix, close with the checklist. */
export function TaskDetailPage() {
  const { taskId = '' } = useParams();
  const t = useT();
  const can = useCan();
  const format = useFormat();
  const task = useTask(taskId);
  const activities = useTaskActivities(taskId);
  const history = useTaskHistory(taskId);
  const photos = useTaskPhotos(taskId);
  const queued = useQueueLength();
  const [note, setNote] = useState('');
  const [checked, setChecked] = useState<string[]>([]);
  const changeStatus = useChangeStatus(taskId, () => notifications.show({ color: 'teal', message: t('tasks.statusSaved') }));
  const reportFix = useReportFix(taskId);
  useQueueSender();

  const queueNote = (status?: 'on_the_way' | 'working') => {
    if (!note.trim()) return;
    enqueue({ kind: 'activity', taskId, note: note.trim(), status });
    setNote('');
    window.dispatchEvent(new Event('simpul-queue-flush'));
  };
  const queuePhoto = (file: File | null) => {
    if (!file) return;
    const reader = new FileReader();
    reader.onload = () => {
      try {
        enqueue({ kind: 'photo', taskId, dataUrl: String(reader.result), name: file.name });
        window.dispatchEvent(new Event('simpul-queue-flush'));
      } catch {
        notifications.show({ color: 'red', message: t('tasks.photoTooBigOffline') });
      }
    };
    reader.readAsDataURL(file);
  };

  return (
    <QueryState query={task}>
      {(task) => {
        const open = task.status !== 'done' && task.status !== 'cancelled';
        const worker = can('fieldwork.log');
        const checklist = task.checklist ?? [];
        return (
          <Stack>
            <PageTitle>
              #{task.number} {task.title}
            </PageTitle>
            <Group gap="xs" wrap="wrap">
              <Badge color={statusColour[task.status]} data-testid="task-status">
                {t(`tasks.status.${task.status}`)}
              </Badge>
              <Badge color={priorityColour[task.priority]}>{t(`tasks.priority.${task.priority}`)}</Badge>
              <Text size="sm">{t(`tasks.kind.${task.kind}`)} · {task.target.name}</Text>
            </Group>
            {task.description && <Text size="sm">{task.description}</Text>}
            <NavigateLinks task={task} />
            {queued > 0 && (
              <Badge color="yellow" data-testid="queue-count">
                {t('tasks.queued', { count: queued })}
              </Badge>
            )}
            {open && worker && next[task.status] && (
              <Button onClick={() => changeStatus.mutate({ status: next[task.status]! })} loading={changeStatus.isPending} data-testid="next-status">
                {t(`tasks.move.${next[task.status]!}`)}
              </Button>
            )}
            {open && worker && (
              <Card withBorder padding="sm">
                <Stack gap="xs">
                  <Textarea label={t('tasks.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} maxLength={4000} />
                  <Group gap="xs" wrap="wrap">
                    <Button size="sm" onClick={() => queueNote()} disabled={!note.trim()} data-testid="send-note">
                      {t('tasks.sendNote')}
                    </Button>
                    <FileButton onChange={queuePhoto} accept="image/jpeg,image/png,image/webp,image/heic,image/heif" capture="environment">
                      {(props) => (
                        <Button size="sm" variant="light" {...props} data-testid="add-photo">
                          {t('tasks.addPhoto')}
                        </Button>
                      )}
                    </FileButton>
                  </Group>
                </Stack>
              </Card>
            )}
            {open && worker && task.kind === 'outage_fix' && !task.fixRequestedAt && (
              <Button color="teal" variant="light" onClick={() => reportFix.mutate()} loading={reportFix.isPending} data-testid="report-fix">
                {t('tasks.reportFix')}
              </Button>
            )}
            {task.fixRequestedAt && (
              <Text size="sm" c={task.fixAppliedAt ? 'teal' : 'orange'}>
                {task.fixAppliedAt ? t('tasks.fixApplied') : t('tasks.fixProposed')}
                {task.lines ? ` · ${t('tasks.linesBack', { back: task.lines.backOnline, total: task.lines.rechecked })}` : ''}
              </Text>
            )}
            {open && worker && task.status !== 'assigned' && (
              <Card withBorder padding="sm" data-testid="checklist">
                <Stack gap={6}>
                  <Text fw={600} size="sm">
                    {t('tasks.checklist')}
                  </Text>
                  {checklist.map((item) => (
                    <Checkbox
                      key={item.label}
                      label={item.label}
                      checked={checked.includes(item.label)}
                      onChange={(e) => setChecked(e.currentTarget.checked ? [...checked, item.label] : checked.filter((l) => l !== item.label))}
                    />
                  ))}
                  <Button
                    color="teal"
                    mt="xs"
                    disabled={checked.length < checklist.length}
                    onClick={() => changeStatus.mutate({ status: 'done', checklist: checklist.map((i) => ({ label: i.label, done: checked.includes(i.label) })) })}
                    data-testid="close-task"
                  >
                    {t('tasks.close')}
                  </Button>
                </Stack>
              </Card>
            )}
            <Text fw={600}>{t('tasks.log')}</Text>
            <QueryState query={activities}>
              {(rows) =>
                rows.length === 0 ? (
                  <Text c="dimmed" size="sm">
                    {t('tasks.noActivity')}
                  </Text>
                ) : (
                  <Stack gap="xs">
                    {rows.map((a) => (
                      <Card key={a.id} withBorder padding="xs" data-activity={a.id}>
                        <Text size="xs" c="dimmed">
                          {a.technicianName} · {format.dateTime(a.createdAt)}
                        </Text>
                        <Text size="sm">{a.note}</Text>
                        {a.photos.length > 0 && (
                          <SimpleGrid cols={3} spacing={4} mt={4}>
                            {a.photos.map((p) => (
                              <a key={p.id} href={p.url} target="_blank" rel="noreferrer">
                                <Image src={p.thumbnailUrl} alt={t('tasks.photo')} radius="sm" />
                              </a>
                            ))}
                          </SimpleGrid>
                        )}
                      </Card>
                    ))}
                  </Stack>
                )
              }
            </QueryState>
            <Text fw={600}>{t('tasks.photos')}</Text>
            <QueryState query={photos}>
              {(rows) =>
                rows.length === 0 ? (
                  <Text c="dimmed" size="sm">
                    {t('tasks.noPhotos')}
                  </Text>
                ) : (
                  <SimpleGrid cols={3} spacing={4} data-testid="task-photos">
                    {rows.map((p) => (
                      <a key={p.id} href={p.url} target="_blank" rel="noreferrer">
                        <Image src={p.thumbnailUrl} alt={t('tasks.photo')} radius="sm" />
                      </a>
                    ))}
                  </SimpleGrid>
                )
              }
            </QueryState>
            <Text fw={600}>{t('tasks.history')}</Text>
            <QueryState query={history}>
              {(rows) => (
                <Timeline bulletSize={12} lineWidth={2}>
                  {rows.map((h, i) => (
                    <Timeline.Item key={i} title={t(`tasks.status.${h.to}`)}>
                      <Text size="xs" c="dimmed">
                        {(h.actorName ?? t('tasks.system')) + ' · ' + format.dateTime(h.at)}
                      </Text>
                    </Timeline.Item>
                  ))}
                </Timeline>
              )}
            </QueryState>
          </Stack>
        );
      }}
    </QueryState>
  );
}
