import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client, unwrap } from '../../api.ts';
import { queryKeys } from '../../query-keys.ts';

export const useEntitlements = () => useQuery({ queryKey: queryKeys.subscription.entitlements, queryFn: () => unwrap(client.GET('/api/saas/subscription')) });
export const useAddonsOnSale = () => useQuery({ queryKey: queryKeys.subscription.addons, queryFn: () => unwrap(client.GET('/api/saas/addons')) });
export const useSaasInvoices = () => useQuery({ queryKey: queryKeys.subscription.invoices, queryFn: () => unwrap(client.GET('/api/saas/invoices')) });

export function usePurchaseAddon() {
  const queryClient = useQueryClient();
  return useMutation({
    meta: { fieldErrors: true },
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

export const useDomains = () => useQuery({ queryKey: queryKeys.subscription.domains, queryFn: () => unwrap(client.GET('/api/saas/domains')) });

export function useAddDomain() {
  const queryClient = useQueryClient();
  return useMutation({
    meta: { fieldErrors: true },
    mutationFn: (host: string) => unwrap(client.POST('/api/saas/domains', { body: { host } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.subscription.domains }),
  });
}

/** Checks the TXT record now; DOMAIN_NOT_VERIFIED (shown as a toast) until DNS has it. */
export function useVerifyDomain() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (domainId: string) => unwrap(client.POST('/api/saas/domains/{domainId}/verify', { params: { path: { domainId } } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.subscription.domains }),
  });
}

export function useRemoveDomain() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (domainId: string) => unwrap(client.DELETE('/api/saas/domains/{domainId}', { params: { path: { domainId } } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.subscription.domains }),
  });
}

/** The invoice's checkout page at the platform's gateway (created on the first press, the same link after). */
export function usePaySaasInvoice() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (invoiceId: string) => unwrap(client.POST('/api/saas/invoices/{invoiceId}/pay', { params: { path: { invoiceId } }, body: {} })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.subscription.invoices }),
  });
}
