import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { client, unwrap } from '../../api.ts';
import { queryKeys } from '../../query-keys.ts';

export const useCustomers = (params: { search?: string; limit?: number; offset?: number }) =>
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
