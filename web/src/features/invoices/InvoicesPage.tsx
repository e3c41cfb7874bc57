import { Group, Pagination, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useSearchParams } from 'react-router';
import { BillingRunButtons } from './BillingRunButtons.tsx';
import { InvoiceTable } from './InvoiceTable.tsx';
import { ExportButtons } from '../../components/ExportButtons.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useT } from '../../i18n.tsx';
import { useInvoices } from './queries.ts';
import { useCan } from '../../session.tsx';
import type { InvoiceStatus } from '../../api/types.ts';

/** Filter order; `satisfies` keeps it to the API's statuses, the record makes it complete. */
const invoiceStatuses = Object.keys({ unpaid: 0, awaiting_setoran: 0, setoran_confirmed: 0, paid: 0, void: 0 } satisfies Record<InvoiceStatus, 0>) as InvoiceStatus[];

const pageSize = 50;

/**
 * The pages to offer. The server stops counting at 10,000 matching invoices (`totalIsAtLeast`):
 * then one page more than it counted is offered, so a person can keep going a page at a time.
 */
const pagesOf = (data: { total: number; totalIsAtLeast: boolean }, page: number) =>
  Math.max(Math.ceil(data.total / pageSize), data.totalIsAtLeast ? page + 1 : 0);

export function InvoicesPage() {
  const t = useT();
  const can = useCan();
  const [params, setParams] = useSearchParams();
  const status = (invoiceStatuses as readonly string[]).includes(params.get('status') ?? '') ? (params.get('status') as InvoiceStatus) : undefined;
  const page = Number(params.get('page') ?? '1');
  const search = params.get('q') ?? '';
  const [debouncedSearch] = useDebouncedValue(search, 300);
  const invoices = useInvoices({ status, search: debouncedSearch || undefined, limit: pageSize, offset: (page - 1) * pageSize });
  const setParam = (next: { q?: string; status?: string; page?: string }) => {
    const merged = { q: search, status: status ?? '', ...next };
    setParams(Object.fromEntries(Object.entries(merged).filter(([, v]) => v)), { replace: true });
  };

  return (
    <Stack>
      <PageTitle actions={<>{can('billing.configure') && <BillingRunButtons />}<ExportButtons path="/api/exports/invoices" filters={{ status, search: debouncedSearch || undefined }} /></>}>{t('invoices.title')}</PageTitle>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <TextInput
          label={t('common.search')}
          placeholder={t('invoices.search')}
          value={search}
          onChange={(e) => setParam({ q: e.currentTarget.value, page: '' })}
          style={{ flex: '1 1 240px', maxWidth: 420 }}
        />
        <Select
          label={t('invoices.status')}
          w={220}
          value={status ?? ''}
          allowDeselect={false}
          data={[{ value: '', label: t('common.all') }, ...invoiceStatuses.map((s) => ({ value: s, label: t(`status.${s}`) }))]}
          onChange={(value) => setParam({ status: value ?? '', page: '' })}
        />
      </Group>
      <QueryState query={invoices}>
        {(data) => (
          <>
            <InvoiceTable invoices={data.items} showCustomer />
            <Group justify="space-between">
              <Text size="sm" c="dimmed">
                {t(data.totalIsAtLeast ? 'invoices.totalAtLeast' : 'invoices.total', { count: data.total })}
              </Text>
              {pagesOf(data, page) > 1 && <Pagination total={pagesOf(data, page)} value={page} onChange={(next) => setParam({ page: String(next) })} />}
            </Group>
          </>
        )}
      </QueryState>
    </Stack>
  );
}
