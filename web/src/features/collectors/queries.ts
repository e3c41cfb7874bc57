import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { api, query } from '../../api.ts';
import type { BodyOf, ResponseOf } from '../../api/types.ts';
import { useT } from '../../i18n.tsx';
import { queryKeys } from '../../query-keys.ts';
import { translateError } from './errors.ts';

/** The collectors feature's reads and writes; every key starts with queryKeys.collectors.all, so one prefix refreshes them all. */
export const collectorKeys = {
  worklist: [...queryKeys.collectors.all, 'worklist'] as const,
  customer: (id: string) => [...queryKeys.collectors.all, 'customer', id] as const,
  assignments: [...queryKeys.collectors.all, 'assignments'] as const,
  balance: (collectorUserId: string) => [...queryKeys.collectors.all, 'balance', collectorUserId] as const,
  handovers: (filter: object) => [...queryKeys.collectors.all, 'handovers', filter] as const,
  deposits: [...queryKeys.collectors.all, 'deposits'] as const,
  daily: (from: string, to: string) => [...queryKeys.collectors.all, 'daily', from, to] as const,
  differences: [...queryKeys.collectors.all, 'differences'] as const,
  aging: [...queryKeys.collectors.all, 'aging'] as const,
  chain: (invoiceId: string) => [...queryKeys.collectors.all, 'chain', invoiceId] as const,
  settings: [...queryKeys.collectors.all, 'settings'] as const,
};

export type Worklist = ResponseOf<'/api/collector/worklist', 'get'>;
export type WorklistCustomer = Worklist['customers'][number];
export type Balance = ResponseOf<'/api/collectors/{collectorUserId}/balance', 'get'>;
export type Handover = ResponseOf<'/api/collectors/handovers', 'get'>[number];
export type ChainStep = ResponseOf<'/api/invoices/{invoiceId}/collector-chain', 'get'>[number];
export type CollectBody = BodyOf<'/api/collector/collections', 'post'>;
export type VisitBody = BodyOf<'/api/collector/visits', 'post'>;

export const useWorklist = () =>
  useQuery({ queryKey: collectorKeys.worklist, queryFn: () => api.get<Worklist>('/api/collector/worklist'), refetchInterval: 60_000 });

export const useAssignments = (enabled = true) =>
  useQuery({ queryKey: collectorKeys.assignments, queryFn: () => api.get<ResponseOf<'/api/collectors/assignments', 'get'>>('/api/collectors/assignments'), enabled });

export const useBalance = (collectorUserId: string | null) =>
  useQuery({
    queryKey: collectorKeys.balance(collectorUserId ?? ''),
    queryFn: () => api.get<Balance>(`/api/collectors/${collectorUserId}/balance`),
    enabled: collectorUserId !== null,
  });

export const useHandovers = (filter: { undeposited?: boolean; status?: Handover['status'] }) =>
  useQuery({
    queryKey: collectorKeys.handovers(filter),
    queryFn: () => api.get<Handover[]>('/api/collectors/handovers' + query({ undeposited: filter.undeposited, status: filter.status })),
  });

export const useDeposits = () => useQuery({ queryKey: collectorKeys.deposits, queryFn: () => api.get<ResponseOf<'/api/collectors/deposits', 'get'>>('/api/collectors/deposits') });

export const useDailyReport = (from: string, to: string) =>
  useQuery({ queryKey: collectorKeys.daily(from, to), queryFn: () => api.get<ResponseOf<'/api/collectors/reports/daily', 'get'>>('/api/collectors/reports/daily' + query({ from, to })) });

export const useDifferences = () => useQuery({ queryKey: collectorKeys.differences, queryFn: () => api.get<Handover[]>('/api/collectors/reports/differences') });

export const useAging = () => useQuery({ queryKey: collectorKeys.aging, queryFn: () => api.get<ResponseOf<'/api/collectors/reports/aging', 'get'>>('/api/collectors/reports/aging') });

export const useCollectorChain = (invoiceId: string) =>
  useQuery({ queryKey: collectorKeys.chain(invoiceId), queryFn: () => api.get<ChainStep[]>(`/api/invoices/${invoiceId}/collector-chain`) });

/** A write of the office's screens: one Idempotency-Key per distinct request (a retry reuses it), then every collectors view refreshes. */
export function useOfficeMutation<B>(path: (body: B) => string) {
  const queryClient = useQueryClient();
  const t = useT();
  // One key per distinct request, kept across renders: a retry of the same one reuses it.
  const attempt = useRef<{ body: string; key: string } | null>(null);
  return useMutation({
    mutationFn: async (body: B) => {
      const sent = JSON.stringify(body);
      if (attempt.current?.body !== sent) attempt.current = { body: sent, key: crypto.randomUUID() };
      try {
        const answer = await api.postOnce<unknown>(path(body), body, attempt.current.key);
        attempt.current = null;
        return answer;
      } catch (error) {
        throw translateError(error, t);
      }
    },
    onSettled: () => Promise.all([queryKeys.collectors.all, queryKeys.invoices.all].map((queryKey) => queryClient.invalidateQueries({ queryKey }))),
  });
}

export type CollectorsSettings = ResponseOf<'/api/collectors/settings', 'get'>;
export const useCollectorsSettings = () => useQuery({ queryKey: collectorKeys.settings, queryFn: () => api.get<CollectorsSettings>('/api/collectors/settings') });
export const useUpdateCollectorsSettings = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: Partial<CollectorsSettings>) => api.patch<CollectorsSettings>('/api/collectors/settings', change),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.collectors.all }),
  });
};

export const useAssign = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<'/api/collectors/assignments', 'post'>) => api.post<ResponseOf<'/api/collectors/assignments', 'post'>>('/api/collectors/assignments', body),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.collectors.all }),
  });
};
