import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client, unwrap } from '../../api.ts';
import type { BodyOf } from '../../api/types.ts';
import { queryKeys } from '../../query-keys.ts';

export const useStaff = (options: { enabled?: boolean } = {}) =>
  useQuery({ queryKey: queryKeys.staff.members, queryFn: () => unwrap(client.GET('/api/staff', { params: { query: { limit: 500 } } })), enabled: options.enabled ?? true, staleTime: 30_000 });

export const useInvitations = () => useQuery({ queryKey: queryKeys.staff.invitations, queryFn: () => unwrap(client.GET('/api/staff/invitations')) });

function useStaffMutation<T, R>(mutationFn: (input: T) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, meta: { fieldErrors: true }, onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.staff.all }) });
}

/** The answer carries the one-time token: shown once, never again readable. */
export const useInvite = () => useStaffMutation((body: BodyOf<'/api/staff', 'post'>) => unwrap(client.POST('/api/staff', { body })));

export const useRevokeInvitation = () =>
  useStaffMutation((invitationId: string) => unwrap(client.DELETE('/api/staff/invitations/{invitationId}', { params: { path: { invitationId } } })));

export const useUpdateStaff = () =>
  useStaffMutation(({ userId, ...body }: BodyOf<'/api/staff/{userId}', 'patch'> & { userId: string }) =>
    unwrap(client.PATCH('/api/staff/{userId}', { params: { path: { userId } }, body })),
  );

/** Joins the invitation's tenant: creates the account with `password`, or joins the logged-in one. */
export const useAcceptInvitation = () =>
  useMutation({ meta: { inline: true }, mutationFn: (body: BodyOf<'/api/invitations/accept', 'post'>) => unwrap(client.POST('/api/invitations/accept', { body })) });
