import { Badge, Text } from '@mantine/core';
import { useT } from '../../i18n.tsx';
import { useFormat } from '../../session.tsx';
import type { IsolationEntry } from '../../api/types.ts';
import { CustomerName } from '../../components/CustomerName.tsx';
import { DataTable } from '../../components/DataTable.tsx';

export function IsolationHistoryTable({ entries, showCustomer }: { entries: IsolationEntry[]; showCustomer: boolean }) {
  const t = useT();
  const format = useFormat();
  return (
    <DataTable
      rows={entries}
      rowKey={(entry) => entry.id}
      minWidth={600}
      columns={[
        { header: t('payment.when'), cell: (entry) => format.dateTime(entry.createdAt) },
        { header: t('invoices.customer'), hidden: !showCustomer, cell: (entry) => <CustomerName customerId={entry.customerId} label={entry} /> },
        {
          header: t('invoices.status'),
          cell: (entry) => (
            <Badge color={entry.action === 'isolated' ? 'red' : 'teal'} variant="light">
              {t(`isolation.action.${entry.action}`)}
            </Badge>
          ),
        },
        {
          header: t('common.reason'),
          cell: (entry) => (
            <>
              {entry.reason}
              {entry.trigger && (
                <Text size="xs" c="dimmed">
                  {t('isolation.trigger')}: {entry.trigger}
                </Text>
              )}
            </>
          ),
        },
        { header: t('isolation.by'), cell: (entry) => t(entry.actorType === 'system' ? 'isolation.bySystem' : 'isolation.byStaff') },
      ]}
    />
  );
}
