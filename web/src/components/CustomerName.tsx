import { Anchor, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { CustomerLabel } from '../api/types.ts';

/** A list row's customer: name as a link, code beneath. A customer who has left has neither, only an id. */
export function CustomerName({ customerId, label }: { customerId: string; label: CustomerLabel }) {
  return (
    <>
      <Anchor component={Link} to={`/customers/${customerId}`}>
        {label.customerName ?? customerId.slice(0, 8)}
      </Anchor>
      {label.customerCode && (
        <Text size="xs" c="dimmed">
          {label.customerCode}
        </Text>
      )}
    </>
  );
}
