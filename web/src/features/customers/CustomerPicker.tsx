import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useT } from '../../i18n.tsx';
import { useCustomers } from './queries.ts';

/** Pick one customer, searching the API as one types (code · name). */
export function CustomerPicker({ value, onChange, w = 280 }: { value: string | null; onChange: (customerId: string | null) => void; w?: number }) {
  const t = useT();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const candidates = useCustomers({ search: debounced || undefined, limit: 20 });
  return (
    <Select
      label={t('invoices.customer')}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      data={(candidates.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.code} · ${c.name}` }))}
      value={value}
      onChange={onChange}
      w={w}
    />
  );
}
