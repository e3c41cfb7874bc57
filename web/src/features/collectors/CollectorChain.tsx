import { Badge, Card, Group, Stack, Stepper, Text, Title } from '@mantine/core';
import { useT } from '../../i18n.tsx';
import { useFormat } from '../../session.tsx';
import { useCollectorChain } from './queries.ts';

/** show_collector_chain_progress: collected → setoran → deposited, with who and when, for each collection of the invoice. */
export function CollectorChain({ invoiceId }: { invoiceId: string }) {
  const t = useT();
  const format = useFormat();
  const chain = useCollectorChain(invoiceId);
  if (!chain.data || chain.data.length === 0) return null;
  return (
    <Card withBorder data-testid="collector-chain">
      <Title order={4} mb="sm">
        {t('chain.title')}
      </Title>
      <Stack>
        {chain.data.map((c) => (
          <Stack key={c.collectionId} gap="xs">
            <Group gap="xs">
              <Text fw={600}>{format.money(c.amount)}</Text>
              {c.status === 'rejected' && <Badge color="red">{t('chain.rejected')}</Badge>}
            </Group>
            <Stepper active={c.deposited ? 3 : c.setoran ? 2 : c.status === 'rejected' ? 0 : 1} size="sm" orientation="vertical" allowNextStepsSelect={false}>
              <Stepper.Step label={t('chain.collected')} description={`${c.collected.number} · ${c.collected.by ?? '—'} · ${format.dateTime(String(c.collected.at))}`} />
              <Stepper.Step
                label={t('chain.setoran')}
                description={c.setoran ? `${c.setoran.number} · ${c.setoran.by ?? '—'} · ${format.dateTime(String(c.setoran.at))}` : t('chain.waiting')}
              />
              <Stepper.Step
                label={t('chain.deposited')}
                description={c.deposited ? `${c.deposited.number} · ${c.deposited.bank} · ${c.deposited.by ?? '—'} · ${format.date(c.deposited.on)}` : t('chain.waiting')}
              />
            </Stepper>
          </Stack>
        ))}
      </Stack>
    </Card>
  );
}
