import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client, unwrap } from '../../api.ts';
import type { BodyOf } from '../../api/types.ts';
import { queryKeys } from '../../query-keys.ts';

export const usePolicy = () => useQuery({ queryKey: queryKeys.policy.all, queryFn: () => unwrap(client.GET('/api/billing/policy')) });

export function useSavePolicy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<'/api/billing/policy', 'patch'>) => unwrap(client.PATCH('/api/billing/policy', { body })),
    onSuccess: (policy) => queryClient.setQueryData(queryKeys.policy.all, policy),
  });
}

export const useGatewayNotifications = () =>
  useQuery({ queryKey: queryKeys.payments.gatewayNotifications, queryFn: () => unwrap(client.GET('/api/billing/gateway-notifications', { params: { query: { limit: 50 } } })) });

export const useGateways = () => useQuery({ queryKey: queryKeys.gateways.all, queryFn: () => unwrap(client.GET('/api/billing/gateways')) });

export type GatewayProvider = 'midtrans' | 'xendit' | 'tripay';

export function useSaveGateway(provider: GatewayProvider) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) => unwrap(client.PUT('/api/billing/gateways/{provider}', { params: { path: { provider } }, body: body as never })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.gateways.all }),
  });
}
