import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, client, filters, unwrap } from '../../api.ts';
import type { paths } from '../../api/schema.d.ts';
import type { BodyOf, Item, ResponseOf } from '../../api/types.ts';
import { queryKeys } from '../../query-keys.ts';

export type Message = Item<ResponseOf<'/api/notifications/messages', 'get'>>;
export type MessageStatus = Message['status'];
export type Template = Item<ResponseOf<'/api/notifications/templates', 'get'>>;
export type Language = keyof Template['texts'];
/** The kinds the API knows (a template's `kind` is typed as a plain string in its list). */
type TemplateKind = paths['/api/notifications/templates/{kind}']['put']['parameters']['path']['kind'];
export type ProviderAccount = ResponseOf<'/api/notifications/provider', 'get'>;
export type WaProvider = NonNullable<ProviderAccount['provider']>;

const isUnderway = (m: Message) => m.status === 'pending' || m.status === 'sending';

/** Sending happens in the background: follow messages still underway until they settle. */
export const useMessages = (status: MessageStatus | '', search = '') =>
  useQuery({
    queryKey: [...queryKeys.whatsapp.messages.list(status), search],
    queryFn: () => unwrap(client.GET('/api/notifications/messages', { params: { query: filters({ status, search, limit: 100 }) } })),
    refetchInterval: (q) => (q.state.status !== 'error' && q.state.data?.some(isUnderway) ? 2_000 : false),
  });

export function useResend() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (messageId: string) => unwrap(client.POST('/api/notifications/messages/{messageId}/resend', { params: { path: { messageId } } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.whatsapp.messages.all }),
  });
}

export const useTemplates = () => useQuery({ queryKey: queryKeys.whatsapp.templates, queryFn: () => unwrap(client.GET('/api/notifications/templates')) });

/**
 * The API renders the preview (sample values, the tenant's name, its date format). A text it
 * refuses is the answer to show here, not a failure to announce.
 */
export const useTemplatePreview = (templateKind: string, language: Language, body: string) =>
  useQuery({
    queryKey: queryKeys.whatsapp.preview(templateKind, language, body),
    queryFn: async () => {
      const kind = templateKind as TemplateKind;
      try {
        const rendered = await unwrap(client.POST('/api/notifications/templates/{kind}/preview', { params: { path: { kind } }, body: { language, body } }));
        return { text: rendered.text, problem: null };
      } catch (error) {
        if (error instanceof ApiError && error.status === 400) return { text: null, problem: error.message };
        throw error;
      }
    },
    placeholderData: (previous) => previous,
  });

/** Saving or resetting a text puts the answer in the cached list. */
function useTemplateChange<T>(mutationFn: (input: T) => Promise<Template>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (next) => queryClient.setQueryData<Template[]>(queryKeys.whatsapp.templates, (list) => list?.map((entry) => (entry.kind === next.kind ? next : entry))),
  });
}

export const useSaveTemplate = (kind: string) =>
  useTemplateChange((body: BodyOf<'/api/notifications/templates/{kind}', 'put'>) => unwrap(client.PUT('/api/notifications/templates/{kind}', { params: { path: { kind: kind as TemplateKind } }, body })));

export const useResetTemplate = (kind: string) =>
  useTemplateChange((language: Language) => unwrap(client.DELETE('/api/notifications/templates/{kind}', { params: { path: { kind: kind as TemplateKind }, query: { language } } })));

export const useProviderAccount = () => useQuery({ queryKey: queryKeys.whatsapp.provider, queryFn: () => unwrap(client.GET('/api/notifications/provider')) });

export function useSaveProvider() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<'/api/notifications/provider', 'put'>) => unwrap(client.PUT('/api/notifications/provider', { body })),
    onSuccess: (next) => queryClient.setQueryData(queryKeys.whatsapp.provider, next),
  });
}

export function useSendTest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (to: string) => unwrap(client.POST('/api/notifications/test-message', { body: { to } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.whatsapp.all }),
  });
}

/** What the built-in dev inbox "delivered" instead of sending. */
export const useInbox = () =>
  useQuery({ queryKey: queryKeys.whatsapp.inbox, queryFn: () => unwrap(client.GET('/api/notifications/inbox', { params: { query: { limit: 50 } } })), refetchInterval: 5_000 });

export type WaSettings = ResponseOf<'/api/notifications/settings', 'get'>;

export const useWaSettings = () => useQuery({ queryKey: queryKeys.whatsapp.settings, queryFn: () => unwrap(client.GET('/api/notifications/settings')) });

export function useSaveWaSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    meta: { fieldErrors: true },
    mutationFn: (body: BodyOf<'/api/notifications/settings', 'patch'>) => unwrap(client.PATCH('/api/notifications/settings', { body })),
    onSuccess: (next) => queryClient.setQueryData(queryKeys.whatsapp.settings, next),
  });
}

export const useOptOuts = () => useQuery({ queryKey: queryKeys.whatsapp.optOuts, queryFn: () => unwrap(client.GET('/api/notifications/opt-outs', { params: { query: { limit: 500 } } })) });

function useOptOutChange<T>(mutationFn: (input: T) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.whatsapp.optOuts }) });
}

export const useAddOptOut = () =>
  useOptOutChange(({ customerId, reason }: { customerId: string; reason?: string }) =>
    unwrap(client.PUT('/api/notifications/opt-outs/{customerId}', { params: { path: { customerId } }, body: reason ? { reason } : {} })),
  );

export const useRemoveOptOut = () => useOptOutChange((customerId: string) => unwrap(client.DELETE('/api/notifications/opt-outs/{customerId}', { params: { path: { customerId } } })));
