import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client, unwrap } from '../../api.ts';
import { queryKeys } from '../../query-keys.ts';

export const usePlatformTenants = () => useQuery({ queryKey: queryKeys.platformSaas.tenants, queryFn: () => unwrap(client.GET('/api/platform/saas/tenants')) });
export const usePlatformPlans = () => useQuery({ queryKey: queryKeys.platformSaas.plans, queryFn: () => unwrap(client.GET('/api/platform/saas/plans')) });
export const usePlatformAddons = () => useQuery({ queryKey: queryKeys.platformSaas.addons, queryFn: () => unwrap(client.GET('/api/platform/saas/addons')) });
export const useFeatureSwitches = () => useQuery({ queryKey: queryKeys.platformSaas.features, queryFn: () => unwrap(client.GET('/api/platform/features')) });
export const usePlatformInvoices = () => useQuery({ queryKey: queryKeys.platformSaas.invoices, queryFn: () => unwrap(client.GET('/api/platform/saas/invoices')) });
export const useImpersonations = () => useQuery({ queryKey: queryKeys.platformSaas.impersonations, queryFn: () => unwrap(client.GET('/api/platform/impersonations')) });

export function useSetFeatureSwitch() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ feature, enabled }: { feature: 'radius' | 'payment_gateways' | 'collectors' | 'ftth_maps' | 'technicians' | 'customer_portal' | 'custom_domain' | 'api_tokens'; enabled: boolean }) =>
      unwrap(client.PUT('/api/platform/features/{feature}', { params: { path: { feature } }, body: { enabled } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.platformSaas.all }),
  });
}

export function useMarkSaasInvoicePaid() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (invoiceId: string) => unwrap(client.POST('/api/platform/saas/invoices/{invoiceId}/mark-paid', { params: { path: { invoiceId } }, body: {} })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.platformSaas.all }),
  });
}

export function useStartImpersonation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { tenantId: string; reason: string }) => unwrap(client.POST('/api/platform/impersonations', { body })),
    onSuccess: () => queryClient.invalidateQueries(),
  });
}

export function useEndImpersonation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(client.POST('/api/platform/impersonations/end')),
    onSuccess: () => queryClient.invalidateQueries(),
  });
}
