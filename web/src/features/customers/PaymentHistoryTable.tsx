import { Anchor } from '@mantine/core';
import { Link } from 'react-router';
import type { PaymentHistoryEntry } from '../../api/types.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { useT } from '../../i18n.tsx';
import { useFormat } from '../../session.tsx';

/** A customer's money history: when, which invoice, what happened, how it was paid, who recorded it. */
export function PaymentHistoryTable({ entries }: { entries: PaymentHistoryEntry[] }) {
  const t = useT();
  const format = useFormat();
  return (
    <DataTable
      rows={entries}
      rowKey={(e) => e.id}
      minWidth={560}
      rowProps={(e) => ({ 'data-payment': e.type })}
      columns={[
        { header: t('payment.when'), cell: (e) => format.dateTime(e.createdAt) },
        {
          header: t('invoices.number'),
          cell: (e) => (
            <Anchor component={Link} to={`/invoices/${e.invoiceId}`}>
              {e.invoiceNumber}
            </Anchor>
          ),
        },
        { header: t('payment.type'), cell: (e) => t(`payment.${e.type}`) },
        { header: t('payment.method'), cell: (e) => (e.method ? t(`method.${e.method}`) : '—') },
        { header: t('isolation.by'), cell: (e) => e.actorName ?? t('isolation.bySystem') },
        { header: t('invoices.amount'), align: 'right', cell: (e) => format.money(e.amount) },
      ]}
    />
  );
}
