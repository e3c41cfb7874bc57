import { Badge, Button, Card, Group, Modal, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { DataTable } from '../../components/DataTable.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useT, type TranslationKey } from '../../i18n.tsx';
import { useFormat } from '../../session.tsx';
import {
  useFeatureSwitches,
  useImpersonations,
  useMarkSaasInvoicePaid,
  usePlatformAddons,
  usePlatformInvoices,
  usePlatformPlans,
  usePlatformTenants,
  useSetFeatureSwitch,
  useStartImpersonation,
} from './queries.ts';

const features = ['radius', 'payment_gateways', 'collectors', 'ftth_maps', 'technicians', 'customer_portal', 'custom_domain', 'api_tokens'] as const;

/** The super admin's SaaS console: tenants with usage against limits (over-limit highlighted), catalog, switches, SaaS invoices, impersonations. Counts only. */
export function PlatformSaasPage() {
  const t = useT();
  return (
    <Stack>
      <PageTitle>{t('platform.title')}</PageTitle>
      <TenantsUsage />
      <FeatureSwitches />
      <Catalog />
      <SaasInvoices />
      <Impersonations />
    </Stack>
  );
}

function TenantsUsage() {
  const t = useT();
  const tenants = usePlatformTenants();
  const [target, setTarget] = useState<{ id: string; name: string } | null>(null);
  return (
    <Card withBorder>
      <Title order={4} mb="sm">
        {t('platform.tenants')}
      </Title>
      <QueryState query={tenants}>
        {(list) => (
          <DataTable
            rows={list}
            rowKey={(r) => r.tenantId}
            rowProps={(r) => ({ 'data-tenant': r.slug, 'data-over-limit': r.overLimit.length > 0 ? 'true' : 'false', style: r.overLimit.length ? { background: 'var(--mantine-color-red-0)' } : undefined })}
            minWidth={720}
            columns={[
              { header: t('tenants.name'), cell: (r) => r.name },
              { header: t('platform.plan'), cell: (r) => r.plan },
              ...(['customers', 'routers', 'staff'] as const).map((limit) => ({
                header: t(`limit.${limit}` as TranslationKey),
                cell: (r: (typeof list)[number]) => (
                  <Text size="sm" c={r.overLimit.includes(limit) ? 'red' : undefined} fw={r.overLimit.includes(limit) ? 700 : undefined}>
                    {r.usage[limit]} / {r.limits[limit] ?? '∞'}
                  </Text>
                ),
              })),
              { header: t('platform.unpaid'), cell: (r) => (r.unpaidInvoices ? <Badge color="orange">{r.unpaidInvoices}</Badge> : '—') },
              {
                header: t('platform.overLimit'),
                cell: (r) =>
                  r.overLimit.length ? (
                    <Badge color="red">{r.overLimit.map((l) => t(`limit.${l}` as TranslationKey)).join(', ')}</Badge>
                  ) : (
                    <Badge color="teal" variant="light">
                      {t('platform.withinLimits')}
                    </Badge>
                  ),
              },
              { header: '', cell: (r) => <Button size="xs" variant="light" onClick={() => setTarget({ id: r.tenantId, name: r.name })}>{t('platform.impersonate')}</Button> },
            ]}
          />
        )}
      </QueryState>
      <ImpersonateModal target={target} onClose={() => setTarget(null)} />
    </Card>
  );
}

function ImpersonateModal({ target, onClose }: { target: { id: string; name: string } | null; onClose: () => void }) {
  const t = useT();
  const [reason, setReason] = useState('');
  const start = useStartImpersonation();
  return (
    <Modal opened={target !== null} onClose={onClose} title={t('platform.impersonateTitle', { name: target?.name ?? '' })}>
      <Stack>
        <Text size="sm">{t('platform.impersonateHint')}</Text>
        <TextInput label={t('common.reason')} required value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
        <Button disabled={reason.trim().length < 5} loading={start.isPending} onClick={() => target && start.mutate({ tenantId: target.id, reason }, { onSuccess: onClose })}>
          {t('platform.impersonateStart')}
        </Button>
      </Stack>
    </Modal>
  );
}

function FeatureSwitches() {
  const t = useT();
  const switches = useFeatureSwitches();
  const set = useSetFeatureSwitch();
  return (
    <Card withBorder>
      <Title order={4} mb="sm">
        {t('platform.features')}
      </Title>
      <QueryState query={switches}>
        {(list) => (
          <Group gap="lg" wrap="wrap">
            {features.map((feature) => {
              const row = list.find((s) => s.feature === feature);
              return <Switch key={feature} label={t(`feature.${feature}` as TranslationKey)} checked={row ? row.enabled : true} onChange={(e) => set.mutate({ feature, enabled: e.currentTarget.checked })} />;
            })}
          </Group>
        )}
      </QueryState>
    </Card>
  );
}

function Catalog() {
  const t = useT();
  const format = useFormat();
  const plans = usePlatformPlans();
  const addons = usePlatformAddons();
  return (
    <Card withBorder>
      <Title order={4} mb="sm">
        {t('platform.catalog')}
      </Title>
      <Stack>
        <QueryState query={plans}>
          {(list) => (
            <DataTable
              rows={list}
              rowKey={(p) => p.id}
              minWidth={560}
              columns={[
                { header: t('platform.plan'), cell: (p) => `${p.name}${p.isDefault ? ` (${t('platform.default')})` : ''}` },
                { header: t('platform.price'), cell: (p) => format.money(p.monthlyPrice) },
                { header: t('limit.customers'), cell: (p) => p.limits.customers ?? '∞' },
                { header: t('limit.routers'), cell: (p) => p.limits.routers ?? '∞' },
                { header: t('limit.staff'), cell: (p) => p.limits.staff ?? '∞' },
              ]}
            />
          )}
        </QueryState>
        <QueryState query={addons}>
          {(list) => (
            <DataTable
              rows={list}
              rowKey={(a) => a.id}
              minWidth={480}
              columns={[
                { header: t('subscription.addons'), cell: (a) => a.name },
                { header: t('platform.price'), cell: (a) => format.money(a.price) },
                { header: t('platform.raises'), cell: (a) => (a.limitName ? `${t(`limit.${a.limitName}` as TranslationKey)} +${a.amount}` : t(`feature.${a.feature}` as TranslationKey)) },
              ]}
            />
          )}
        </QueryState>
      </Stack>
    </Card>
  );
}

function SaasInvoices() {
  const t = useT();
  const format = useFormat();
  const invoices = usePlatformInvoices();
  const markPaid = useMarkSaasInvoicePaid();
  return (
    <Card withBorder>
      <Title order={4} mb="sm">
        {t('subscription.invoices')}
      </Title>
      <QueryState query={invoices}>
        {(list) => (
          <DataTable
            rows={list}
            rowKey={(i) => i.id}
            minWidth={560}
            columns={[
              { header: t('subscription.number'), cell: (i) => i.number },
              { header: t('subscription.amount'), cell: (i) => format.money(i.amount) },
              { header: t('subscription.due'), cell: (i) => i.dueDate },
              { header: t('subscription.status'), cell: (i) => t(`subscription.status.${i.status}` as TranslationKey) },
              { header: '', cell: (i) => (i.status === 'unpaid' ? <Button size="xs" variant="light" loading={markPaid.isPending} onClick={() => markPaid.mutate(i.id)}>{t('platform.markPaid')}</Button> : null) },
            ]}
          />
        )}
      </QueryState>
    </Card>
  );
}

function Impersonations() {
  const t = useT();
  const format = useFormat();
  const history = useImpersonations();
  return (
    <Card withBorder>
      <Title order={4} mb="sm">
        {t('platform.impersonations')}
      </Title>
      <QueryState query={history}>
        {(list) => (
          <DataTable
            rows={list}
            rowKey={(i) => i.id}
            minWidth={560}
            columns={[
              { header: t('platform.by'), cell: (i) => i.superAdminName },
              { header: t('common.reason'), cell: (i) => i.reason },
              { header: t('platform.started'), cell: (i) => format.dateTime(i.startedAt) },
              { header: t('platform.ended'), cell: (i) => format.dateTime(i.endedAt ?? i.expiresAt) },
              { header: t('platform.write'), cell: (i) => (i.writeAllowed ? t('platform.writeYes') : t('platform.readOnly')) },
            ]}
          />
        )}
      </QueryState>
    </Card>
  );
}
