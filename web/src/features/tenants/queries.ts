import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client, unwrap } from '../../api.ts';
import type { BodyOf } from '../../api/types.ts';
import { queryKeys } from '../../query-keys.ts';

export const useTenants = (options: { staleTime?: number } = {}) =>
  useQuery({ queryKey: queryKeys.tenants.all, queryFn: () => unwrap(client.GET('/api/platform/tenants', { params: { query: { limit: 500 } } })), staleTime: options.staleTime });

export function useCreateTenant() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<'/api/platform/tenants', 'post'>) => unwrap(client.POST('/api/platform/tenants', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.tenants.all }),
  });
}
