import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client, unwrap } from '../../api.ts';
import type { BodyOf } from '../../api/types.ts';
import { queryKeys } from '../../query-keys.ts';

export { usePlans } from '../customers/queries.ts';

export function useCreatePlan() {
  const queryClient = useQueryClient();
  return useMutation({
    meta: { fieldErrors: true },
    mutationFn: (body: BodyOf<'/api/plans', 'post'>) => unwrap(client.POST('/api/plans', { body })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.plans.all }),
  });
}

/** Speeds, price, router profile, or `isActive: false` to retire the paket (its customers keep it; new ones can't pick it). */
export function useUpdatePlan() {
  const queryClient = useQueryClient();
  return useMutation({
    meta: { fieldErrors: true },
    mutationFn: ({ planId, ...body }: BodyOf<'/api/plans/{planId}', 'patch'> & { planId: string }) =>
      unwrap(client.PATCH('/api/plans/{planId}', { params: { path: { planId } }, body })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.plans.all }),
  });
}
