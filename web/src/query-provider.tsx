import { notifications } from '@mantine/notifications';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useRef, useState, type ReactNode } from 'react';
import { ApiError } from './api.ts';
import { useT, type Translate, type TranslationKey } from './i18n.tsx';
import { id } from './locales/id.ts';
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

/** A code the console translates (`error.code.<CODE>` in the locales) reads in the person's language, with the server's detail after it. */
export const messageOf = (error: Error, t: Translate) => {
  if (!(error instanceof ApiError)) return error.message;
  if (error.code === 'NETWORK') return t('error.network');
  const key = `error.code.${error.code}` as TranslationKey;
  return key in id ? `${t(key)} ${error.message}` : error.message;
};
