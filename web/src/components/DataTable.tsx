import { Card, Group, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { HTMLAttributes, ReactNode } from 'react';
import { useT } from '../i18n.tsx';

export type Column<T> = {
  header: ReactNode;
  cell: (row: T) => ReactNode;
  align?: 'right';
  /** Left out (e.g. the customer column on a customer's own page). */
  hidden?: boolean;
};

/** data-* attributes for a row (tests and styles find rows by them). */
type RowProps = HTMLAttributes<HTMLElement> & Record<`data-${string}`, string | undefined>;

/**
 * The one list markup: a striped table on a wide screen, one card per row on a phone
 * (labels beside values, so nothing scrolls sideways). Empty lists say so.
 */
export function DataTable<T>({
  rows,
  columns,
  rowKey,
  rowProps,
  minWidth = 640,
  empty,
}: {
  rows: readonly T[];
  columns: Column<T>[];
  rowKey: (row: T) => string;
  rowProps?: (row: T) => RowProps;
  minWidth?: number;
  empty?: ReactNode;
}) {
  const t = useT();
  const phone = useMediaQuery('(max-width: 48em)');
  const shown = columns.filter((column) => !column.hidden);
  if (rows.length === 0) return <Text c="dimmed">{empty ?? t('common.empty')}</Text>;
  if (phone) {
    return (
      <Stack gap="xs">
        {rows.map((row) => (
          <Card key={rowKey(row)} withBorder padding="sm" {...rowProps?.(row)}>
            <Stack gap={4}>
              {shown.map((column, i) => (
                <Group key={i} justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
                  <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
                    {column.header}
                  </Text>
                  <div style={{ textAlign: 'right', minWidth: 0, overflowWrap: 'anywhere' }}>{column.cell(row)}</div>
                </Group>
              ))}
            </Stack>
          </Card>
        ))}
      </Stack>
    );
  }
  return (
    <Table.ScrollContainer minWidth={minWidth}>
      <Table striped highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            {shown.map((column, i) => (
              <Table.Th key={i} ta={column.align}>
                {column.header}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={rowKey(row)} {...rowProps?.(row)}>
              {shown.map((column, i) => (
                <Table.Td key={i} ta={column.align}>
                  {column.cell(row)}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
