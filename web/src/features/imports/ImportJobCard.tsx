import { Alert, Badge, Card, Group, Progress, Stack, Text, Title } from '@mantine/core';
import { DataTable } from '../../components/DataTable.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useT } from '../../i18n.tsx';
import { useImportJob } from './queries.ts';

const statusColor = { queued: 'gray', running: 'blue', done: 'teal', failed: 'red' } as const;

/** An import job as it goes: the rows handled of all (a bar the worker moves chunk by chunk), then the result and the rows it refused. */
export function ImportJobCard({ jobId, problemText }: { jobId: string; problemText: (p: { problem: string; message: string }) => string }) {
  const t = useT();
  const job = useImportJob(jobId);
  return (
    <Card withBorder data-testid="import-job">
      <QueryState query={job}>
        {(j) => {
          const handled = j.done + j.failed;
          const percent = j.total === 0 ? 100 : Math.round((100 * handled) / j.total);
          return (
            <Stack gap="sm">
              <Group justify="space-between">
                <Title order={4}>{t('imports.job.title')}</Title>
                <Badge color={statusColor[j.status]} data-status={j.status}>
                  {t(`imports.job.status.${j.status}`)}
                </Badge>
              </Group>
              <Progress value={percent} animated={j.status === 'running' || j.status === 'queued'} aria-label={t('imports.job.progress')} />
              <Text size="sm" data-testid="import-job-progress">
                {t('imports.job.handled', { handled: String(handled), total: String(j.total), percent: String(percent) })}
              </Text>
              <Group gap="xs">
                <Badge color="teal">{t('imports.job.created', { count: String(j.customersCreated) })}</Badge>
                <Badge color="blue">{t('imports.job.updated', { count: String(j.customersUpdated) })}</Badge>
                <Badge color="gray">{t('imports.job.skipped', { count: String(j.customersSkipped) })}</Badge>
                <Badge color="grape">{t('imports.count.pakets', { count: String(j.paketsCreated) })}</Badge>
                <Badge color="red">{t('imports.job.failed', { count: String(j.failed) })}</Badge>
              </Group>
              {j.status === 'failed' && j.error && (
                <Alert color="red" title={t('imports.job.stopped')}>
                  {j.error}
                </Alert>
              )}
              {j.errors.length > 0 && (
                <DataTable
                  rows={j.errors}
                  rowKey={(e) => `${e.line}-${e.field}-${e.problem}`}
                  minWidth={480}
                  columns={[
                    { header: t('imports.line'), align: 'right', cell: (e) => e.line },
                    { header: t('imports.field'), cell: (e) => e.field },
                    { header: t('imports.problem'), cell: (e) => problemText(e) },
                  ]}
                />
              )}
            </Stack>
          );
        }}
      </QueryState>
    </Card>
  );
}
