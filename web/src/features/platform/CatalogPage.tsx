import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { DataTable } from '../../components/DataTable.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useT } from '../../i18n.tsx';
import { useFormat } from '../../session.tsx';
import { AddonFormButton } from './AddonForm.tsx';
import { featureKey, limitKey } from './names.ts';
import { PlatformNav } from './PlatformNav.tsx';
import { usePlatformAddons, usePlatformPlans } from './queries.ts';
import { SaasPlanFormButton } from './SaasPlanForm.tsx';

/** The platform's catalog: SaaS plans (limits and features) and add-ons, each added and changed here. */
export function CatalogPage() {
  const t = useT();
  const format = useFormat();
  const plans = usePlatformPlans();
  const addons = usePlatformAddons();
  const offered = (active: boolean) => (
    <Badge color={active ? 'teal' : 'gray'} variant="light">
      {t(active ? 'platform.offeredYes' : 'platform.retired')}
    </Badge>
  );
  return (
    <Stack gap={0}>
      <PageTitle>{t('platform.title')}</PageTitle>
      <PlatformNav />
      <Stack>
        <Card withBorder>
          <Group justify="space-between" mb="sm">
            <Title order={4}>{t('platform.plans')}</Title>
            <SaasPlanFormButton />
          </Group>
          <QueryState query={plans}>
            {(list) => (
              <DataTable
                rows={list}
                rowKey={(p) => p.id}
                rowProps={(p) => ({ 'data-saas-plan': p.code })}
                minWidth={760}
                columns={[
                  { header: t('platform.plan'), cell: (p) => <Text fw={500}>{`${p.name}${p.isDefault ? ` (${t('platform.default')})` : ''}`}</Text> },
                  { header: t('platform.price'), align: 'right', cell: (p) => format.money(p.monthlyPrice) },
                  { header: t('limit.customers'), cell: (p) => p.limits.customers ?? '∞' },
                  { header: t('limit.routers'), cell: (p) => p.limits.routers ?? '∞' },
                  { header: t('limit.staff'), cell: (p) => p.limits.staff ?? '∞' },
                  { header: t('platform.planFeatures'), cell: (p) => t('subscription.features', { count: p.features.length }) },
                  { header: t('subscription.status'), cell: (p) => offered(p.active) },
                  { header: null, cell: (p) => <SaasPlanFormButton plan={p} /> },
                ]}
              />
            )}
          </QueryState>
        </Card>
        <Card withBorder>
          <Group justify="space-between" mb="sm">
            <Title order={4}>{t('subscription.addons')}</Title>
            <AddonFormButton />
          </Group>
          <QueryState query={addons}>
            {(list) => (
              <DataTable
                rows={list}
                rowKey={(a) => a.id}
                rowProps={(a) => ({ 'data-catalog-addon': a.code })}
                minWidth={640}
                columns={[
                  { header: t('platform.name'), cell: (a) => <Text fw={500}>{a.name}</Text> },
                  { header: t('platform.price'), align: 'right', cell: (a) => `${format.money(a.price)}${a.recurring ? ` ${t('subscription.perMonth')}` : ''}` },
                  { header: t('platform.raises'), cell: (a) => (a.limitName ? `${t(limitKey(a.limitName))} +${a.amount}` : a.feature ? t(featureKey(a.feature)) : '—') },
                  { header: t('subscription.status'), cell: (a) => offered(a.active) },
                  { header: null, cell: (a) => <AddonFormButton addon={a} /> },
                ]}
              />
            )}
          </QueryState>
        </Card>
      </Stack>
    </Stack>
  );
}
