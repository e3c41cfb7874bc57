import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client, unwrap } from '../../api.ts';
import type { BodyOf } from '../../api/types.ts';
import { queryKeys } from '../../query-keys.ts';
import type { FeatureName } from './names.ts';

export const usePlatformTenants = () => useQuery({ queryKey: queryKeys.platformSaas.tenants, queryFn: () => unwrap(client.GET('/api/platform/saas/tenants', { params: { query: { limit: 500 } } })) });
export const usePlatformPlans = () => useQuery({ queryKey: queryKeys.platformSaas.plans, queryFn: () => unwrap(client.GET('/api/platform/saas/plans')) });
export const usePlatformAddons = () => useQuery({ queryKey: queryKeys.platformSaas.addons, queryFn: () => unwrap(client.GET('/api/platform/saas/addons')) });
export const useFeatureSwitches = () => useQuery({ queryKey: queryKeys.platformSaas.features, queryFn: () => unwrap(client.GET('/api/platform/features')) });
export const usePlatformInvoices = () => useQuery({ queryKey: queryKeys.platformSaas.invoices, queryFn: () => unwrap(client.GET('/api/platform/saas/invoices', { params: { query: { limit: 500 } } })) });
export const usePlatformDomains = () => useQuery({ queryKey: queryKeys.platformSaas.domains, queryFn: () => unwrap(client.GET('/api/platform/saas/domains', { params: { query: { limit: 500 } } })) });
export const useImpersonations = () => useQuery({ queryKey: queryKeys.platformSaas.impersonations, queryFn: () => unwrap(client.GET('/api/platform/impersonations', { params: { query: { limit: 200 } } })) });
export const useOverrides = (tenantId: string) =>
  useQuery({ queryKey: queryKeys.platformSaas.overrides(tenantId), queryFn: () => unwrap(client.GET('/api/platform/tenants/{tenantId}/overrides', { params: { path: { tenantId } } })) });

/** Every platform mutation changes what the SaaS pages show (usage, limits, flags): one prefix to refresh. */
function usePlatformMutation<I, O>(mutationFn: (input: I) => Promise<O>, options: { fieldErrors?: boolean } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    meta: { fieldErrors: options.fieldErrors ?? false },
    mutationFn,
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.platformSaas.all }),
  });
}

export const useCreateSaasPlan = () => usePlatformMutation((body: BodyOf<'/api/platform/saas/plans', 'post'>) => unwrap(client.POST('/api/platform/saas/plans', { body })), { fieldErrors: true });
export const useUpdateSaasPlan = () =>
  usePlatformMutation(
    ({ planId, ...body }: BodyOf<'/api/platform/saas/plans/{planId}', 'patch'> & { planId: string }) => unwrap(client.PATCH('/api/platform/saas/plans/{planId}', { params: { path: { planId } }, body })),
    { fieldErrors: true },
  );
export const useCreateAddon = () => usePlatformMutation((body: BodyOf<'/api/platform/saas/addons', 'post'>) => unwrap(client.POST('/api/platform/saas/addons', { body })), { fieldErrors: true });
export const useUpdateAddon = () =>
  usePlatformMutation(
    ({ addonId, ...body }: BodyOf<'/api/platform/saas/addons/{addonId}', 'patch'> & { addonId: string }) => unwrap(client.PATCH('/api/platform/saas/addons/{addonId}', { params: { path: { addonId } }, body })),
    { fieldErrors: true },
  );

export const useSetTenantPlan = () =>
  usePlatformMutation(({ tenantId, planId }: { tenantId: string; planId: string }) => unwrap(client.PUT('/api/platform/tenants/{tenantId}/plan', { params: { path: { tenantId } }, body: { planId } })), { fieldErrors: true });
export const useAddOverride = () =>
  usePlatformMutation(
    ({ tenantId, body }: { tenantId: string; body: BodyOf<'/api/platform/tenants/{tenantId}/overrides', 'post'> }) => unwrap(client.POST('/api/platform/tenants/{tenantId}/overrides', { params: { path: { tenantId } }, body })),
    { fieldErrors: true },
  );
export const useEndOverride = () =>
  usePlatformMutation(({ tenantId, overrideId }: { tenantId: string; overrideId: string }) =>
    unwrap(client.DELETE('/api/platform/tenants/{tenantId}/overrides/{overrideId}', { params: { path: { tenantId, overrideId } } })),
  );

export const useSetFeatureSwitch = () =>
  usePlatformMutation(
    ({ feature, ...body }: BodyOf<'/api/platform/features/{feature}', 'put'> & { feature: FeatureName }) => unwrap(client.PUT('/api/platform/features/{feature}', { params: { path: { feature } }, body })),
    { fieldErrors: true },
  );

export const useMarkSaasInvoicePaid = () => usePlatformMutation((invoiceId: string) => unwrap(client.POST('/api/platform/saas/invoices/{invoiceId}/mark-paid', { params: { path: { invoiceId } }, body: {} })));

/** Suspend or resume a tenant: the tenants list (its own page) shows the status too. */
export function useSetTenantStatus() {
  const queryClient = useQueryClient();
  return useMutation({
    meta: { fieldErrors: true },
    mutationFn: ({ tenantId, ...body }: BodyOf<'/api/platform/tenants/{tenantId}/status', 'put'> & { tenantId: string }) =>
      unwrap(client.PUT('/api/platform/tenants/{tenantId}/status', { params: { path: { tenantId } }, body })),
    onSettled: () => Promise.all([queryClient.invalidateQueries({ queryKey: queryKeys.platformSaas.all }), queryClient.invalidateQueries({ queryKey: queryKeys.tenants.all })]),
  });
}

export function useStartImpersonation() {
  const queryClient = useQueryClient();
  return useMutation({
    meta: { fieldErrors: true },
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
