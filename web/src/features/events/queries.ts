import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client, unwrap } from '../../api.ts';
import type { BodyOf, Item, ResponseOf } from '../../api/types.ts';
import { queryKeys } from '../../query-keys.ts';

export type JobRun = Item<ResponseOf<'/api/admin/jobs/runs', 'get'>>;
export const isUnfinished = (run: JobRun) => run.status === 'pending' || run.status === 'running';

// Delivery counts change by the second and have no live stream of their own: poll while the
// page is open, but not after a failure (one message about it is enough).
const refetchInterval = (query: { state: { status: string } }) => (query.state.status === 'error' ? false : 5_000);

export const useHandlers = () => useQuery({ queryKey: queryKeys.events.handlers, queryFn: () => unwrap(client.GET('/api/admin/events/handlers')), refetchInterval });
export const useBacklog = () => useQuery({ queryKey: queryKeys.events.backlog, queryFn: () => unwrap(client.GET('/api/admin/events/backlog')), refetchInterval });
export const useFailures = (status: 'dead' | 'retrying') =>
  useQuery({ queryKey: queryKeys.events.failures(status), queryFn: () => unwrap(client.GET('/api/admin/events/failures', { params: { query: { status } } })), refetchInterval });

export function useReplay() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (selection: BodyOf<'/api/admin/events/dead-letters/replay', 'post'>) => unwrap(client.POST('/api/admin/events/dead-letters/replay', { body: selection })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.events.all }),
  });
}

export const useJobs = () => useQuery({ queryKey: queryKeys.jobs.list, queryFn: () => unwrap(client.GET('/api/admin/jobs')), staleTime: 60_000 });

/** A run's progress is only in the database: poll while one is unfinished, then stop. */
export const useJobRuns = () =>
  useQuery({
    queryKey: queryKeys.jobs.runs,
    queryFn: () => unwrap(client.GET('/api/admin/jobs/runs', { params: { query: { limit: 20 } } })),
    refetchInterval: (q) => (q.state.status !== 'error' && q.state.data?.some(isUnfinished) ? 1_000 : false),
  });

export function useRunJobNow() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => unwrap(client.POST('/api/admin/jobs/{name}/runs', { params: { path: { name } }, body: {} })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.jobs.runs }),
  });
}
