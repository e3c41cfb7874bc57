import { notifications } from '@mantine/notifications';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useRef, useState, type ReactNode } from 'react';
import { ApiError } from './api.ts';
import { hasFieldErrors } from './components/form-errors.ts';
import { useT, type Translate, type TranslationKey } from './i18n.tsx';
import { id } from './locales/id.ts';
import { queryKeys } from './query-keys.ts';

/**
 * One place shows every failed API call: a notification with the server's own message.
 * A 401 means the session ended: the app falls back to the login page instead.
 */
const toastMs = 6_000;

export function QueryProvider({ children }: { children: ReactNode }) {
  const t = useT();
  const translate = useRef<Translate>(t);
  translate.current = t;
  const [client] = useState(() => {
    // One failure, one toast: the same message again (several queries failing alike, a retry
    // failing as the first did) while it is still on screen is not shown twice.
    const shownAt = new Map<string, number>();
    const onError = (error: Error) => {
      if (error instanceof ApiError && error.status === 401) {
        client.setQueryData(queryKeys.me, null);
        return;
      }
      const message = messageOf(error, translate.current);
      const now = Date.now();
      if ((shownAt.get(message) ?? -Infinity) > now - toastMs) return;
      shownAt.set(message, now);
      notifications.show({ color: 'red', title: translate.current('error.title'), message, autoClose: toastMs });
    };
    const client: QueryClient = new QueryClient({
      queryCache: new QueryCache({ onError }),
      // A form that shows the server's field errors at its inputs (meta.fieldErrors), or every
      // error in place (meta.inline), needs no toast as well.
      mutationCache: new MutationCache({
        onError: (error, _variables, _context, mutation) => {
          if (mutation.meta?.inline || (mutation.meta?.fieldErrors && hasFieldErrors(error))) return;
          onError(error);
        },
      }),
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

/**
 * The person's language from the error's code (`errors.<CODE>` in the dictionaries), with the
 * server's own sentence after it: it names the particulars (amounts, numbers, variables).
 */
export function messageOf(error: Error, t: Translate): string {
  if (!(error instanceof ApiError)) return error.message;
  if (error.code === 'NETWORK') return t('error.network');
  const withDetails = translatedCodes[error.code as keyof typeof translatedCodes];
  if (withDetails) {
    const details = (error.details ?? {}) as { limit?: string; max?: number; number?: string; feature?: string };
    return t(withDetails, { limit: details.limit ? t(`limit.${details.limit}` as 'limit.customers') : '', max: details.max ?? '', number: details.number ?? '', feature: details.feature ?? '' });
  }
  const key = `errors.${error.code}` as TranslationKey;
  if (!(key in id)) return error.message;
  const translated = t(key);
  return error.message && error.message !== translated ? `${translated} (${error.message})` : translated;
}
