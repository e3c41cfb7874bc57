import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client, unwrap } from '../../api.ts';
import type { BodyOf } from '../../api/types.ts';
import { queryKeys } from '../../query-keys.ts';

export type ImportRequest = BodyOf<'/api/imports/preview', 'post'>;

/** The preview reads only: nothing to invalidate. */
export const useImportPreview = () => useMutation({ mutationFn: (body: ImportRequest) => unwrap(client.POST('/api/imports/preview', { body })) });

export function useRunImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<'/api/imports/run', 'post'>) => unwrap(client.POST('/api/imports/run', { body })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.customers.all });
      await queryClient.invalidateQueries({ queryKey: queryKeys.plans.all });
    },
  });
}
