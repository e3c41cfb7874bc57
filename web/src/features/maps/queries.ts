import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client as http, unwrap } from '../../api.ts';
import type { BodyOf, Item, ResponseOf } from '../../api/types.ts';
import { queryKeys } from '../../query-keys.ts';

/** The maps feature's shapes, from the generated API types. */
export type MapData = ResponseOf<'/api/maps/data', 'get'>;
export type LegendLetter = MapData['odcs'][number]['state'];
export type Outage = Item<ResponseOf<'/api/maps/outages', 'get'>>;
export type OutageDetail = ResponseOf<'/api/maps/outages/{id}', 'get'>;
export type BlastRadius = ResponseOf<'/api/maps/blast-radius', 'get'>;
export type Suggestion = Item<ResponseOf<'/api/maps/suggestions', 'get'>>;
export type MapsSettings = ResponseOf<'/api/maps/settings', 'get'>;
export type ImportPreview = ResponseOf<'/api/maps/import/preview', 'post'>;
export type ElementKind = BlastRadius['element']['kind'];
export type Selection = { kind: ElementKind; id: string };

export const useMapData = () => useQuery({ queryKey: queryKeys.maps.data, queryFn: () => unwrap(http.GET('/api/maps/data')), staleTime: 30_000 });

export const useOpenOutages = () => useQuery({ queryKey: [...queryKeys.maps.all, 'outages', 'open'], queryFn: () => unwrap(http.GET('/api/maps/outages', { params: { query: { status: 'open' } } })) });

export const useElementOutages = (elementId: string | null) =>
  useQuery({ queryKey: [...queryKeys.maps.all, 'outages', 'element', elementId], queryFn: () => unwrap(http.GET('/api/maps/outages', { params: { query: { elementId: elementId!, limit: 20 } } })), enabled: elementId !== null });

export const useBlastRadius = (selection: Selection | null) =>
  useQuery({
    queryKey: [...queryKeys.maps.all, 'blast-radius', selection?.kind, selection?.id],
    queryFn: () => unwrap(http.GET('/api/maps/blast-radius', { params: { query: { kind: selection!.kind, id: selection!.id } } })),
    enabled: selection !== null,
  });

export const useSuggestions = () => useQuery({ queryKey: [...queryKeys.maps.all, 'suggestions'], queryFn: () => unwrap(http.GET('/api/maps/suggestions')) });

export type Cable = Item<ResponseOf<'/api/maps/cables', 'get'>>;
export const useCables = () => useQuery({ queryKey: [...queryKeys.maps.all, 'cables'], queryFn: () => unwrap(http.GET('/api/maps/cables')) });
export const useCreateCable = (onSuccess?: () => void) => useMapsMutation((body: BodyOf<'/api/maps/cables', 'post'>) => unwrap(http.POST('/api/maps/cables', { body })), onSuccess);
export const useDeleteCable = () => useMapsMutation((id: string) => unwrap(http.DELETE('/api/maps/cables/{id}', { params: { path: { id } } })));

export const useMapsSettings = () => useQuery({ queryKey: [...queryKeys.maps.all, 'settings'], queryFn: () => unwrap(http.GET('/api/maps/settings')) });

/** Every maps mutation refreshes every maps view (the map's states follow an outage at once). */
function useMapsMutation<V, R>(fn: (vars: V) => Promise<R>, onSuccess?: (result: R) => void) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess, onSettled: () => client.invalidateQueries({ queryKey: queryKeys.maps.all }) });
}

export const useSetOutage = (onSuccess?: (o: Outage) => void) => useMapsMutation((body: BodyOf<'/api/maps/outages', 'post'>) => unwrap(http.POST('/api/maps/outages', { body })), onSuccess);
export const useClearOutage = (onSuccess?: () => void) => useMapsMutation((id: string) => unwrap(http.POST('/api/maps/outages/{id}/clear', { params: { path: { id } }, body: {} })), onSuccess);
export const useCreateOdc = (onSuccess?: () => void) => useMapsMutation((body: BodyOf<'/api/maps/odcs', 'post'>) => unwrap(http.POST('/api/maps/odcs', { body })), onSuccess);
export const useCreateOdp = (onSuccess?: () => void) => useMapsMutation((body: BodyOf<'/api/maps/odps', 'post'>) => unwrap(http.POST('/api/maps/odps', { body })), onSuccess);
export const useMoveElement = () =>
  useMapsMutation(({ kind, id, latitude, longitude }: { kind: 'odc' | 'odp'; id: string; latitude: number; longitude: number }) =>
    kind === 'odc'
      ? unwrap(http.PATCH('/api/maps/odcs/{id}', { params: { path: { id } }, body: { latitude, longitude } })).then(() => undefined)
      : unwrap(http.PATCH('/api/maps/odps/{id}', { params: { path: { id } }, body: { latitude, longitude } })).then(() => undefined),
  );
export const useResolveSuggestion = () => useMapsMutation(({ id, accept }: { id: string; accept: boolean }) => accept ? unwrap(http.POST('/api/maps/suggestions/{id}/accept', { params: { path: { id } }, body: {} })) : unwrap(http.POST('/api/maps/suggestions/{id}/dismiss', { params: { path: { id } } })));
export const useUpdateMapsSettings = (onSuccess?: () => void) => useMapsMutation((body: BodyOf<'/api/maps/settings', 'patch'>) => unwrap(http.PATCH('/api/maps/settings', { body })), onSuccess);
export const usePreviewImport = () => useMutation({ mutationFn: (body: BodyOf<'/api/maps/import/preview', 'post'>) => unwrap(http.POST('/api/maps/import/preview', { body })) });
export const useCommitImport = (onSuccess?: (r: { imported: number }) => void) =>
  useMapsMutation((body: BodyOf<'/api/maps/import', 'post'>) => unwrap(http.POST('/api/maps/import', { body })), onSuccess);
