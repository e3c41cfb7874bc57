import { Badge, Button, Text } from '@mantine/core';
import type { ResponseOf, Item } from '../../api/types.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { useT } from '../../i18n.tsx';
import { useFormat } from '../../session.tsx';
import { useMarkSaasInvoicePaid, usePlatformTenants } from './queries.ts';

type SaasInvoice = Item<ResponseOf<'/api/platform/saas/invoices', 'get'>>;
type Domain = Item<ResponseOf<'/api/platform/saas/domains', 'get'>>;
type Impersonation = Item<ResponseOf<'/api/platform/impersonations', 'get'>>;

/** Tenant names by id, for lists that name the tenant a row belongs to (left out on one tenant's own page). */
export type TenantNames = Record<string, string> | null;

/** SaaS invoices, with "mark paid" for the unpaid ones (a bank transfer the platform received). */
export function SaasInvoiceTable({ rows, tenantNames }: { rows: SaasInvoice[]; tenantNames: TenantNames }) {
  const t = useT();
  const format = useFormat();
  const markPaid = useMarkSaasInvoicePaid();
  return (
    <DataTable
      rows={rows}
      rowKey={(i) => i.id}
      rowProps={(i) => ({ 'data-saas-invoice': i.number })}
      minWidth={640}
      columns={[
        { header: t('subscription.number'), cell: (i) => i.number },
        { header: t('platform.tenant'), hidden: !tenantNames, cell: (i) => tenantNames?.[i.tenantId] ?? '—' },
        { header: t('subscription.description'), cell: (i) => i.description },
        { header: t('subscription.amount'), align: 'right', cell: (i) => format.money(i.amount) },
        { header: t('subscription.due'), cell: (i) => format.date(i.dueDate) },
        {
          header: t('subscription.status'),
          cell: (i) => (
            <Badge color={i.status === 'paid' ? 'teal' : i.status === 'void' ? 'gray' : 'orange'} variant="light">
              {t(`subscription.status.${i.status}`)}
            </Badge>
          ),
        },
        {
          header: null,
          cell: (i) =>
            i.status === 'unpaid' ? (
              <Button size="xs" variant="light" loading={markPaid.isPending && markPaid.variables === i.id} onClick={() => markPaid.mutate(i.id)}>
                {t('platform.markPaid')}
              </Button>
            ) : null,
        },
      ]}
    />
  );
}

/** Custom domains and whether each is proven by its TXT record (only verified ones get a certificate). */
export function DomainTable({ rows, tenantNames }: { rows: Domain[]; tenantNames: TenantNames }) {
  const t = useT();
  const format = useFormat();
  return (
    <DataTable
      rows={rows}
      rowKey={(d) => d.id}
      rowProps={(d) => ({ 'data-domain': d.host })}
      minWidth={520}
      empty={t('platform.noDomains')}
      columns={[
        { header: t('domains.host'), cell: (d) => <Text ff="monospace" size="sm">{d.host}</Text> },
        { header: t('platform.tenant'), hidden: !tenantNames, cell: (d) => tenantNames?.[d.tenantId] ?? '—' },
        { header: t('domains.status'), cell: (d) => <DomainBadge verified={d.verified} /> },
        { header: t('domains.added'), cell: (d) => format.dateTime(d.createdAt) },
        { header: t('domains.verifiedAt'), cell: (d) => (d.verifiedAt ? format.dateTime(d.verifiedAt) : '—') },
      ]}
    />
  );
}

export function DomainBadge({ verified }: { verified: boolean }) {
  const t = useT();
  return (
    <Badge color={verified ? 'teal' : 'orange'} variant="light">
      {t(verified ? 'domains.verified' : 'domains.unverified')}
    </Badge>
  );
}

/** Who from the platform worked as a tenant's admin, why, and for how long. */
export function ImpersonationTable({ rows, tenantNames }: { rows: Impersonation[]; tenantNames: TenantNames }) {
  const t = useT();
  const format = useFormat();
  return (
    <DataTable
      rows={rows}
      rowKey={(i) => i.id}
      minWidth={640}
      columns={[
        { header: t('platform.tenant'), hidden: !tenantNames, cell: (i) => tenantNames?.[i.tenantId] ?? '—' },
        { header: t('platform.by'), cell: (i) => i.superAdminName },
        { header: t('common.reason'), cell: (i) => i.reason },
        { header: t('platform.started'), cell: (i) => format.dateTime(i.startedAt) },
        { header: t('platform.ended'), cell: (i) => format.dateTime(i.endedAt ?? i.expiresAt) },
        { header: t('platform.write'), cell: (i) => (i.writeAllowed ? t('platform.writeYes') : t('platform.readOnly')) },
      ]}
    />
  );
}

/** Tenant names by id from the platform's tenant list (null until it has loaded). */
export function useTenantNames(): TenantNames {
  const tenants = usePlatformTenants();
  return tenants.data ? Object.fromEntries(tenants.data.map((tenant) => [tenant.tenantId, tenant.name])) : null;
}
