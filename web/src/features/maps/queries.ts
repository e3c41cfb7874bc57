import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client, unwrap } from '../../api.ts';
import type { BodyOf, Item, ResponseOf } from '../../api/types.ts';
import { queryKeys } from '../../query-keys.ts';

/** The maps feature's shapes, from the generated API types. */
export type MapData = ResponseOf<'/api/maps/data', 'get'>;
export type LegendLetter = MapData['odcs'][number]['state'];
export type Outage = Item<ResponseOf<'/api/maps/outages', 'get'>>;
export type BlastRadius = ResponseOf<'/api/maps/blast-radius', 'get'>;
export type Suggestion = Item<ResponseOf<'/api/maps/suggestions', 'get'>>;
export type MapsSettings = ResponseOf<'/api/maps/settings', 'get'>;
export type ImportPreview = ResponseOf<'/api/maps/import/preview', 'post'>;
export type Cable = Item<ResponseOf<'/api/maps/cables', 'get'>>;
export type ElementKind = BlastRadius['element']['kind'];
export type Selection = { kind: ElementKind; id: string };

/** Customers drawn at most per view (the map clusters them); more in the view: zoom in. */
export const MAP_VIEW_LIMIT = 20_000;
/**
 * The map's data for a view (`west,south,east,north`; null before the map has one: the whole
 * tenant, capped). The previous view's data stays drawn while the next one loads.
 */
export const useMapData = (bbox: string | null) =>
  useQuery({
    queryKey: queryKeys.maps.data({ bbox }),
    queryFn: () => unwrap(client.GET('/api/maps/data', { params: { query: { limit: MAP_VIEW_LIMIT, ...(bbox ? { bbox } : {}) } } })),
    staleTime: 30_000,
    placeholderData: keepPreviousData,
  });

export const useOpenOutages = () =>
  useQuery({ queryKey: queryKeys.maps.outages({ status: 'open' }), queryFn: () => unwrap(client.GET('/api/maps/outages', { params: { query: { status: 'open' } } })) });

export const useElementOutages = (elementId: string | null) =>
  useQuery({
    queryKey: queryKeys.maps.outages({ elementId }),
    queryFn: () => unwrap(client.GET('/api/maps/outages', { params: { query: { elementId: elementId!, limit: 20 } } })),
    enabled: elementId !== null,
  });

export const useBlastRadius = (selection: Selection | null) =>
  useQuery({
    queryKey: queryKeys.maps.blastRadius(selection?.kind, selection?.id),
    queryFn: () => unwrap(client.GET('/api/maps/blast-radius', { params: { query: { kind: selection!.kind, id: selection!.id } } })),
    enabled: selection !== null,
  });

export const useSuggestions = () => useQuery({ queryKey: queryKeys.maps.suggestions, queryFn: () => unwrap(client.GET('/api/maps/suggestions')) });
/** ODCs or ODPs by code, for pickers (the first `limit`; the server refuses more than 5,000). */
export const useMapElements = (kind: 'odc' | 'odp', enabled = true, limit = 2000) =>
  useQuery({
    queryKey: queryKeys.maps.elements(kind, { limit }),
    queryFn: async () => (kind === 'odc' ? unwrap(client.GET('/api/maps/odcs', { params: { query: { limit } } })) : unwrap(client.GET('/api/maps/odps', { params: { query: { limit } } }))),
    enabled,
  });
export const useCables = () => useQuery({ queryKey: queryKeys.maps.cables, queryFn: () => unwrap(client.GET('/api/maps/cables')) });
export const useMapsSettings = () => useQuery({ queryKey: queryKeys.maps.settings, queryFn: () => unwrap(client.GET('/api/maps/settings')) });

/** Every maps mutation refreshes every maps view (the map's states follow an outage at once). */
function useMapsMutation<V, R>(fn: (vars: V) => Promise<R>, onSuccess?: (result: R) => void) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess, onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.maps.all }) });
}

export const useSetOutage = (onSuccess?: (o: Outage) => void) => useMapsMutation((body: BodyOf<'/api/maps/outages', 'post'>) => unwrap(client.POST('/api/maps/outages', { body })), onSuccess);
export const useClearOutage = (onSuccess?: () => void) =>
  useMapsMutation((id: string) => unwrap(client.POST('/api/maps/outages/{id}/clear', { params: { path: { id } }, body: {} })), onSuccess);
export const useCreateOdc = (onSuccess?: () => void) => useMapsMutation((body: BodyOf<'/api/maps/odcs', 'post'>) => unwrap(client.POST('/api/maps/odcs', { body })), onSuccess);
export const useCreateOdp = (onSuccess?: () => void) => useMapsMutation((body: BodyOf<'/api/maps/odps', 'post'>) => unwrap(client.POST('/api/maps/odps', { body })), onSuccess);
export const useMoveElement = () =>
  useMapsMutation(async ({ kind, id, latitude, longitude }: { kind: 'odc' | 'odp'; id: string; latitude: number; longitude: number }): Promise<void> => {
    if (kind === 'odc') await unwrap(client.PATCH('/api/maps/odcs/{id}', { params: { path: { id } }, body: { latitude, longitude } }));
    else await unwrap(client.PATCH('/api/maps/odps/{id}', { params: { path: { id } }, body: { latitude, longitude } }));
  });
export const useResolveSuggestion = () =>
  useMapsMutation(async ({ id, accept }: { id: string; accept: boolean }): Promise<Suggestion> =>
    accept
      ? await unwrap(client.POST('/api/maps/suggestions/{id}/accept', { params: { path: { id } }, body: {} }))
      : await unwrap(client.POST('/api/maps/suggestions/{id}/dismiss', { params: { path: { id } } })),
  );
export const useUpdateMapsSettings = (onSuccess?: () => void) => useMapsMutation((body: BodyOf<'/api/maps/settings', 'patch'>) => unwrap(client.PATCH('/api/maps/settings', { body })), onSuccess);
export const useCreateCable = (onSuccess?: () => void) => useMapsMutation((body: BodyOf<'/api/maps/cables', 'post'>) => unwrap(client.POST('/api/maps/cables', { body })), onSuccess);
export const useDeleteCable = () => useMapsMutation((id: string) => unwrap(client.DELETE('/api/maps/cables/{id}', { params: { path: { id } } })));
export const usePreviewImport = () => useMutation({ mutationFn: (body: BodyOf<'/api/maps/import/preview', 'post'>) => unwrap(client.POST('/api/maps/import/preview', { body })) });
export const useCommitImport = (onSuccess?: (r: { imported: number }) => void) =>
  useMapsMutation((body: BodyOf<'/api/maps/import', 'post'>) => unwrap(client.POST('/api/maps/import', { body })), onSuccess);
