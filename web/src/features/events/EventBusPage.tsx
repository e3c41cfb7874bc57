import { Badge, Button, Card, Group, Progress, SimpleGrid, Stack, Tabs, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ReactNode } from 'react';
import { DataTable } from '../../components/DataTable.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useT } from '../../i18n.tsx';
import { useFormat } from '../../session.tsx';
import type { Item, ResponseOf } from '../../api/types.ts';
import { useTenants } from '../tenants/queries.ts';
import { isUnfinished, useBacklog, useFailures, useHandlers, useJobRuns, useJobs, useReplay, useRunJobNow, type JobRun } from './queries.ts';

type Handler = Item<ResponseOf<'/api/admin/events/handlers', 'get'>>;
type Failure = Item<ResponseOf<'/api/admin/events/failures', 'get'>>;

/** Failures and runs name a tenant by id; the platform operator reads names. */
function useTenantName() {
  const { data } = useTenants({ staleTime: 60_000 });
  return (tenantId: string) => data?.find((tenant) => tenant.id === tenantId)?.name ?? tenantId.slice(0, 8);
}

/** The event bus and scheduled jobs as the platform operator sees them: queues, failures with replay, jobs with "run now". */
export function EventBusPage() {
  const t = useT();
  const handlers = useHandlers();
  const backlog = useBacklog();
  const dead = useFailures('dead');
  const retrying = useFailures('retrying');
  const replay = useReplay();
  const runReplay = (selection: NonNullable<typeof replay.variables>) =>
    replay.mutate(selection, { onSuccess: ({ replayed }) => notifications.show({ color: 'teal', message: t('events.replayed', { count: replayed }) }) });
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
          <Tabs.Tab value="jobs">{t('jobs.title')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="dead" pt="md">
          <QueryState query={dead}>
            {(failures) =>
              failures.length === 0 ? (
                <Text c="dimmed">{t('events.noDead')}</Text>
              ) : (
                <Stack>
                  <Group justify="flex-end">
                    <Button size="xs" variant="light" onClick={() => runReplay({ all: true })} loading={replay.isPending && Boolean(replay.variables?.all)}>
                      {t('events.replayAll')}
                    </Button>
                  </Group>
                  <FailureTable
                    failures={failures}
                    action={(failure) => (
                      <Button size="xs" onClick={() => runReplay({ handlerId: failure.handlerId, eventId: failure.eventId })} loading={replaying(failure)}>
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
        <Tabs.Panel value="jobs" pt="md">
          <JobsPanel />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function FailureTable({ failures, action }: { failures: Failure[]; action?: (failure: Failure) => ReactNode }) {
  const t = useT();
  const format = useFormat();
  const tenantName = useTenantName();
  return (
    <DataTable
      rows={failures}
      rowKey={(failure) => `${failure.handlerId}:${failure.eventId}`}
      rowProps={(failure) => ({ 'data-failure': failure.eventId })}
      minWidth={760}
      columns={[
        {
          header: t('events.event'),
          cell: (failure) => (
            <>
              <Text size="sm" fw={500}>
                {failure.eventType}
              </Text>
              <Text size="xs" c="dimmed">
                {tenantName(failure.tenantId)}
              </Text>
              <Text size="xs" c="dimmed" ff="monospace">
                {failure.eventId}
              </Text>
            </>
          ),
        },
        { header: t('events.handler'), cell: (failure) => <Text size="sm">{failure.handlerId}</Text> },
        { header: t('events.attempts'), cell: (failure) => failure.attempts },
        {
          header: t('events.error'),
          cell: (failure) => (
            <Stack gap={2} maw={420}>
              <Badge size="xs" color={failure.errorKind === 'retryable' ? 'yellow' : 'red'} variant="light">
                {t(`events.errorKind.${failure.errorKind}`)}
              </Badge>
              <Text size="sm" c="red" style={{ overflowWrap: 'anywhere' }}>
                {failure.lastError}
              </Text>
              <Text size="xs" c="dimmed">
                {format.dateTime(failure.lastFailedAt)}
              </Text>
            </Stack>
          ),
        },
        { header: null, hidden: !action, cell: (failure) => action?.(failure) },
      ]}
    />
  );
}

function HandlerTable({ handlers }: { handlers: Handler[] }) {
  const t = useT();
  return (
    <DataTable
      rows={handlers}
      rowKey={(handler) => handler.id}
      minWidth={720}
      columns={[
        {
          header: t('events.handler'),
          cell: (handler) => (
            <>
              <Text size="sm" fw={500}>
                {handler.id}
              </Text>
              <Text size="xs" c="dimmed" maw={360}>
                {handler.on.join(', ')}
              </Text>
            </>
          ),
        },
        { header: t('events.waiting'), cell: (handler) => handler.waiting },
        { header: t('events.inFlight'), cell: (handler) => handler.inFlight },
        { header: t('events.retrying'), cell: (handler) => handler.retrying },
        {
          header: t('events.dead'),
          cell: (handler) => (
            <Text c={handler.dead ? 'red' : undefined} fw={handler.dead ? 700 : undefined}>
              {handler.dead}
            </Text>
          ),
        },
        {
          header: t('events.policy'),
          cell: (handler) => (
            <>
              <Text size="xs">
                {t('events.policyText', { attempts: handler.maxAttempts, first: handler.retryDelaySeconds, max: handler.retryDelayMaxSeconds })}
              </Text>
              {handler.ordered && (
                <Text size="xs" c="dimmed">
                  {t('events.ordered')}
                </Text>
              )}
            </>
          ),
        },
      ]}
    />
  );
}

/** Scheduled jobs with their cron, "run now", and recent runs followed until they finish. */
function JobsPanel() {
  const t = useT();
  const jobs = useJobs();
  const runs = useJobRuns();
  const runNow = useRunJobNow();
  const start = (jobName: string) => runNow.mutate(jobName, { onSuccess: (started) => notifications.show({ color: 'teal', message: t('jobs.started', { count: started.length }) }) });

  return (
    <Stack>
      <QueryState query={jobs}>
        {(list) => (
          <DataTable
            rows={list}
            rowKey={(job) => job.name}
            rowProps={(job) => ({ 'data-job': job.name })}
            columns={[
              {
                header: t('jobs.job'),
                cell: (job) => (
                  <>
                    <Text size="sm" fw={500}>
                      {job.name}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {job.description}
                    </Text>
                  </>
                ),
              },
              {
                header: t('jobs.cron'),
                cell: (job) => (
                  <Text size="sm" ff="monospace">
                    {job.cron}
                  </Text>
                ),
              },
              {
                header: null,
                cell: (job) => (
                  <Button size="xs" variant="light" onClick={() => start(job.name)} loading={runNow.isPending && runNow.variables === job.name}>
                    {t('jobs.runNow')}
                  </Button>
                ),
              },
            ]}
          />
        )}
      </QueryState>
      <Text size="xs" c="dimmed">
        {t('jobs.cronHint')}
      </Text>
      <Title order={5}>{t('jobs.recentRuns')}</Title>
      <QueryState query={runs}>{(list) => (list.length === 0 ? <Text c="dimmed">{t('common.empty')}</Text> : <RunTable runs={list} />)}</QueryState>
    </Stack>
  );
}

const runColor: Record<JobRun['status'], string> = { pending: 'gray', running: 'blue', succeeded: 'teal', failed: 'red', skipped: 'yellow' };

function RunTable({ runs }: { runs: JobRun[] }) {
  const t = useT();
  const format = useFormat();
  const tenantName = useTenantName();
  return (
    <DataTable
      rows={runs}
      rowKey={(run) => run.id}
      rowProps={(run) => ({ 'data-run': run.jobName, 'data-run-status': run.status })}
      columns={[
        {
          header: t('jobs.job'),
          cell: (run) => (
            <>
              <Text size="sm" fw={500}>
                {run.jobName}
              </Text>
              <Text size="xs" c="dimmed">
                {tenantName(run.tenantId)} · {t(`jobs.trigger.${run.trigger}`)}
                {run.startedAt ? ` · ${format.dateTime(run.startedAt)}` : ''}
              </Text>
            </>
          ),
        },
        {
          header: t('jobs.status'),
          cell: (run) => (
            <Badge color={runColor[run.status]} variant="light">
              {t(`jobs.status.${run.status}`)}
            </Badge>
          ),
        },
        { header: t('jobs.progress'), cell: (run) => <RunProgress run={run} /> },
      ]}
    />
  );
}

/** Done out of total when the job knows its total; a moving bar while it doesn't. */
function RunProgress({ run }: { run: JobRun }) {
  const { done, total, message } = run.progress;
  const finished = !isUnfinished(run);
  const percent = finished ? 100 : total ? Math.round((done / total) * 100) : 100;
  return (
    <Stack gap={2}>
      <Progress value={percent} color={runColor[run.status]} striped={!finished} animated={!finished} size="sm" />
      <Text size="xs" c={run.error ? 'red' : 'dimmed'} style={{ overflowWrap: 'anywhere' }}>
        {run.error ?? [total !== null ? `${done}/${total}` : done > 0 ? String(done) : null, message].filter(Boolean).join(' · ')}
      </Text>
    </Stack>
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
