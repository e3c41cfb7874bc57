import { Alert, Button, Group, Modal, Progress, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useRef, useState } from 'react';
import type { DailyScanPreview, InvoicesPreview } from '../../api/types.ts';
import { CustomerName } from '../../components/CustomerName.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { useT } from '../../i18n.tsx';
import { useFormat } from '../../session.tsx';
import { useBillingRuns } from './queries.ts';

type Opened = { kind: 'generate'; preview: InvoicesPreview } | { kind: 'scan'; preview: DailyScanPreview } | null;

/**
 * The two mass runs an owner starts by hand — issuing this month's invoices and the daily scan
 * (due → overdue → grace → isolation) — each shows first what it would do ("14 pelanggan akan
 * diisolir" with the list) and runs only when confirmed.
 */
export function BillingRunButtons() {
  const t = useT();
  const format = useFormat();
  const phone = useMediaQuery('(max-width: 48em)');
  const { generate, scan, previewGenerate, previewScan } = useBillingRuns();
  const [opened, setOpened] = useState<Opened>(null);
  const key = useRef(crypto.randomUUID());
  const close = () => setOpened(null);

  const openGenerate = () => previewGenerate.mutate(undefined, { onSuccess: (preview) => setOpened({ kind: 'generate', preview }) });
  const openScan = () => previewScan.mutate(undefined, { onSuccess: (preview) => setOpened({ kind: 'scan', preview }) });
  const done = () => {
    key.current = crypto.randomUUID();
    close();
  };
  const runGenerate = () =>
    generate.mutate(key.current, {
      onSuccess: (result) => {
        notifications.show({ color: 'teal', title: t('done.title'), message: t('billing.generated', result) });
        done();
      },
    });
  const runScan = () =>
    scan.mutate(key.current, {
      onSuccess: ({ skippedIsolation, ...counts }) => {
        notifications.show({
          color: 'teal',
          title: t('done.title'),
          message: t('billing.scanned', counts) + (skippedIsolation ? ' ' + t('billing.scanSkipped', { reason: skippedIsolation }) : ''),
          autoClose: 10_000,
        });
        done();
      },
    });
  const busy = generate.isPending || scan.isPending || previewGenerate.isPending || previewScan.isPending;
  const running = generate.isPending ? t('billing.generating') : scan.isPending ? t('billing.scanning') : null;

  return (
    <Stack gap={4}>
      <Group gap="xs">
        <Button size="xs" variant="light" onClick={openGenerate} loading={previewGenerate.isPending} disabled={busy}>
          {t('billing.generate')}
        </Button>
        <Button size="xs" variant="light" color="orange" onClick={openScan} loading={previewScan.isPending} disabled={busy}>
          {t('billing.scan')}
        </Button>
      </Group>
      {running && (
        <div role="status">
          <Text size="xs" c="dimmed">
            {running}
          </Text>
          <Progress value={100} striped animated size="sm" />
        </div>
      )}
      <Modal
        opened={opened !== null}
        onClose={close}
        size="lg"
        fullScreen={phone}
        title={opened?.kind === 'scan' ? t('billing.scanPreviewTitle') : t('billing.generatePreviewTitle')}
      >
        {opened?.kind === 'generate' && (
          <Stack data-testid="generate-preview">
            <Alert color={opened.preview.issued > 0 ? 'blue' : 'gray'}>
              {t('billing.willIssue', { count: opened.preview.issued, period: format.month(opened.preview.period), total: format.money(opened.preview.total) })}
            </Alert>
            <DataTable
              rows={opened.preview.invoices}
              rowKey={(i) => i.customerId}
              minWidth={420}
              columns={[
                { header: t('invoices.customer'), cell: (i) => <CustomerName customerId={i.customerId} label={i} /> },
                { header: t('invoices.description'), cell: (i) => i.description },
                { header: t('invoices.amount'), align: 'right', cell: (i) => format.money(i.amount) },
              ]}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button onClick={runGenerate} loading={generate.isPending} disabled={opened.preview.issued === 0}>
                {t('billing.confirmIssue', { count: opened.preview.issued })}
              </Button>
            </Group>
          </Stack>
        )}
        {opened?.kind === 'scan' && (
          <Stack data-testid="scan-preview">
            <Alert color={opened.preview.isolated > 0 ? 'red' : 'gray'} data-testid="scan-count">
              {t('billing.willIsolate', { count: opened.preview.isolated })}
            </Alert>
            <Text size="sm" c="dimmed">
              {t('billing.scanned', {
                today: format.date(opened.preview.today),
                dueUnpaid: opened.preview.dueUnpaid,
                overdue: opened.preview.overdue,
                graceExpired: opened.preview.graceExpired,
                isolated: opened.preview.isolated,
              })}
              {opened.preview.skippedIsolation ? ' ' + t('billing.scanSkipped', { reason: opened.preview.skippedIsolation }) : ''}
            </Text>
            <DataTable
              rows={opened.preview.toIsolate}
              rowKey={(c) => c.customerId}
              minWidth={420}
              empty={t('billing.nobodyToIsolate')}
              columns={[
                { header: t('invoices.customer'), cell: (c) => <CustomerName customerId={c.customerId} label={c} /> },
                { header: t('common.reason'), cell: (c) => c.reason },
              ]}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button color="orange" onClick={runScan} loading={scan.isPending}>
                {opened.preview.isolated > 0 ? t('billing.confirmScanIsolate', { count: opened.preview.isolated }) : t('billing.confirmScan')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}
