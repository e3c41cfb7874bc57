import { Badge, Table, Text } from '@mantine/core';
import { useT } from '../i18n.tsx';
import { useFormat } from '../session.tsx';
import type { CustomerLabel, IsolationEntry } from '../api/types.ts';
import { CustomerName } from './CustomerName.tsx';

export function IsolationHistoryTable({ entries, showCustomer }: { entries: (IsolationEntry & CustomerLabel)[]; showCustomer: boolean }) {
  const t = useT();
  const format = useFormat();
  if (entries.length === 0) return <Text c="dimmed">{t('common.empty')}</Text>;
  return (
    <Table.ScrollContainer minWidth={600}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('payment.when')}</Table.Th>
            {showCustomer && <Table.Th>{t('invoices.customer')}</Table.Th>}
            <Table.Th>{t('invoices.status')}</Table.Th>
            <Table.Th>{t('common.reason')}</Table.Th>
            <Table.Th>{t('isolation.by')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((entry) => (
            <Table.Tr key={entry.id}>
              <Table.Td>{format.dateTime(entry.createdAt)}</Table.Td>
              {showCustomer && (
                <Table.Td>
                  <CustomerName customerId={entry.customerId} label={entry} />
                </Table.Td>
              )}
              <Table.Td>
                <Badge color={entry.action === 'isolated' ? 'red' : 'teal'} variant="light">
                  {t(`isolation.action.${entry.action}`)}
                </Badge>
              </Table.Td>
              <Table.Td>
                {entry.reason}
                {entry.trigger && (
                  <Text size="xs" c="dimmed">
                    {t('isolation.trigger')}: {entry.trigger}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{t(entry.actorType === 'system' ? 'isolation.bySystem' : 'isolation.byStaff')}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
