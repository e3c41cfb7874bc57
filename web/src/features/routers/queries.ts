import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client, unwrap } from '../../api.ts';
import type { BodyOf, NetworkLine } from '../../api/types.ts';
import { queryKeys } from '../../query-keys.ts';

export const useRouters = (options: { enabled?: boolean } = {}) =>
  useQuery({ queryKey: queryKeys.routers.all, queryFn: () => unwrap(client.GET('/api/routers', { params: { query: { limit: 500 } } })), enabled: options.enabled ?? true });

export const useNetworkLines = (params: { routerId?: string; status?: NetworkLine['status']; limit?: number }, options: { enabled?: boolean } = {}) =>
  useQuery({
    queryKey: queryKeys.networkLines.list(params),
    queryFn: () => unwrap(client.GET('/api/network/lines', { params: { query: params } })),
    enabled: options.enabled ?? true,
  });

/** Customers with an open RADIUS session now. */
export const useOnlineNow = () => useQuery({ queryKey: queryKeys.sessions.online, queryFn: () => unwrap(client.GET('/api/network/online')) });

export function useReconcile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(client.POST('/api/network/reconcile')),
    onSettled: () => Promise.all([queryKeys.routers.all, queryKeys.networkLines.all].map((queryKey) => queryClient.invalidateQueries({ queryKey }))),
  });
}

export const useTestRouter = () => useMutation({ mutationFn: (routerId: string) => unwrap(client.POST('/api/routers/{routerId}/test', { params: { path: { routerId } } })) });

export function useAddRouter() {
  const queryClient = useQueryClient();
  return useMutation({
    meta: { fieldErrors: true },
    mutationFn: (body: BodyOf<'/api/routers', 'post'>) => unwrap(client.POST('/api/routers', { body })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.routers.all }),
  });
}

export function useUpdateRouter(routerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    meta: { fieldErrors: true },
    mutationFn: (body: BodyOf<'/api/routers/{routerId}', 'patch'>) => unwrap(client.PATCH('/api/routers/{routerId}', { params: { path: { routerId } }, body })),
    onSettled: () => Promise.all([queryKeys.routers.all, queryKeys.networkLines.all].map((queryKey) => queryClient.invalidateQueries({ queryKey }))),
  });
}
