import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, query } from './api.ts';
import type { InvoiceStatus, NetworkLine, ResponseOf } from './api/types.ts';

/**
 * Query keys start with the resource they read, so a live event or a mutation invalidates
 * every view of that resource with one prefix (see live.ts).
 */
export const keys = {
  customers: ['customers'] as const,
  customer: (id: string) => ['customer', id] as const,
  lines: ['lines'] as const,
  line: (customerId: string) => ['lines', customerId] as const,
  isolated: ['lines', 'isolated'] as const,
  isolationHistory: ['isolation-history'] as const,
  invoices: ['invoices'] as const,
  invoice: (id: string) => ['invoices', 'one', id] as const,
  payments: ['payments'] as const,
  plans: ['plans'] as const,
  policy: ['billing-policy'] as const,
  gatewayNotifications: ['payments', 'gateway-notifications'] as const,
  tenants: ['platform-tenants'] as const,
  routers: ['routers'] as const,
  networkLines: ['network-lines'] as const,
  sessions: (customerId: string) => ['sessions', customerId] as const,
  online: ['sessions', 'online'] as const,
  collectors: ['collectors'] as const,
};

export const useCustomers = (params: { search?: string; limit?: number; offset?: number }) =>
  useQuery({
    queryKey: [...keys.customers, params],
    queryFn: () => api.get<ResponseOf<'/api/customers', 'get'>>('/api/customers' + query(params)),
    placeholderData: keepPreviousData,
  });

export const useCustomer = (id: string) => useQuery({ queryKey: keys.customer(id), queryFn: () => api.get<ResponseOf<'/api/customers/{customerId}', 'get'>>(`/api/customers/${id}`) });

export const useLine = (customerId: string) => useQuery({ queryKey: keys.line(customerId), queryFn: () => api.get<ResponseOf<'/api/customers/{customerId}/line', 'get'>>(`/api/customers/${customerId}/line`) });

export const useIsolated = () => useQuery({ queryKey: keys.isolated, queryFn: () => api.get<ResponseOf<'/api/isolation/isolated', 'get'>>('/api/isolation/isolated') });

export const useIsolationHistory = (customerId?: string) =>
  useQuery({ queryKey: [...keys.isolationHistory, customerId ?? 'all'], queryFn: () => api.get<ResponseOf<'/api/isolation/history', 'get'>>('/api/isolation/history' + query({ customerId, limit: 200 })) });

export const useInvoices = (params: { status?: InvoiceStatus; customerId?: string; limit?: number; offset?: number }, options: { enabled?: boolean } = {}) =>
  useQuery({
    queryKey: [...keys.invoices, 'list', params],
    queryFn: () => api.get<ResponseOf<'/api/invoices', 'get'>>('/api/invoices' + query(params)),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });

export const useInvoice = (id: string) => useQuery({ queryKey: keys.invoice(id), queryFn: () => api.get<ResponseOf<'/api/invoices/{invoiceId}', 'get'>>(`/api/invoices/${id}`) });

export const usePaymentHistory = (params: { customerId?: string; limit?: number } = {}, options: { enabled?: boolean } = {}) =>
  useQuery({
    queryKey: [...keys.payments, 'history', params],
    queryFn: () => api.get<ResponseOf<'/api/payment-history', 'get'>>('/api/payment-history' + query(params)),
    enabled: options.enabled ?? true,
  });

export const usePlans = () => useQuery({ queryKey: keys.plans, queryFn: () => api.get<ResponseOf<'/api/plans', 'get'>>('/api/plans'), staleTime: 60_000 });

export const useRouters = (options: { enabled?: boolean } = {}) =>
  useQuery({ queryKey: keys.routers, queryFn: () => api.get<ResponseOf<'/api/routers', 'get'>>('/api/routers'), enabled: options.enabled ?? true });

export const useNetworkLines = (params: { routerId?: string; status?: NetworkLine['status']; limit?: number }, options: { enabled?: boolean } = {}) =>
  useQuery({
    queryKey: [...keys.networkLines, params],
    queryFn: () => api.get<ResponseOf<'/api/network/lines', 'get'>>('/api/network/lines' + query(params)),
    enabled: options.enabled ?? true,
  });

/** Customers with an open RADIUS session now. */
export const useOnlineNow = () => useQuery({ queryKey: keys.online, queryFn: () => api.get<ResponseOf<'/api/network/online', 'get'>>('/api/network/online') });

/** The customer's RADIUS session log, newest first (logins, logouts, rejected logins). */
export const useSessions = (customerId: string) =>
  useQuery({ queryKey: keys.sessions(customerId), queryFn: () => api.get<ResponseOf<'/api/customers/{customerId}/sessions', 'get'>>(`/api/customers/${customerId}/sessions` + query({ limit: 10 })) });
