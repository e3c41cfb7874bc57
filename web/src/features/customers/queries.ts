import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client, idempotent, unwrap } from '../../api.ts';
import type { BodyOf, CustomerStatus } from '../../api/types.ts';
import { queryKeys } from '../../query-keys.ts';

export const useCustomers = (params: { search?: string; status?: CustomerStatus; limit?: number; offset?: number }) =>
  useQuery({
    queryKey: queryKeys.customers.list(params),
    queryFn: () => unwrap(client.GET('/api/customers', { params: { query: params } })),
    placeholderData: keepPreviousData,
  });

export const useCustomer = (customerId: string) =>
  useQuery({ queryKey: queryKeys.customers.one(customerId), queryFn: () => unwrap(client.GET('/api/customers/{customerId}', { params: { path: { customerId } } })) });

export const useLine = (customerId: string) =>
  useQuery({ queryKey: queryKeys.lines.one(customerId), queryFn: () => unwrap(client.GET('/api/customers/{customerId}/line', { params: { path: { customerId } } })) });

/** The customer's RADIUS session log, newest first (logins, logouts, rejected logins). */
export const useSessions = (customerId: string) =>
  useQuery({
    queryKey: queryKeys.sessions.of(customerId),
    queryFn: () => unwrap(client.GET('/api/customers/{customerId}/sessions', { params: { path: { customerId }, query: { limit: 10 } } })),
  });

export const usePlans = () => useQuery({ queryKey: queryKeys.plans.all, queryFn: () => unwrap(client.GET('/api/plans')), staleTime: 60_000 });

type CustomerBody = BodyOf<'/api/customers', 'post'>;
type CustomerPatch = BodyOf<'/api/customers/{customerId}', 'patch'>;

/** What a change to a customer makes stale: the customer lists and pages, their line and sync state. */
function useCustomerMutation<T, R>(mutationFn: (body: T) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSettled: () =>
      Promise.all(
        [queryKeys.customers.all, queryKeys.lines.all, queryKeys.networkLines.all, queryKeys.invoices.all].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
      ),
  });
}

export const useCreateCustomer = () => useCustomerMutation((body: CustomerBody) => unwrap(client.POST('/api/customers', { body })));

export const useUpdateCustomer = (customerId: string) =>
  useCustomerMutation((body: CustomerPatch) => unwrap(client.PATCH('/api/customers/{customerId}', { params: { path: { customerId } }, body })));

/** Suspend (cuti), resume or terminate (berhenti). */
export const useCustomerStatus = (customerId: string) =>
  useCustomerMutation((action: 'suspend' | 'resume' | 'terminate') => {
    const params = { params: { path: { customerId } } };
    if (action === 'suspend') return unwrap(client.POST('/api/customers/{customerId}/suspend', params));
    if (action === 'resume') return unwrap(client.POST('/api/customers/{customerId}/resume', params));
    return unwrap(client.POST('/api/customers/{customerId}/terminate', params));
  });

type BulkBody = BodyOf<'/api/isolation/bulk', 'post'>;

/** Bulk isolate / restore: the preview (changes nothing), then the same request for real with one Idempotency-Key. */
export const useBulkPreview = () => useMutation({ mutationFn: (body: BulkBody) => unwrap(client.POST('/api/isolation/bulk/preview', { body })) });

export function useBulkIsolation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ key, ...body }: BulkBody & { key: string }) => unwrap(client.POST('/api/isolation/bulk', { body, headers: idempotent(key) })),
    onSettled: () => Promise.all([queryKeys.lines.all, queryKeys.isolationHistory.all, queryKeys.customers.all].map((queryKey) => queryClient.invalidateQueries({ queryKey }))),
  });
}

type BroadcastFilter = BodyOf<'/api/notifications/broadcasts/preview', 'post'>['filter'];

export const useBroadcastPreview = (filter: BroadcastFilter, options: { enabled: boolean }) =>
  useQuery({
    queryKey: [...queryKeys.whatsapp.all, 'broadcast-preview', filter],
    queryFn: () => unwrap(client.POST('/api/notifications/broadcasts/preview', { body: { filter } })),
    enabled: options.enabled,
  });

export function useSendBroadcast() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ key, ...body }: BodyOf<'/api/notifications/broadcasts', 'post'> & { key: string }) =>
      unwrap(client.POST('/api/notifications/broadcasts', { body, headers: idempotent(key) })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.whatsapp.all }),
  });
}
