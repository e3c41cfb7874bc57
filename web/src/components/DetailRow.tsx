import { Table } from '@mantine/core';
import type { ReactNode } from 'react';

/** One labelled line of a detail card (a vertical table). */
export function DetailRow({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th w={140}>{label}</Table.Th>
      <Table.Td>{children}</Table.Td>
    </Table.Tr>
  );
}
