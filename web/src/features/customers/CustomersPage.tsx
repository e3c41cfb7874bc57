import { Anchor, Group, Pagination, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Link, useSearchParams } from 'react-router';
import { LineBadge } from '../../components/badges.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useT } from '../../i18n.tsx';
import { useIsolated } from '../isolation/queries.ts';
import { useCustomers, usePlans } from './queries.ts';

const pageSize = 25;

export function CustomersPage() {
  const t = useT();
  // Search and page live in the address, so a collector can share or reload a filtered list.
  const [params, setParams] = useSearchParams();
  const search = params.get('q') ?? '';
  const page = Number(params.get('page') ?? '1');
  const [debouncedSearch] = useDebouncedValue(search, 300);
  const customers = useCustomers({ search: debouncedSearch || undefined, limit: pageSize, offset: (page - 1) * pageSize });
  const isolated = useIsolated();
  const plans = usePlans();
  const isolatedIds = new Set((isolated.data ?? []).map((line) => line.customerId));
  const planName = (id: string) => plans.data?.find((p) => p.id === id)?.name ?? '';

  return (
    <Stack>
      <PageTitle>{t('customers.title')}</PageTitle>
      <TextInput
        placeholder={t('customers.search')}
        aria-label={t('common.search')}
        value={search}
        onChange={(e) => setParams({ q: e.currentTarget.value }, { replace: true })}
        maw={420}
      />
      <QueryState query={customers}>
        {(data) => (
          <>
            <DataTable
              rows={data.items}
              rowKey={(c) => c.id}
              columns={[
                { header: t('customers.code'), cell: (c) => c.code },
                {
                  header: t('customers.name'),
                  cell: (c) => (
                    <>
                      <Anchor component={Link} to={`/customers/${c.id}`}>
                        {c.name}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {c.address}
                      </Text>
                    </>
                  ),
                },
                { header: t('customers.phone'), cell: (c) => c.phone },
                { header: t('customers.plan'), cell: (c) => planName(c.planId) },
                { header: t('customers.line'), cell: (c) => <LineBadge state={isolatedIds.has(c.id) ? 'isolated' : 'active'} /> },
              ]}
            />
            <Group justify="space-between">
              <Text size="sm" c="dimmed">
                {t('customers.total', { count: data.total })}
              </Text>
              {data.total > pageSize && (
                <Pagination total={Math.ceil(data.total / pageSize)} value={page} onChange={(next) => setParams({ q: search, page: String(next) })} />
              )}
            </Group>
          </>
        )}
      </QueryState>
    </Stack>
  );
}
