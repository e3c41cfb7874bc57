import { Alert, Badge, Button, Card, Grid, Group, NumberInput, Progress, Stack, Switch, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { ResponseOf } from '../../api/types.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { fieldErrors } from '../../components/form-errors.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useT, type TranslationKey } from '../../i18n.tsx';
import { useActiveTenant, useFormat, useSession } from '../../session.tsx';
import { DomainsCard } from './DomainsCard.tsx';
import { useAddonsOnSale, useEntitlements, usePurchaseAddon, usePaySaasInvoice, useSaasInvoices, useSupportAccess } from './queries.ts';

type Entitlements = ResponseOf<'/api/saas/subscription', 'get'>;
type LimitName = keyof Entitlements['limits'];
/** Limits with a usage to show against them (the WhatsApp quota: this month's messages). */
const counted: LimitName[] = ['customers', 'routers', 'staff', 'whatsapp_messages'];
const otherLimits: LimitName[] = ['collectors', 'technicians', 'odps', 'photo_storage_mb'];
/** Usage of a counted limit; null when this session may not see it (support, for WhatsApp messages). */
const usageOf = (e: Entitlements, name: LimitName): number | null => e.usage[name as keyof Entitlements['usage']] ?? null;

/** The owner's subscription: plan, limits against usage (live after an add-on is paid, warned at 80%), add-ons to buy, SaaS invoices to pay, custom domains. */
export function SubscriptionPage() {
  const t = useT();
  const entitlements = useEntitlements();
  const tenant = useActiveTenant();
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
            <DomainsCard enabled={e.features.includes('custom_domain')} address={tenant ? `${tenant.slug}.${e.platformDomain}` : e.platformDomain} />
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
        <NearLimitAlert e={e} />
        {counted.map((name) => {
          const max = e.limits[name];
          const used = usageOf(e, name);
          if (used === null) return null;
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

/**
 * At 80% of a counted limit the owner is warned; at 100% new ones are refused (WhatsApp: only
 * urgent messages go out this month) until an add-on raises it.
 */
function NearLimitAlert({ e }: { e: Entitlements }) {
  const t = useT();
  const near = counted
    .map((name) => ({ name, used: usageOf(e, name), max: e.limits[name] }))
    .filter((l): l is { name: LimitName; used: number; max: number } => l.max !== null && l.used !== null && l.used * 100 >= l.max * 80);
  if (near.length === 0) return null;
  const full = near.some((l) => l.used >= l.max);
  return (
    <Alert color={full ? 'red' : 'orange'} title={t(full ? 'subscription.atLimitTitle' : 'subscription.nearLimitTitle')} data-testid="near-limit">
      <Stack gap={2}>
        {near.map((l) => (
          <Text size="sm" key={l.name} data-near-limit={l.name}>
            {t(l.used < l.max ? 'subscription.nearLimit' : l.name === 'whatsapp_messages' ? 'subscription.atWhatsappLimit' : 'subscription.atLimit', { name: t(`limit.${l.name}`), percent: Math.floor((l.used * 100) / l.max), used: l.used, max: l.max })}
          </Text>
        ))}
        <Text size="sm">{t('subscription.raiseHint')}</Text>
      </Stack>
    </Alert>
  );
}

function AddonsCard() {
  const t = useT();
  const format = useFormat();
  const me = useSession();
  const addons = useAddonsOnSale();
  const purchase = usePurchaseAddon();
  const [quantity, setQuantity] = useState<Record<string, number | string>>({});
  const errors = fieldErrors(purchase.error, t);
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
                      <Group gap="xs" wrap="nowrap" align="flex-start">
                        <NumberInput
                          w={90}
                          allowDecimal={false}
                          clampBehavior="none"
                          value={quantity[addon.id] ?? 1}
                          onChange={(v) => setQuantity({ ...quantity, [addon.id]: v })}
                          aria-label={t('subscription.quantity')}
                          error={purchase.variables?.addonId === addon.id ? errors.quantity : undefined}
                        />
                        <Button
                          size="xs"
                          loading={purchase.isPending}
                          onClick={() =>
                            purchase.mutate(
                              { addonId: addon.id, quantity: quantity[addon.id] === '' ? Number.NaN : Number(quantity[addon.id] ?? 1) },
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
  const pay = usePaySaasInvoice();
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
                {
                  header: null,
                  cell: (i) => {
                    // The platform gateway's checkout page of an unpaid invoice (issue 17 point 3):
                    // the link once it exists, else a press that asks the gateway for it and opens it.
                    if (i.status !== 'unpaid') return null;
                    return i.paymentUrl ? (
                      <Button component="a" href={i.paymentUrl} target="_blank" rel="noopener" size="xs" data-pay>
                        {t('subscription.pay')}
                      </Button>
                    ) : (
                      <Button
                        size="xs"
                        data-pay
                        loading={pay.isPending && pay.variables === i.id}
                        onClick={() =>
                          pay.mutate(i.id, { onSuccess: (paid) => window.open(paid.paymentUrl, '_blank', 'noopener') })
                        }
                      >
                        {t('subscription.pay')}
                      </Button>
                    );
                  },
                },
              ]}
            />
          )}
        </QueryState>
      </Stack>
    </Card>
  );
}
