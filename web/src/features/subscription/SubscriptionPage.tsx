import { Alert, Badge, Button, Card, Grid, Group, NumberInput, Progress, Stack, Switch, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { ResponseOf } from '../../api/types.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useT, type TranslationKey } from '../../i18n.tsx';
import { useFormat, useSession } from '../../session.tsx';
import { useAddonsOnSale, useEntitlements, usePurchaseAddon, useSaasInvoices, useSupportAccess } from './queries.ts';

type Entitlements = ResponseOf<'/api/saas/subscription', 'get'>;
type LimitName = keyof Entitlements['limits'];
const counted: LimitName[] = ['customers', 'routers', 'staff'];
const otherLimits: LimitName[] = ['collectors', 'technicians', 'odps', 'whatsapp_messages', 'photo_storage_mb'];

/** The owner's subscription: plan, limits against usage (live after an add-on is paid), add-ons to buy, SaaS invoices. */
export function SubscriptionPage() {
  const t = useT();
  const entitlements = useEntitlements();
  return (
    <Stack>
      <PageTitle>{t('subscription.title')}</PageTitle>
      <QueryState query={entitlements}>
        {(e) => (
          <Stack>
            {e.locked && (
              <Alert color="red" title={t('subscription.lockedTitle')} data-testid="subscription-locked">
                {t('subscription.locked')}
              </Alert>
            )}
            <Grid>
              <Grid.Col span={{ base: 12, md: 7 }}>
                <LimitsCard e={e} />
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 5 }}>
                <AddonsCard />
              </Grid.Col>
            </Grid>
            <InvoicesCard />
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}

function LimitsCard({ e }: { e: Entitlements }) {
  const t = useT();
  const me = useSession();
  const support = useSupportAccess();
  return (
    <Card withBorder>
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Title order={4}>{t('subscription.plan', { name: e.plan.name })}</Title>
          <Badge variant="light">{t('subscription.features', { count: e.features.length })}</Badge>
        </Group>
        {counted.map((name) => {
          const max = e.limits[name];
          const used = e.usage[name as keyof Entitlements['usage']];
          const percent = max ? Math.min(100, Math.round((used * 100) / max)) : 0;
          return (
            <Stack key={name} gap={2} data-limit={name}>
              <Group justify="space-between" wrap="nowrap">
                <Text size="sm">{t(`limit.${name}` as TranslationKey)}</Text>
                <Text size="sm" fw={600} data-testid={`limit-${name}`}>
                  {max === null ? t('subscription.unlimited', { used }) : t('subscription.usedOf', { used, max })}
                </Text>
              </Group>
              {max !== null && <Progress value={percent} color={percent >= 100 ? 'red' : percent >= 80 ? 'orange' : 'teal'} />}
            </Stack>
          );
        })}
        <Group gap="xs" wrap="wrap">
          {otherLimits.map((name) => (
            <Badge key={name} variant="outline" color="gray">
              {t(`limit.${name}` as TranslationKey)}: {e.limits[name] ?? '∞'}
            </Badge>
          ))}
        </Group>
        {me.permissions.includes('subscription.manage') && (
          <Switch label={t('subscription.supportWrite')} checked={e.supportWrite} onChange={(event) => support.mutate(event.currentTarget.checked)} />
        )}
      </Stack>
    </Card>
  );
}

function AddonsCard() {
  const t = useT();
  const format = useFormat();
  const me = useSession();
  const addons = useAddonsOnSale();
  const purchase = usePurchaseAddon();
  const [quantity, setQuantity] = useState<Record<string, number>>({});
  const mayBuy = me.permissions.includes('subscription.manage');
  return (
    <Card withBorder>
      <Stack gap="sm">
        <Title order={4}>{t('subscription.addons')}</Title>
        <QueryState query={addons}>
          {(list) =>
            list.length === 0 ? (
              <Text c="dimmed">{t('common.empty')}</Text>
            ) : (
              <Stack gap="xs">
                {list.map((addon) => (
                  <Group key={addon.id} justify="space-between" wrap="wrap" data-addon={addon.code}>
                    <Stack gap={0}>
                      <Text fw={600}>{addon.name}</Text>
                      <Text size="xs" c="dimmed">
                        {format.money(addon.price)} {addon.recurring ? t('subscription.perMonth') : ''}
                      </Text>
                    </Stack>
                    {mayBuy && (
                      <Group gap="xs" wrap="nowrap">
                        <NumberInput w={70} min={1} max={1000} value={quantity[addon.id] ?? 1} onChange={(v) => setQuantity({ ...quantity, [addon.id]: Number(v) || 1 })} aria-label={t('subscription.quantity')} />
                        <Button
                          size="xs"
                          loading={purchase.isPending}
                          onClick={() =>
                            purchase.mutate(
                              { addonId: addon.id, quantity: quantity[addon.id] ?? 1 },
                              { onSuccess: (r) => notifications.show({ color: 'teal', message: t('subscription.bought', { number: r.invoice.number }) }) },
                            )
                          }
                        >
                          {t('subscription.buy')}
                        </Button>
                      </Group>
                    )}
                  </Group>
                ))}
              </Stack>
            )
          }
        </QueryState>
      </Stack>
    </Card>
  );
}

function InvoicesCard() {
  const t = useT();
  const format = useFormat();
  const invoices = useSaasInvoices();
  return (
    <Card withBorder>
      <Stack gap="sm">
        <Title order={4}>{t('subscription.invoices')}</Title>
        <QueryState query={invoices}>
          {(list) => (
            <DataTable
              rows={list}
              rowKey={(i) => i.id}
              rowProps={(i) => ({ 'data-invoice': i.number })}
              minWidth={520}
              columns={[
                { header: t('subscription.number'), cell: (i) => i.number },
                { header: t('subscription.description'), cell: (i) => i.description },
                { header: t('subscription.amount'), cell: (i) => format.money(i.amount) },
                { header: t('subscription.due'), cell: (i) => i.dueDate },
                {
                  header: t('subscription.status'),
                  cell: (i) => (
                    <Badge color={i.status === 'paid' ? 'teal' : 'orange'} variant="light">
                      {t(`subscription.status.${i.status}` as TranslationKey)}
                    </Badge>
                  ),
                },
              ]}
            />
          )}
        </QueryState>
      </Stack>
    </Card>
  );
}
