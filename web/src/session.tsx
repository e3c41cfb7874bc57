import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { ApiError, client, unwrap } from './api.ts';
import { useI18n } from './i18n.tsx';
import type { Me } from './api/types.ts';
import { queryKeys } from './query-keys.ts';


/** Who is logged in; `null` when nobody is (the API answered 401). */
export function useMe() {
  return useQuery({
    queryKey: queryKeys.me,
    queryFn: async () => {
      try {
        return await unwrap(client.GET('/api/me'));
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: Infinity,
  });
}

/** The logged-in person (only call below the login gate). */
export function useSession(): Me {
  const { data } = useMe();
  if (!data) throw new Error('useSession without a session');
  return data;
}

/** Whether the person may use a permission in the active tenant (from /api/me, never from role names). */
export function useCan() {
  const me = useSession();
  return (permission: string) => me.permissions.includes(permission);
}

export function useActiveTenant() {
  const me = useSession();
  return me.tenants.find((t) => t.id === me.activeTenantId) ?? null;
}

/** Everything cached belonged to the previous person or tenant: drop it, keep the new `me`. */
function useReplaceSession() {
  const queryClient = useQueryClient();
  return (me: Me | null) => {
    queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== queryKeys.me[0] });
    queryClient.setQueryData(queryKeys.me, me);
  };
}

export function useLogin() {
  const replace = useReplaceSession();
  return useMutation({
    mutationFn: (credentials: { email: string; password: string }) => unwrap(client.POST('/api/auth/login', { body: credentials })),
    onSuccess: replace,
  });
}

export function useLogout() {
  const replace = useReplaceSession();
  return useMutation({ mutationFn: () => unwrap(client.POST('/api/auth/logout')), onSettled: () => replace(null) });
}

export function useSwitchTenant() {
  const replace = useReplaceSession();
  return useMutation({ mutationFn: (tenantId: string) => unwrap(client.POST('/api/me/tenant', { body: { tenantId } })), onSuccess: replace });
}

/** Money, dates and times as people in the tenant read them: rupiah, the tenant's time zone. */
export function useFormat() {
  const { locale } = useI18n();
  const { data: me } = useMe();
  const timeZone = me?.tenants.find((t) => t.id === me.activeTenantId)?.timeZone ?? 'Asia/Jakarta';
  return useMemo(() => {
    const money = new Intl.NumberFormat(locale, { style: 'currency', currency: 'IDR', maximumFractionDigits: 0 });
    const dateTime = new Intl.DateTimeFormat(locale, { timeZone, dateStyle: 'medium', timeStyle: 'short' });
    // Calendar dates ('2026-12-10') have no time zone: format them as they are.
    const calendarDate = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', dateStyle: 'medium' });
    const month = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', month: 'long', year: 'numeric' });
    const dayKey = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    return {
      money: (amount: number) => money.format(amount),
      dateTime: (iso: string) => dateTime.format(new Date(iso)),
      date: (day: string) => calendarDate.format(new Date(`${day}T00:00:00Z`)),
      month: (day: string) => month.format(new Date(`${day}T00:00:00Z`)),
      /** The tenant's local calendar day of an instant, as YYYY-MM-DD. */
      localDay: (instant: string | Date) => dayKey.format(new Date(instant)),
    };
  }, [locale, timeZone]);
}
