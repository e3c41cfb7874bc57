import { Anchor, Badge, Button, Checkbox, Group, Pagination, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { CustomerStatus } from '../../api/types.ts';
import { LineBadge } from '../../components/badges.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { ExportButtons } from '../../components/ExportButtons.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useT } from '../../i18n.tsx';
import { useCan } from '../../session.tsx';
import { useIsolated } from '../isolation/queries.ts';
import { BroadcastButton } from './BroadcastModal.tsx';
import { BulkIsolationButton } from './BulkIsolationModal.tsx';
import { CustomerFormModal } from './CustomerForm.tsx';
import { useCustomers, usePlans } from './queries.ts';

const pageSize = 25;
const statuses = ['active', 'suspended', 'terminated'] as const satisfies readonly CustomerStatus[];

export const customerStatusColor: Record<CustomerStatus, string> = { active: 'teal', suspended: 'yellow', terminated: 'gray' };

export function CustomersPage() {
  const t = useT();
  const can = useCan();
  // Search, status and page live in the address, so a collector can share or reload a filtered list.
  const [params, setParams] = useSearchParams();
  const search = params.get('q') ?? '';
  const status = (statuses as readonly string[]).includes(params.get('status') ?? '') ? (params.get('status') as CustomerStatus) : undefined;
  const page = Number(params.get('page') ?? '1');
  const [debouncedSearch] = useDebouncedValue(search, 300);
  const customers = useCustomers({ search: debouncedSearch || undefined, status, limit: pageSize, offset: (page - 1) * pageSize });
  const plans = usePlans();
  const [adding, { open: add, close: closeAdd }] = useDisclosure();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  // The line badges: which of this page's customers are isolated (never the whole isolated list).
  const pageIds = (customers.data?.items ?? []).map((c) => c.id);
  const isolated = useIsolated({ customerId: pageIds, limit: pageSize }, { enabled: pageIds.length > 0 });
  const isolatedIds = new Set((isolated.data ?? []).map((line) => line.customerId));
  const planName = (id: string) => plans.data?.find((p) => p.id === id)?.name ?? '';
  const setParam = (next: { q?: string; status?: string; page?: string }) => {
    const merged = { q: search, status: status ?? '', ...next };
    setParams(Object.fromEntries(Object.entries(merged).filter(([, v]) => v)), { replace: true });
  };
  const toggle = (id: string, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  return (
    <Stack>
      <PageTitle
        actions={
          <Group gap="xs">
            <ExportButtons path="/api/exports/customers" filters={{ search: debouncedSearch || undefined, status }} />
            {can('notifications.manage') && <BroadcastButton />}
            {can('customers.manage') && (
              <Button size="xs" onClick={add}>
                {t('customers.add')}
              </Button>
            )}
          </Group>
        }
      >
        {t('customers.title')}
      </PageTitle>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <TextInput
          placeholder={t('customers.search')}
          aria-label={t('common.search')}
          value={search}
          onChange={(e) => setParam({ q: e.currentTarget.value, page: '' })}
          style={{ flex: '1 1 240px', maxWidth: 420 }}
        />
        <Select
          aria-label={t('customers.status')}
          value={status ?? ''}
          allowDeselect={false}
          w={170}
          data={[{ value: '', label: t('common.all') }, ...statuses.map((s) => ({ value: s, label: t(`customerStatus.${s}`) }))]}
          onChange={(value) => setParam({ status: value ?? '', page: '' })}
        />
      </Group>
      {can('isolation.manage') && selected.size > 0 && (
        <Group gap="xs" data-testid="bulk-bar">
          <Text size="sm">{t('bulk.selected', { count: selected.size })}</Text>
          <BulkIsolationButton action="isolate" customerIds={[...selected]} onDone={() => setSelected(new Set())} />
          <BulkIsolationButton action="restore" customerIds={[...selected]} onDone={() => setSelected(new Set())} />
          <Button size="xs" variant="subtle" onClick={() => setSelected(new Set())}>
            {t('bulk.clear')}
          </Button>
        </Group>
      )}
      <QueryState query={customers}>
        {(data) => (
          <>
            <DataTable
              rows={data.items}
              rowKey={(c) => c.id}
              rowProps={(c) => ({ 'data-customer': c.code })}
              empty={debouncedSearch ? t('customers.notFound', { search: debouncedSearch }) : t('customers.empty')}
              columns={[
                {
                  header: t('bulk.select'),
                  hidden: !can('isolation.manage'),
                  cell: (c) => (
                    <Checkbox
                      aria-label={t('bulk.selectOne', { name: c.name })}
                      checked={selected.has(c.id)}
                      disabled={c.status !== 'active'}
                      onChange={(e) => toggle(c.id, e.currentTarget.checked)}
                    />
                  ),
                },
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
                {
                  header: t('customers.status'),
                  cell: (c) => (
                    <Badge color={customerStatusColor[c.status]} variant="light" data-status={c.status}>
                      {t(`customerStatus.${c.status}`)}
                    </Badge>
                  ),
                },
                { header: t('customers.line'), cell: (c) => (c.status === 'terminated' ? '—' : <LineBadge state={isolatedIds.has(c.id) ? 'isolated' : 'active'} />) },
              ]}
            />
            <Group justify="space-between">
              <Text size="sm" c="dimmed">
                {t('customers.total', { count: data.total })}
              </Text>
              {data.total > pageSize && <Pagination total={Math.ceil(data.total / pageSize)} value={page} onChange={(next) => setParam({ page: String(next) })} />}
            </Group>
          </>
        )}
      </QueryState>
      {adding && <CustomerFormModal opened={adding} onClose={closeAdd} />}
    </Stack>
  );
}
