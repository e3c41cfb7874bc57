import { Anchor, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useT } from '../i18n.tsx';
import { useFormat } from '../session.tsx';
import type { CustomerLabel, Invoice } from '../api/types.ts';
import { CustomerName } from './CustomerName.tsx';
import { InvoiceStatusBadge } from './badges.tsx';

export function InvoiceTable({ invoices, showCustomer }: { invoices: (Invoice & CustomerLabel)[]; showCustomer: boolean }) {
  const t = useT();
  const format = useFormat();
  if (invoices.length === 0) return <Text c="dimmed">{t('common.empty')}</Text>;
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('invoices.number')}</Table.Th>
            {showCustomer && <Table.Th>{t('invoices.customer')}</Table.Th>}
            <Table.Th>{t('invoices.period')}</Table.Th>
            <Table.Th>{t('invoices.dueDate')}</Table.Th>
            <Table.Th ta="right">{t('invoices.amount')}</Table.Th>
            <Table.Th>{t('invoices.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {invoices.map((invoice) => (
            <Table.Tr key={invoice.id} data-invoice={invoice.number}>
              <Table.Td>
                <Anchor component={Link} to={`/invoices/${invoice.id}`}>
                  {invoice.number}
                </Anchor>
              </Table.Td>
              {showCustomer && (
                <Table.Td>
                  <CustomerName customerId={invoice.customerId} label={invoice} />
                </Table.Td>
              )}
              <Table.Td>{format.month(invoice.period)}</Table.Td>
              <Table.Td>{format.date(invoice.dueDate)}</Table.Td>
              <Table.Td ta="right">{format.money(invoice.amount)}</Table.Td>
              <Table.Td>
                <InvoiceStatusBadge status={invoice.status} />
                {invoice.status === 'unpaid' && invoice.stage !== 'issued' && (
                  <Text size="xs" c="dimmed">
                    {t(`stage.${invoice.stage}`)}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
