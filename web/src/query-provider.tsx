import { notifications } from '@mantine/notifications';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useRef, useState, type ReactNode } from 'react';
import { ApiError } from './api.ts';
import { useT, type Translate } from './i18n.tsx';
import { queryKeys } from './query-keys.ts';

/**
 * One place shows every failed API call: a notification with the server's own message.
 * A 401 means the session ended: the app falls back to the login page instead.
 */
export function QueryProvider({ children }: { children: ReactNode }) {
  const t = useT();
  const translate = useRef<Translate>(t);
  translate.current = t;
  const [client] = useState(() => {
    const onError = (error: Error) => {
      if (error instanceof ApiError && error.status === 401) {
        client.setQueryData(queryKeys.me, null);
        return;
      }
      notifications.show({ color: 'red', title: translate.current('error.title'), message: messageOf(error, translate.current) });
    };
    const client: QueryClient = new QueryClient({
      queryCache: new QueryCache({ onError }),
      mutationCache: new MutationCache({ onError }),
      defaultOptions: {
        queries: {
          staleTime: 10_000,
          // A 4xx won't change on retry; a dropped connection might.
          retry: (count, error) => error instanceof ApiError && error.status === 0 && count < 2,
          refetchOnWindowFocus: true,
        },
      },
    });
    return client;
  });
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}

/** Codes a person meets often get the app's own words (with the server's details, e.g. which limit). */
const translatedCodes = { LIMIT_REACHED: 'error.LIMIT_REACHED', SUBSCRIPTION_LOCKED: 'error.SUBSCRIPTION_LOCKED', FEATURE_DISABLED: 'error.FEATURE_DISABLED' } as const;

export const messageOf = (error: Error, t: Translate) => {
  if (!(error instanceof ApiError)) return error.message;
  if (error.code === 'NETWORK') return t('error.network');
  const key = translatedCodes[error.code as keyof typeof translatedCodes];
  if (!key) return error.message;
  const details = (error.details ?? {}) as { limit?: string; max?: number; number?: string; feature?: string };
  return t(key, { limit: details.limit ? t(`limit.${details.limit}` as 'limit.customers') : '', max: details.max ?? '', number: details.number ?? '', feature: details.feature ?? '' });
};
