import { Center, Loader, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useT } from '../i18n.tsx';
import { messageOf } from '../query-provider.tsx';

/**
 * Renders a query's data once it is there; a spinner before. Failures are already shown as a
 * notification (query-provider.tsx), so here they only leave the short message in place.
 */
export function QueryState<T>({ query, children }: { query: Pick<UseQueryResult<T>, 'data' | 'isError' | 'error'>; children: (data: T) => ReactNode }) {
  const t = useT();
  if (query.data !== undefined) return <>{children(query.data)}</>;
  if (query.isError) {
    return (
      <Text c="red" size="sm" role="alert">
        {query.error && messageOf(query.error, t)}
      </Text>
    );
  }
  return (
    <Center py="lg">
      <Loader size="sm" aria-label={t('common.loading')} />
    </Center>
  );
}
