import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client, unwrap } from '../../api.ts';
import { queryKeys } from '../../query-keys.ts';

/** Lines isolated now, a page at a time; `customerId` narrows it to those customers (a page's badges). */
export const useIsolated = (params: { limit: number; offset?: number; customerId?: string[] }, options: { enabled?: boolean } = {}) =>
  useQuery({
    queryKey: queryKeys.lines.isolated(params),
    queryFn: () => unwrap(client.GET('/api/isolation/isolated', { params: { query: params } })),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });

/** How many lines are isolated now, counted by the server. */
export const useIsolatedCount = () => useQuery({ queryKey: queryKeys.lines.isolatedCount, queryFn: () => unwrap(client.GET('/api/isolation/isolated/count')) });

export const useIsolationHistory = (customerId?: string) =>
  useQuery({
    queryKey: queryKeys.isolationHistory.of(customerId),
    queryFn: () => unwrap(client.GET('/api/isolation/history', { params: { query: { customerId, limit: 200 } } })),
  });

/** After a line changes, every view of lines, history and invoices (customerLine) is stale. */
export function useLineChange(action: 'isolate' | 'restore') {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ customerId, ...body }: { customerId: string; reason: string; force?: boolean }): Promise<void> => {
      const path = { customerId };
      if (action === 'isolate') await unwrap(client.POST('/api/customers/{customerId}/isolate', { params: { path }, body }));
      else await unwrap(client.POST('/api/customers/{customerId}/restore', { params: { path }, body }));
    },
    onSettled: () => Promise.all([queryKeys.lines.all, queryKeys.isolationHistory.all, queryKeys.invoices.all].map((queryKey) => queryClient.invalidateQueries({ queryKey }))),
  });
}
