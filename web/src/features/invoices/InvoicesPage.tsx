import { Group, Pagination, Select, Stack, Text } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { BillingRunButtons } from './BillingRunButtons.tsx';
import { InvoiceTable } from './InvoiceTable.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useT } from '../../i18n.tsx';
import { useInvoices } from './queries.ts';
import { useCan } from '../../session.tsx';
import type { InvoiceStatus } from '../../api/types.ts';

/** Filter order; `satisfies` keeps it to the API's statuses, the record makes it complete. */
const invoiceStatuses = Object.keys({ unpaid: 0, awaiting_setoran: 0, setoran_confirmed: 0, paid: 0, void: 0 } satisfies Record<InvoiceStatus, 0>) as InvoiceStatus[];

const pageSize = 50;

export function InvoicesPage() {
  const t = useT();
  const can = useCan();
  const [params, setParams] = useSearchParams();
  const status = (invoiceStatuses as readonly string[]).includes(params.get('status') ?? '') ? (params.get('status') as InvoiceStatus) : undefined;
  const page = Number(params.get('page') ?? '1');
  const invoices = useInvoices({ status, limit: pageSize, offset: (page - 1) * pageSize });

  return (
    <Stack>
      <PageTitle actions={can('billing.configure') && <BillingRunButtons />}>{t('invoices.title')}</PageTitle>
      <Select
        label={t('invoices.status')}
        maw={260}
        value={status ?? ''}
        allowDeselect={false}
        data={[{ value: '', label: t('common.all') }, ...invoiceStatuses.map((s) => ({ value: s, label: t(`status.${s}`) }))]}
        onChange={(value) => setParams(value ? { status: value } : {})}
      />
      <QueryState query={invoices}>
        {(data) => (
          <>
            <InvoiceTable invoices={data.items} showCustomer />
            <Group justify="space-between">
              <Text size="sm" c="dimmed">
                {t('invoices.total', { count: data.total })}
              </Text>
              {data.total > pageSize && (
                <Pagination total={Math.ceil(data.total / pageSize)} value={page} onChange={(next) => setParams({ ...(status ? { status } : {}), page: String(next) })} />
              )}
            </Group>
          </>
        )}
      </QueryState>
    </Stack>
  );
}
