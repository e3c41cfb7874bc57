import { Button, Group, Progress, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useT } from '../../i18n.tsx';
import { useBillingRuns } from './queries.ts';

/**
 * The two long operations an owner starts by hand: issuing this month's invoices and the
 * daily scan (due → overdue → grace → isolation). Both may take a while on a large tenant,
 * so the page shows they are running and what they did.
 */
export function BillingRunButtons() {
  const t = useT();
  const { generate, scan } = useBillingRuns();
  const runGenerate = () =>
    generate.mutate(undefined, { onSuccess: (result) => notifications.show({ color: 'teal', title: t('done.title'), message: t('billing.generated', result) }) });
  const runScan = () =>
    scan.mutate(undefined, {
      onSuccess: ({ skippedIsolation, ...counts }) =>
        notifications.show({
          color: 'teal',
          title: t('done.title'),
          message: t('billing.scanned', counts) + (skippedIsolation ? ' ' + t('billing.scanSkipped', { reason: skippedIsolation }) : ''),
          autoClose: 10_000,
        }),
    });
  const running = generate.isPending ? t('billing.generating') : scan.isPending ? t('billing.scanning') : null;

  return (
    <Stack gap={4}>
      <Group gap="xs">
        <Button size="xs" variant="light" onClick={runGenerate} loading={generate.isPending} disabled={scan.isPending}>
          {t('billing.generate')}
        </Button>
        <Button size="xs" variant="light" color="orange" onClick={runScan} loading={scan.isPending} disabled={generate.isPending}>
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
    </Stack>
  );
}
