import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client, unwrap } from '../../api.ts';
import type { BodyOf } from '../../api/types.ts';
import { queryKeys } from '../../query-keys.ts';

export type ImportRequest = BodyOf<'/api/imports/preview', 'post'>;
const working = (status: string | undefined) => status === 'queued' || status === 'running';

/** The preview reads only: nothing to invalidate. */
export const useImportPreview = () => useMutation({ mutationFn: (body: ImportRequest) => unwrap(client.POST('/api/imports/preview', { body })) });

/** Confirm: queues the job; the page follows it with `useImportJob`. */
export function useQueueImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<'/api/imports/jobs', 'post'>) => unwrap(client.POST('/api/imports/jobs', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.imports.all }),
  });
}

export const useImportJobs = () => useQuery({ queryKey: queryKeys.imports.jobs, queryFn: () => unwrap(client.GET('/api/imports/jobs')) });

/**
 * One job, polled every second while the worker imports it (its counts move chunk by chunk);
 * when it ends, the customers and pakets it created are fetched again.
 */
export function useImportJob(jobId: string | null) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: queryKeys.imports.job(jobId ?? ''),
    enabled: jobId !== null,
    queryFn: async () => {
      const job = await unwrap(client.GET('/api/imports/jobs/{jobId}', { params: { path: { jobId: jobId! } } }));
      if (!working(job.status)) {
        await queryClient.invalidateQueries({ queryKey: queryKeys.customers.all });
        await queryClient.invalidateQueries({ queryKey: queryKeys.plans.all });
      }
      return job;
    },
    refetchInterval: (query) => (working(query.state.data?.status) ? 1_000 : false),
  });
}
