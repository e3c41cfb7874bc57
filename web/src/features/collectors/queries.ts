import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { api, client, unwrap } from '../../api.ts';
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

/** Customers a page of the worklist holds; "Muat lagi" asks for the next page of the route. */
export const WORKLIST_PAGE = 50;

/**
 * Today's worklist a page of the route at a time (route order kept across pages): `customers` is
 * every page loaded so far, `more` says whether the route goes on. A refetch reloads each loaded page.
 */
export function useWorklist() {
  const query = useInfiniteQuery({
    queryKey: collectorKeys.worklist,
    queryFn: ({ pageParam }) => unwrap(client.GET('/api/collector/worklist', { params: { query: { limit: WORKLIST_PAGE, offset: pageParam } } })),
    initialPageParam: 0,
    getNextPageParam: (last, pages) => {
      const loaded = pages.reduce((n, p) => n + p.customers.length, 0);
      return last.customers.length > 0 && loaded < last.total ? loaded : undefined;
    },
    refetchInterval: 60_000,
  });
  const pages = query.data?.pages;
  const last = pages?.at(-1);
  const data: Worklist | undefined = last && { ...last, customers: pages!.flatMap((p) => p.customers) };
  return { data, isError: query.isError, error: query.error, more: query.hasNextPage, loadMore: () => void query.fetchNextPage(), loadingMore: query.isFetchingNextPage };
}

/** The collectors with their counts, and a page of the customers (the handover page wants only the collectors: limit 1). */
export const useAssignments = (page: { limit: number; offset: number }, enabled = true) =>
  useQuery({
    queryKey: [...collectorKeys.assignments, page],
    queryFn: () => unwrap(client.GET('/api/collectors/assignments', { params: { query: page } })),
    enabled,
    placeholderData: keepPreviousData,
  });

export const useBalance = (collectorUserId: string | null) =>
  useQuery({
    queryKey: collectorKeys.balance(collectorUserId ?? ''),
    queryFn: () => unwrap(client.GET('/api/collectors/{collectorUserId}/balance', { params: { path: { collectorUserId: collectorUserId ?? '' } } })),
    enabled: collectorUserId !== null,
  });

export const useHandovers = (filter: { undeposited?: boolean; status?: Handover['status'] }) =>
  useQuery({
    queryKey: collectorKeys.handovers(filter),
    queryFn: () => unwrap(client.GET('/api/collectors/handovers', { params: { query: { undeposited: filter.undeposited === undefined ? undefined : filter.undeposited ? 'true' : 'false', status: filter.status } } })),
  });

export const useDeposits = () => useQuery({ queryKey: collectorKeys.deposits, queryFn: () => unwrap(client.GET('/api/collectors/deposits')) });

export const useDailyReport = (from: string, to: string) =>
  useQuery({ queryKey: collectorKeys.daily(from, to), queryFn: () => unwrap(client.GET('/api/collectors/reports/daily', { params: { query: { from, to } } })) });

export const useDifferences = () => useQuery({ queryKey: collectorKeys.differences, queryFn: () => unwrap(client.GET('/api/collectors/reports/differences')) });

/** Rows a page of the aging report holds; "Muat lagi" asks for the next one. */
export const AGING_PAGE = 200;

/** The collectors' aging report a page at a time (most failures first): every page loaded so far, and whether a full last page means more may follow. */
export function useAging() {
  const query = useInfiniteQuery({
    queryKey: collectorKeys.aging,
    queryFn: ({ pageParam }) => unwrap(client.GET('/api/collectors/reports/aging', { params: { query: { limit: AGING_PAGE, offset: pageParam } } })),
    initialPageParam: 0,
    getNextPageParam: (last, pages) => (last.length === AGING_PAGE ? pages.length * AGING_PAGE : undefined),
  });
  return { data: query.data?.pages.flat(), isError: query.isError, error: query.error, more: query.hasNextPage, loadMore: () => void query.fetchNextPage(), loadingMore: query.isFetchingNextPage };
}

export const useCollectorChain = (invoiceId: string) =>
  useQuery({ queryKey: collectorKeys.chain(invoiceId), queryFn: () => unwrap(client.GET('/api/invoices/{invoiceId}/collector-chain', { params: { path: { invoiceId } } })) });

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
export const useCollectorsSettings = () => useQuery({ queryKey: collectorKeys.settings, queryFn: () => unwrap(client.GET('/api/collectors/settings')) });
export const useUpdateCollectorsSettings = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: BodyOf<'/api/collectors/settings', 'patch'>) => unwrap(client.PATCH('/api/collectors/settings', { body: change })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.collectors.all }),
  });
};

export const useAssign = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<'/api/collectors/assignments', 'post'>) => unwrap(client.POST('/api/collectors/assignments', { body })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.collectors.all }),
  });
};
