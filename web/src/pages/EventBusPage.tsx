import { Badge, Button, Card, Group, SimpleGrid, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { api, query } from '../api.ts';
import { PageTitle } from '../components/PageTitle.tsx';
import { QueryState } from '../components/QueryState.tsx';
import { useT } from '../i18n.tsx';
import { useFormat } from '../session.tsx';

type Handler = { id: string; on: string[]; maxAttempts: number; ordered: boolean; waiting: number; inFlight: number; retrying: number; dead: number };
type Backlog = { unrelayed: number; lagSeconds: number };
type Failure = {
  handlerId: string;
  eventId: string;
  eventType: string;
  status: 'retrying' | 'dead' | 'replayed';
  attempts: number;
  errorKind: 'retryable' | 'permanent' | 'lost';
  lastError: string;
  lastFailedAt: string;
};
type Replay = { handlerId?: string; eventId?: string; all?: boolean };

const eventsKey = ['events'] as const;
// Delivery counts change by the second and have no live stream of their own: poll while the
// page is open, but not after a failure (one message about it is enough).
const refetchInterval = (query: { state: { status: string } }) => (query.state.status === 'error' ? false : 5_000);

/** The event bus as an operator sees it: handlers and their queues, the relay backlog, failures and dead letters with replay. */
export function EventBusPage() {
  const t = useT();
  const queryClient = useQueryClient();
  const handlers = useQuery({ queryKey: [...eventsKey, 'handlers'], queryFn: () => api.get<Handler[]>('/api/admin/events/handlers'), refetchInterval });
  const backlog = useQuery({ queryKey: [...eventsKey, 'backlog'], queryFn: () => api.get<Backlog>('/api/admin/events/backlog'), refetchInterval });
  const dead = useQuery({ queryKey: [...eventsKey, 'dead'], queryFn: () => api.get<Failure[]>('/api/admin/events/failures' + query({ status: 'dead' })), refetchInterval });
  const retrying = useQuery({
    queryKey: [...eventsKey, 'retrying'],
    queryFn: () => api.get<Failure[]>('/api/admin/events/failures' + query({ status: 'retrying' })),
    refetchInterval,
  });
  const replay = useMutation({
    mutationFn: (selection: Replay) => api.post<{ replayed: number }>('/api/admin/events/dead-letters/replay', selection),
    onSuccess: ({ replayed }) => notifications.show({ color: 'teal', message: t('events.replayed', { count: replayed }) }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: eventsKey }),
  });
  const replaying = (failure: Failure) => replay.isPending && replay.variables?.eventId === failure.eventId && replay.variables.handlerId === failure.handlerId;

  return (
    <Stack>
      <PageTitle>{t('events.title')}</PageTitle>
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        <Figure label={t('events.backlog')} value={backlog.data?.unrelayed} hint={backlog.data ? t('events.lag', { seconds: Math.round(backlog.data.lagSeconds) }) : undefined} />
        <Figure label={t('events.waiting')} value={handlers.data?.reduce((n, h) => n + h.waiting + h.inFlight, 0)} />
        <Figure label={t('events.retrying')} value={retrying.data?.length} />
        <Figure label={t('events.dead')} value={dead.data?.length} color={dead.data?.length ? 'red' : undefined} />
      </SimpleGrid>
      <Tabs defaultValue="dead" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="dead">
            {t('events.deadLetters')} {dead.data ? `(${dead.data.length})` : ''}
          </Tabs.Tab>
          <Tabs.Tab value="retrying">{t('events.failures')}</Tabs.Tab>
          <Tabs.Tab value="handlers">{t('events.handlers')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="dead" pt="md">
          <QueryState query={dead}>
            {(failures) =>
              failures.length === 0 ? (
                <Text c="dimmed">{t('events.noDead')}</Text>
              ) : (
                <Stack>
                  <Group justify="flex-end">
                    <Button size="xs" variant="light" onClick={() => replay.mutate({ all: true })} loading={replay.isPending && Boolean(replay.variables?.all)}>
                      {t('events.replayAll')}
                    </Button>
                  </Group>
                  <FailureTable
                    failures={failures}
                    action={(failure) => (
                      <Button size="xs" onClick={() => replay.mutate({ handlerId: failure.handlerId, eventId: failure.eventId })} loading={replaying(failure)}>
                        {t('events.replay')}
                      </Button>
                    )}
                  />
                </Stack>
              )
            }
          </QueryState>
        </Tabs.Panel>
        <Tabs.Panel value="retrying" pt="md">
          <QueryState query={retrying}>{(failures) => (failures.length === 0 ? <Text c="dimmed">{t('common.empty')}</Text> : <FailureTable failures={failures} />)}</QueryState>
        </Tabs.Panel>
        <Tabs.Panel value="handlers" pt="md">
          <QueryState query={handlers}>{(list) => <HandlerTable handlers={list} />}</QueryState>
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function FailureTable({ failures, action }: { failures: Failure[]; action?: (failure: Failure) => ReactNode }) {
  const t = useT();
  const format = useFormat();
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('events.event')}</Table.Th>
            <Table.Th>{t('events.handler')}</Table.Th>
            <Table.Th>{t('events.attempts')}</Table.Th>
            <Table.Th>{t('events.error')}</Table.Th>
            {action && <Table.Th />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {failures.map((failure) => (
            <Table.Tr key={`${failure.handlerId}:${failure.eventId}`} data-dead-letter={failure.eventId}>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {failure.eventType}
                </Text>
                <Text size="xs" c="dimmed" ff="monospace">
                  {failure.eventId}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{failure.handlerId}</Text>
              </Table.Td>
              <Table.Td>{failure.attempts}</Table.Td>
              <Table.Td>
                <Badge size="xs" color={failure.errorKind === 'retryable' ? 'yellow' : 'red'} variant="light">
                  {failure.errorKind}
                </Badge>
                <Text size="sm" c="red">
                  {failure.lastError}
                </Text>
                <Text size="xs" c="dimmed">
                  {format.dateTime(failure.lastFailedAt)}
                </Text>
              </Table.Td>
              {action && <Table.Td>{action(failure)}</Table.Td>}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function HandlerTable({ handlers }: { handlers: Handler[] }) {
  const t = useT();
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('events.handler')}</Table.Th>
            <Table.Th>{t('events.waiting')}</Table.Th>
            <Table.Th>{t('events.inFlight')}</Table.Th>
            <Table.Th>{t('events.retrying')}</Table.Th>
            <Table.Th>{t('events.dead')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {handlers.map((handler) => (
            <Table.Tr key={handler.id}>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {handler.id}
                </Text>
                <Text size="xs" c="dimmed">
                  {handler.on.join(', ')}
                </Text>
              </Table.Td>
              <Table.Td>{handler.waiting}</Table.Td>
              <Table.Td>{handler.inFlight}</Table.Td>
              <Table.Td>{handler.retrying}</Table.Td>
              <Table.Td>
                <Text c={handler.dead ? 'red' : undefined} fw={handler.dead ? 700 : undefined}>
                  {handler.dead}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function Figure({ label, value, hint, color }: { label: string; value: number | undefined; hint?: string; color?: string }) {
  return (
    <Card withBorder>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Title order={3} c={color}>
        {value ?? '…'}
      </Title>
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </Card>
  );
}
