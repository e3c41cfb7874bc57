import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client, unwrap } from '../../api.ts';
import { queryKeys } from '../../query-keys.ts';

export const useEntitlements = () => useQuery({ queryKey: queryKeys.subscription.entitlements, queryFn: () => unwrap(client.GET('/api/saas/subscription')) });
export const useAddonsOnSale = () => useQuery({ queryKey: queryKeys.subscription.addons, queryFn: () => unwrap(client.GET('/api/saas/addons')) });
export const useSaasInvoices = () => useQuery({ queryKey: queryKeys.subscription.invoices, queryFn: () => unwrap(client.GET('/api/saas/invoices')) });

export function usePurchaseAddon() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { addonId: string; quantity: number }) => unwrap(client.POST('/api/saas/addons/purchase', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.subscription.all }),
  });
}

export function useSupportAccess() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (write: boolean) => unwrap(client.PUT('/api/saas/support-access', { body: { write } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.subscription.all }),
  });
}
