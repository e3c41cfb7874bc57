import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { client, idempotent, unwrap } from '../../api.ts';
import type { BodyOf, InvoiceStatus } from '../../api/types.ts';
import { queryKeys } from '../../query-keys.ts';

export const useInvoices = (params: { status?: InvoiceStatus; customerId?: string; search?: string; limit?: number; offset?: number }, options: { enabled?: boolean } = {}) =>
  useQuery({
    queryKey: queryKeys.invoices.list(params),
    queryFn: () => unwrap(client.GET('/api/invoices', { params: { query: params } })),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });

export const useInvoice = (invoiceId: string) =>
  useQuery({ queryKey: queryKeys.invoices.one(invoiceId), queryFn: () => unwrap(client.GET('/api/invoices/{invoiceId}', { params: { path: { invoiceId } } })) });

/** The invoice's receipts (one per payment), with their print pages. */
export const useInvoiceReceipts = (invoiceId: string) =>
  useQuery({ queryKey: queryKeys.invoices.receipts(invoiceId), queryFn: () => unwrap(client.GET('/api/invoices/{invoiceId}/receipts', { params: { path: { invoiceId } } })) });

/** The dashboard's money figures (today's payments, what is unpaid), counted by the server. */
export const useBillingSummary = (options: { enabled?: boolean } = {}) =>
  useQuery({ queryKey: queryKeys.invoices.summary, queryFn: () => unwrap(client.GET('/api/billing/summary')), enabled: options.enabled ?? true });

export const usePaymentHistory = (params: { customerId?: string; limit?: number } = {}, options: { enabled?: boolean } = {}) =>
  useQuery({
    queryKey: queryKeys.payments.history(params),
    queryFn: () => unwrap(client.GET('/api/payment-history', { params: { query: params } })),
    enabled: options.enabled ?? true,
  });

/** What a change to an invoice makes stale: invoices, payments and lines (a payment may restore one). */
function useInvoiceMutation<T, R>(mutationFn: (body: T) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSettled: () => Promise.all([queryKeys.invoices.all, queryKeys.payments.all, queryKeys.lines.all].map((queryKey) => queryClient.invalidateQueries({ queryKey }))),
  });
}

type PaymentBody = BodyOf<'/api/invoices/{invoiceId}/payments', 'post'>;

/** Records a payment at the desk. One Idempotency-Key per distinct payment: a retry of the same one (lost answer, second click) reuses it. */
export function useRecordPayment(invoiceId: string) {
  const attempt = useRef<{ body: string; key: string } | null>(null);
  return useInvoiceMutation(async (body: PaymentBody) => {
    const sent = JSON.stringify(body);
    if (attempt.current?.body !== sent) attempt.current = { body: sent, key: crypto.randomUUID() };
    const answer = await unwrap(client.POST('/api/invoices/{invoiceId}/payments', { params: { path: { invoiceId } }, body, headers: idempotent(attempt.current.key) }));
    attempt.current = null;
    return answer;
  });
}

export const useVoidInvoice = (invoiceId: string) =>
  useInvoiceMutation((body: { reason: string }) => unwrap(client.POST('/api/invoices/{invoiceId}/void', { params: { path: { invoiceId } }, body })));

/** The payment providers set up for the tenant (a payment link needs one). */
export const useActiveGateways = () =>
  useQuery({ queryKey: queryKeys.gateways.active, queryFn: () => unwrap(client.GET('/api/billing/gateways/active')), staleTime: 60_000 });

export const usePaymentLink = (invoiceId: string) =>
  useMutation({
    mutationFn: (body: BodyOf<'/api/invoices/{invoiceId}/payment-link', 'post'>) => unwrap(client.POST('/api/invoices/{invoiceId}/payment-link', { params: { path: { invoiceId } }, body })),
  });

/** The owner's two long runs: this month's invoices, and the daily scan (due → overdue → grace → isolation). */
export function useBillingRuns() {
  const queryClient = useQueryClient();
  const refresh = () => Promise.all([queryKeys.invoices.all, queryKeys.lines.all, queryKeys.isolationHistory.all].map((queryKey) => queryClient.invalidateQueries({ queryKey })));
  // Each confirmed run carries its own Idempotency-Key: a retried request (lost answer) is answered, not run twice.
  const generate = useMutation({
    mutationFn: (key: string) => unwrap(client.POST('/api/billing/invoices/generate', { body: {}, headers: idempotent(key) })),
    onSettled: refresh,
  });
  const scan = useMutation({ mutationFn: (key: string) => unwrap(client.POST('/api/billing/daily-scan', { headers: idempotent(key) })), onSettled: refresh });
  // The previews: what each run would do now, changing nothing.
  const previewGenerate = useMutation({ mutationFn: () => unwrap(client.POST('/api/billing/invoices/generate/preview', { body: {} })) });
  const previewScan = useMutation({ mutationFn: () => unwrap(client.POST('/api/billing/daily-scan/preview')) });
  return { generate, scan, previewGenerate, previewScan };
}
