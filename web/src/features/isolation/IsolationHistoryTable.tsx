import { Badge, Text } from '@mantine/core';
import { useT } from '../../i18n.tsx';
import { useFormat } from '../../session.tsx';
import type { IsolationEntry } from '../../api/types.ts';
import { CustomerName } from '../../components/CustomerName.tsx';
import { DataTable } from '../../components/DataTable.tsx';

/** Triggers are codes (`overdue_after_grace_period`, `manual`): shown in words. */
const triggerLabel = (trigger: string, t: ReturnType<typeof useT>) =>
  trigger === 'manual'
    ? t('isolation.triggerManual')
    : (['invoice_due_unpaid', 'invoice_overdue', 'overdue_after_grace_period'] as const).includes(trigger as never)
      ? t(`billing.trigger.${trigger as 'invoice_due_unpaid'}`)
      : trigger;

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
                  {t('isolation.trigger')}: {triggerLabel(entry.trigger, t)}
                </Text>
              )}
            </>
          ),
        },
        // The person's name; the scan and payments are the system's.
        { header: t('isolation.by'), cell: (entry) => (entry.actorType === 'system' ? t('isolation.bySystem') : (entry.actorName ?? t('isolation.byStaff'))) },
      ]}
    />
  );
}
