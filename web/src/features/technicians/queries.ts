import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, client, filters, unwrap } from '../../api.ts';
import type { paths } from '../../api/schema.d.ts';
import type { BodyOf, Item, ResponseOf } from '../../api/types.ts';
import { queryKeys } from '../../query-keys.ts';

/** The technicians feature's shapes, from the generated API types. */
export type Task = Item<ResponseOf<'/api/tasks', 'get'>>;
export type TaskStatus = Task['status'];
export type Activity = Item<ResponseOf<'/api/tasks/{id}/activities', 'get'>>;
export type HistoryEntry = Item<ResponseOf<'/api/tasks/{id}/history', 'get'>>;
export type OverlayPhoto = Item<ResponseOf<'/api/photos/overlay', 'get'>>;
export type TaskPhoto = Item<ResponseOf<'/api/tasks/{id}/photos', 'get'>>;
export type NewTask = BodyOf<'/api/tasks', 'post'>;

const keys = queryKeys.tasks;
const path = (id: string) => ({ params: { path: { id } } });

/** The board's filters: a status, 'active' (not done or cancelled) or 'all'; one technician. */
export type TaskFilter = NonNullable<paths['/api/tasks']['get']['parameters']['query']>;
export const useTasks = (params: TaskFilter) => useQuery({ queryKey: keys.list(params), queryFn: () => unwrap(client.GET('/api/tasks', { params: { query: filters(params) } })) });
export const useTask = (id: string) => useQuery({ queryKey: keys.one(id), queryFn: () => unwrap(client.GET('/api/tasks/{id}', path(id))) });
export const useTaskActivities = (id: string) => useQuery({ queryKey: keys.activities(id), queryFn: () => unwrap(client.GET('/api/tasks/{id}/activities', path(id))) });
export const useTaskPhotos = (id: string) => useQuery({ queryKey: keys.photos(id), queryFn: () => unwrap(client.GET('/api/tasks/{id}/photos', path(id))) });
export const useTaskHistory = (id: string) => useQuery({ queryKey: keys.history(id), queryFn: () => unwrap(client.GET('/api/tasks/{id}/history', path(id))) });
export const usePhotoOverlay = (enabled: boolean) => useQuery({ queryKey: keys.overlay, queryFn: () => unwrap(client.GET('/api/photos/overlay')), enabled, staleTime: 60_000 });

function useTasksMutation<V, R>(fn: (vars: V) => Promise<R>, onSuccess?: (result: R) => void) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess, onSettled: () => queryClient.invalidateQueries({ queryKey: keys.all }) });
}

export const useCreateTask = (onSuccess?: (task: Task) => void) => useTasksMutation((body: NewTask) => unwrap(client.POST('/api/tasks', { body })), onSuccess);
export const useChangeStatus = (id: string, onSuccess?: () => void) =>
  useTasksMutation((body: BodyOf<'/api/tasks/{id}/status', 'post'>) => unwrap(client.POST('/api/tasks/{id}/status', { ...path(id), body })), onSuccess);
export const useAssign = (id: string) => useTasksMutation((assigneeIds: string[]) => unwrap(client.PUT('/api/tasks/{id}/assignees', { ...path(id), body: { assigneeIds } })));
export const useReportFix = (id: string) => useTasksMutation(() => unwrap(client.POST('/api/tasks/{id}/outage-fix', { ...path(id), body: {} })));

// ---- the offline queue: notes and photos wait in localStorage until the signal is back ----

/** One queued item; `key` is its Idempotency-Key, so a resend after a lost answer is stored once. */
export type QueuedItem = { key: string; taskId: string; kind: 'activity'; note: string; status?: 'on_the_way' | 'working' } | { key: string; taskId: string; kind: 'photo'; dataUrl: string; name: string };
const STORAGE_KEY = 'simpul.fieldQueue';

export const readQueue = (): QueuedItem[] => {
  try {
    return JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]') as QueuedItem[];
  } catch {
    return [];
  }
};
const writeQueue = (items: QueuedItem[]) => {
  localStorage.setItem(STORAGE_KEY, JSON.stringify(items));
  window.dispatchEvent(new Event('simpul-queue'));
};
type NewItem = QueuedItem extends infer I ? (I extends QueuedItem ? Omit<I, 'key'> : never) : never;
export const enqueue = (item: NewItem) => writeQueue([...readQueue(), { ...item, key: crypto.randomUUID() } as QueuedItem]);

async function send(item: QueuedItem) {
  if (item.kind === 'activity') {
    return api.postOnce(`/api/tasks/${item.taskId}/activities`, { note: item.note, ...(item.status ? { status: item.status } : {}) }, item.key);
  }
  const blob = await (await fetch(item.dataUrl)).blob();
  const form = new FormData();
  form.append('file', blob, item.name);
  let response: Response;
  try {
    response = await fetch(`/api/tasks/${item.taskId}/photos`, { method: 'POST', body: form, credentials: 'same-origin', headers: { 'idempotency-key': item.key } });
  } catch {
    throw new ApiError(0, 'NETWORK', 'network');
  }
  if (!response.ok) {
    const error = ((await response.json().catch(() => ({}))) as { error?: { code?: string; message?: string } }).error;
    throw new ApiError(response.status, error?.code ?? `HTTP_${response.status}`, error?.message ?? response.statusText);
  }
  return response.json();
}

let flushing = false;
/**
 * Sends the queue in order, each item once: it leaves the queue when the server stored it (or
 * refused it for good, reported through `onRefused`); a network failure stops until next time.
 */
export async function flushQueue(onRefused: (error: ApiError) => void): Promise<number> {
  if (flushing) return 0;
  flushing = true;
  let sent = 0;
  try {
    for (let item = readQueue()[0]; item; item = readQueue()[0]) {
      try {
        await send(item);
        sent += 1;
      } catch (error) {
        if (error instanceof ApiError && error.code === 'NETWORK') break;
        if (error instanceof ApiError) onRefused(error);
        else throw error;
      }
      writeQueue(readQueue().filter((q) => q.key !== item!.key));
    }
  } finally {
    flushing = false;
  }
  return sent;
}
