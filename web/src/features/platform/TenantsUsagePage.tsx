import { Anchor, Badge, Card, Stack } from '@mantine/core';
import { Link } from 'react-router';
import { DataTable } from '../../components/DataTable.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useT, useTranslatedCode } from '../../i18n.tsx';
import { countedLimits, limitKey } from './names.ts';
import { PlatformNav } from './PlatformNav.tsx';
import { usePlatformTenants } from './queries.ts';
import { UsageText } from './UsageText.tsx';

/** Every tenant with its plan and usage against its limits (counts only); a tenant over a limit stands out. */
export function TenantsUsagePage() {
  const t = useT();
  const code = useTranslatedCode();
  const tenants = usePlatformTenants();
  return (
    <Stack gap={0}>
      <PageTitle>{t('platform.title')}</PageTitle>
      <PlatformNav />
      <Card withBorder>
        <QueryState query={tenants}>
          {(list) => (
            <DataTable
              rows={list}
              rowKey={(r) => r.tenantId}
              rowProps={(r) => ({ 'data-tenant': r.slug, 'data-over-limit': r.overLimit.length > 0 ? 'true' : 'false', style: r.overLimit.length ? { background: 'var(--mantine-color-red-light)' } : undefined })}
              minWidth={760}
              columns={[
                {
                  header: t('tenants.name'),
                  cell: (r) => (
                    <Anchor component={Link} to={`/platform/saas/tenants/${r.tenantId}`} fw={500}>
                      {r.name}
                    </Anchor>
                  ),
                },
                {
                  header: t('tenants.status'),
                  cell: (r) => (
                    <Badge color={r.status === 'active' ? 'teal' : 'gray'} variant="light">
                      {code(`tenantStatus.${r.status}`, r.status)}
                    </Badge>
                  ),
                },
                { header: t('platform.plan'), cell: (r) => r.plan },
                ...countedLimits.map((limit) => ({
                  header: t(limitKey(limit)),
                  cell: (r: (typeof list)[number]) => <UsageText used={r.usage[limit]} max={r.limits[limit]} over={r.overLimit.includes(limit)} />,
                })),
                { header: t('platform.unpaid'), cell: (r) => (r.unpaidInvoices ? <Badge color="orange">{r.unpaidInvoices}</Badge> : '—') },
                {
                  header: t('platform.overLimit'),
                  cell: (r) =>
                    r.overLimit.length ? (
                      <Badge color="red">{r.overLimit.map((l) => code(`limit.${l}`, l)).join(', ')}</Badge>
                    ) : (
                      <Badge color="teal" variant="light">
                        {t('platform.withinLimits')}
                      </Badge>
                    ),
                },
              ]}
            />
          )}
        </QueryState>
      </Card>
    </Stack>
  );
}
