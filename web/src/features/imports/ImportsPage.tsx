import { Alert, Anchor, Badge, Button, Card, Checkbox, FileInput, Group, NumberInput, SegmentedControl, Select, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { DataTable } from '../../components/DataTable.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useT } from '../../i18n.tsx';
import { useFormat } from '../../session.tsx';
import { ImportJobCard } from './ImportJobCard.tsx';
import { useImportJobs, useImportPreview, useQueueImport, type ImportRequest } from './queries.ts';

type Source = ImportRequest['source'];
const problemCodes = ['price_required', 'speed_required', 'required', 'invalid', 'not_found', 'duplicate', 'name_missing', 'password_hidden', 'disabled_skipped', 'not_pppoe_skipped', 'router_not_found', 'hotspot_skipped', 'no_ppp_users'] as const;
type ProblemCode = (typeof problemCodes)[number];
const isProblemCode = (code: string): code is ProblemCode => (problemCodes as readonly string[]).includes(code);

/** Reads the chosen file: text for RouterOS / PHPNuxBill / CSV, base64 for XLSX. */
async function contentOf(file: File, source: Source): Promise<string> {
  if (source !== 'xlsx') return file.text();
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function ImportsPage() {
  const t = useT();
  const format = useFormat();
  const [source, setSource] = useState<Source>('routeros');
  const [file, setFile] = useState<File | null>(null);
  const [mode, setMode] = useState<'skip' | 'update'>('skip');
  const [prices, setPrices] = useState<Record<string, number>>({});
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [unmatchedRouters, setUnmatchedRouters] = useState<'error' | 'none'>('error');
  const [jobId, setJobId] = useState<string | null>(null);
  const preview = useImportPreview();
  const run = useQueueImport();
  const latestJob = useImportJobs().data?.[0]?.id ?? null;
  const plan = preview.data;

  const request = async (choice = unmatchedRouters): Promise<ImportRequest | null> => (file ? { source, content: await contentOf(file, source), mode, prices, unmatchedRouters: choice } : null);
  const doPreview = async (choice = unmatchedRouters) => {
    const body = await request(choice);
    if (body) preview.mutate(body);
  };
  const doRun = async () => {
    const body = await request();
    if (!body) return;
    run.mutate(
      { ...body, skipInvalid },
      {
        onSuccess: (job) => {
          notifications.show({ color: 'teal', message: t('imports.queued', { total: String(job.total) }) });
          setJobId(job.id);
          preview.reset();
        },
      },
    );
  };
  /** A row's problem in the person's language (the server's English message for a code the console does not know). */
  const problemText = (p: { problem: string; message: string }) => (isProblemCode(p.problem) ? t(`imports.problem.${p.problem}`) : p.message);
  const newPakets = plan?.pakets.filter((p) => p.action === 'create') ?? [];
  // Prices typed after the preview change the plan: preview again before importing.
  const pricesPending = newPakets.some((p) => p.monthlyPrice === null && prices[p.key]);

  return (
    <Stack>
      <PageTitle actions={<Anchor href="/api/imports/template?format=xlsx">{t('imports.template')}</Anchor>}>{t('imports.title')}</PageTitle>
      <Card withBorder>
        <Stack gap="sm">
          <Select
            label={t('imports.source')}
            value={source}
            onChange={(v) => {
              setSource((v ?? 'routeros') as Source);
              preview.reset();
            }}
            data={[
              { value: 'routeros', label: t('imports.source.routeros') },
              { value: 'mikhmon', label: t('imports.source.mikhmon') },
              { value: 'phpnuxbill', label: t('imports.source.phpnuxbill') },
              { value: 'csv', label: t('imports.source.csv') },
              { value: 'xlsx', label: t('imports.source.xlsx') },
            ]}
            allowDeselect={false}
          />
          <FileInput
            label={t('imports.file')}
            value={file}
            onChange={(f) => {
              setFile(f);
              preview.reset();
            }}
            clearable
            data-testid="import-file"
          />
          <Text size="sm" fw={500}>
            {t('imports.existing')}
          </Text>
          <SegmentedControl
            fullWidth
            aria-label={t('imports.existing')}
            value={mode}
            onChange={(v) => setMode(v as 'skip' | 'update')}
            data={[
              { value: 'skip', label: t('imports.mode.skip') },
              { value: 'update', label: t('imports.mode.update') },
            ]}
          />
          <Group>
            <Button onClick={() => doPreview()} loading={preview.isPending} disabled={!file}>
              {t('imports.preview')}
            </Button>
          </Group>
        </Stack>
      </Card>
      {plan && (
        <Card withBorder data-testid="import-preview">
          <Stack gap="sm">
            <Title order={4}>{t('imports.previewTitle')}</Title>
            <Group gap="xs">
              <Badge color="teal">{t('imports.count.create', { count: String(plan.counts.customersToCreate) })}</Badge>
              <Badge color="blue">{t('imports.count.update', { count: String(plan.counts.customersToUpdate) })}</Badge>
              <Badge color="gray">{t('imports.count.skip', { count: String(plan.counts.customersToSkip) })}</Badge>
              <Badge color="red">{t('imports.count.invalid', { count: String(plan.counts.invalidRows) })}</Badge>
              <Badge color="grape">{t('imports.count.pakets', { count: String(plan.counts.paketsToCreate) })}</Badge>
            </Group>
            {newPakets.length > 0 && (
              <DataTable
                rows={newPakets}
                rowKey={(p) => p.key}
                minWidth={480}
                columns={[
                  { header: t('imports.paket'), cell: (p) => p.name },
                  { header: t('imports.speed'), cell: (p) => (p.downloadKbps && p.uploadKbps ? `${p.downloadKbps / 1000}/${p.uploadKbps / 1000} Mbps` : '—') },
                  {
                    header: t('imports.price'),
                    cell: (p) =>
                      p.monthlyPrice !== null ? (
                        format.money(p.monthlyPrice)
                      ) : (
                        <NumberInput
                          aria-label={t('imports.priceOf', { name: p.name })}
                          size="xs"
                          prefix="Rp "
                          thousandSeparator="."
                          decimalSeparator=","
                          allowDecimal={false}
                          min={1}
                          value={prices[p.key] ?? ''}
                          onChange={(v) => setPrices((all) => ({ ...all, [p.key]: Number(v) }))}
                        />
                      ),
                  },
                ]}
              />
            )}
            {plan.routers.length > 0 && (
              <>
                <DataTable
                  rows={plan.routers}
                  rowKey={(r) => r.name}
                  minWidth={420}
                  columns={[
                    { header: t('imports.router'), cell: (r) => r.name },
                    { header: t('imports.customers'), align: 'right', cell: (r) => r.customers },
                    {
                      header: t('imports.routerMatch'),
                      cell: (r) => <Badge color={r.routerId ? 'teal' : 'orange'}>{t(r.routerId ? 'imports.router.matched' : 'imports.router.unmatched')}</Badge>,
                    },
                  ]}
                />
                {plan.routers.some((r) => !r.routerId) && (
                  <SegmentedControl
                    fullWidth
                    aria-label={t('imports.unmatchedRouters')}
                    value={unmatchedRouters}
                    onChange={(v) => {
                      setUnmatchedRouters(v as 'error' | 'none');
                      void doPreview(v as 'error' | 'none');
                    }}
                    data={[
                      { value: 'error', label: t('imports.unmatchedRouters.error') },
                      { value: 'none', label: t('imports.unmatchedRouters.none') },
                    ]}
                  />
                )}
              </>
            )}
            {plan.errors.length > 0 && (
              <>
                <Alert color="red" title={t('imports.errorsTitle', { count: String(plan.errors.length) })}>
                  {t('imports.errorsHint')}
                </Alert>
                <DataTable
                  rows={plan.errors}
                  rowKey={(e) => `${e.line}-${e.field}-${e.problem}`}
                  minWidth={480}
                  columns={[
                    { header: t('imports.line'), align: 'right', cell: (e) => e.line },
                    { header: t('imports.field'), cell: (e) => e.field },
                    { header: t('imports.problem'), cell: (e) => problemText(e) },
                  ]}
                />
              </>
            )}
            {plan.warnings.length > 0 && (
              <Text size="sm" c="dimmed">
                {t('imports.warnings', { count: String(plan.warnings.length) })}: {plan.warnings.map((w) => `${t('imports.line')} ${w.line}: ${problemText(w)}`).join(' · ')}
              </Text>
            )}
            {pricesPending && <Text size="sm">{t('imports.previewAgain')}</Text>}
            <Group>
              {plan.errors.length > 0 && <Checkbox label={t('imports.skipInvalid')} checked={skipInvalid} onChange={(e) => setSkipInvalid(e.currentTarget.checked)} />}
              <Button onClick={doRun} loading={run.isPending} disabled={pricesPending || (plan.errors.length > 0 && !skipInvalid)}>
                {t('imports.run')}
              </Button>
              <Button variant="default" onClick={() => preview.reset()}>
                {t('imports.cancel')}
              </Button>
              {pricesPending && (
                <Button variant="light" onClick={() => doPreview()}>
                  {t('imports.preview')}
                </Button>
              )}
            </Group>
          </Stack>
        </Card>
      )}
      {!plan && (jobId ?? latestJob) && <ImportJobCard jobId={(jobId ?? latestJob)!} problemText={problemText} />}
    </Stack>
  );
}
