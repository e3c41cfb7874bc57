import { Card, SegmentedControl, Stack } from '@mantine/core';
import { useState } from 'react';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useT } from '../../i18n.tsx';
import { PlatformNav } from './PlatformNav.tsx';
import { usePlatformInvoices } from './queries.ts';
import { SaasInvoiceTable, useTenantNames } from './tables.tsx';

/** Every tenant's SaaS invoices; the unpaid ones first in mind (a transfer received is marked paid here). */
export function SaasInvoicesPage() {
  const t = useT();
  const invoices = usePlatformInvoices();
  const names = useTenantNames();
  const [show, setShow] = useState<'unpaid' | 'all'>('unpaid');
  return (
    <Stack gap={0}>
      <PageTitle>{t('platform.title')}</PageTitle>
      <PlatformNav />
      <Card withBorder>
        <SegmentedControl
          mb="sm"
          value={show}
          onChange={(value) => setShow(value as 'unpaid' | 'all')}
          data={[
            { value: 'unpaid', label: t('subscription.status.unpaid') },
            { value: 'all', label: t('common.all') },
          ]}
        />
        <QueryState query={invoices}>{(list) => <SaasInvoiceTable rows={show === 'all' ? list : list.filter((i) => i.status === 'unpaid')} tenantNames={names ?? {}} />}</QueryState>
      </Card>
    </Stack>
  );
}
