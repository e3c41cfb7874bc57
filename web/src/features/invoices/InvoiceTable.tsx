import { Anchor, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useT } from '../../i18n.tsx';
import { useFormat } from '../../session.tsx';
import type { Invoice } from '../../api/types.ts';
import { CustomerName } from '../../components/CustomerName.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { InvoiceStatusBadge } from '../../components/badges.tsx';

export function InvoiceTable({ invoices, showCustomer }: { invoices: Invoice[]; showCustomer: boolean }) {
  const t = useT();
  const format = useFormat();
  return (
    <DataTable
      rows={invoices}
      rowKey={(invoice) => invoice.id}
      rowProps={(invoice) => ({ 'data-invoice': invoice.number })}
      columns={[
        {
          header: t('invoices.number'),
          cell: (invoice) => (
            <Anchor component={Link} to={`/invoices/${invoice.id}`}>
              {invoice.number}
            </Anchor>
          ),
        },
        { header: t('invoices.customer'), hidden: !showCustomer, cell: (invoice) => <CustomerName customerId={invoice.customerId} label={invoice} /> },
        { header: t('invoices.period'), cell: (invoice) => format.month(invoice.period) },
        { header: t('invoices.dueDate'), cell: (invoice) => format.date(invoice.dueDate) },
        { header: t('invoices.amount'), align: 'right', cell: (invoice) => format.money(invoice.amount) },
        {
          header: t('invoices.status'),
          cell: (invoice) => (
            <>
              <InvoiceStatusBadge status={invoice.status} />
              {invoice.status === 'unpaid' && invoice.stage !== 'issued' && (
                <Text size="xs" c="dimmed">
                  {t(`stage.${invoice.stage}`)}
                </Text>
              )}
            </>
          ),
        },
      ]}
    />
  );
}
