import { Button, Group, Progress, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../api.ts';
import type { ResponseOf } from '../api/types.ts';
import { useT } from '../i18n.tsx';
import { keys } from '../queries.ts';

type ScanResult = ResponseOf<'/api/billing/daily-scan', 'post'>;
type Generated = ResponseOf<'/api/billing/invoices/generate', 'post'>;

/**
 * The two long operations an owner starts by hand: issuing this month's invoices and the
 * daily scan (due → overdue → grace → isolation). Both may take a while on a large tenant,
 * so the page shows they are running and what they did.
 */
export function BillingRunButtons() {
  const t = useT();
  const queryClient = useQueryClient();
  const refresh = () => Promise.all([keys.invoices, keys.lines, keys.isolationHistory].map((queryKey) => queryClient.invalidateQueries({ queryKey })));

  const generate = useMutation({
    mutationFn: () => api.post<Generated>('/api/billing/invoices/generate', {}),
    onSuccess: (result) => notifications.show({ color: 'teal', title: t('done.title'), message: t('billing.generated', result) }),
    onSettled: refresh,
  });
  const scan = useMutation({
    mutationFn: () => api.post<ScanResult>('/api/billing/daily-scan'),
    onSuccess: ({ skippedIsolation, ...counts }) =>
      notifications.show({
        color: 'teal',
        title: t('done.title'),
        message: t('billing.scanned', counts) + (skippedIsolation ? ' ' + t('billing.scanSkipped', { reason: skippedIsolation }) : ''),
        autoClose: 10_000,
      }),
    onSettled: refresh,
  });
  const running = generate.isPending ? t('billing.generating') : scan.isPending ? t('billing.scanning') : null;

  return (
    <Stack gap={4}>
      <Group gap="xs">
        <Button size="xs" variant="light" onClick={() => generate.mutate()} loading={generate.isPending} disabled={scan.isPending}>
          {t('billing.generate')}
        </Button>
        <Button size="xs" variant="light" color="orange" onClick={() => scan.mutate()} loading={scan.isPending} disabled={generate.isPending}>
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
