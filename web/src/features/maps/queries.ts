import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, query } from '../../api.ts';
import type { BodyOf, Item, ResponseOf } from '../../api/types.ts';
import { keys } from '../../queries.ts';

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

export const useMapData = () => useQuery({ queryKey: keys.mapsData, queryFn: () => api.get<MapData>('/api/maps/data'), staleTime: 30_000 });

export const useOpenOutages = () => useQuery({ queryKey: [...keys.maps, 'outages', 'open'], queryFn: () => api.get<Outage[]>('/api/maps/outages?status=open') });

export const useElementOutages = (elementId: string | null) =>
  useQuery({ queryKey: [...keys.maps, 'outages', 'element', elementId], queryFn: () => api.get<Outage[]>('/api/maps/outages' + query({ elementId, limit: 20 })), enabled: elementId !== null });

export const useBlastRadius = (selection: Selection | null) =>
  useQuery({
    queryKey: [...keys.maps, 'blast-radius', selection?.kind, selection?.id],
    queryFn: () => api.get<BlastRadius>('/api/maps/blast-radius' + query({ kind: selection!.kind, id: selection!.id })),
    enabled: selection !== null,
  });

export const useSuggestions = () => useQuery({ queryKey: [...keys.maps, 'suggestions'], queryFn: () => api.get<Suggestion[]>('/api/maps/suggestions') });

export type Cable = Item<ResponseOf<'/api/maps/cables', 'get'>>;
export const useCables = () => useQuery({ queryKey: [...keys.maps, 'cables'], queryFn: () => api.get<Cable[]>('/api/maps/cables') });
export const useCreateCable = (onSuccess?: () => void) => useMapsMutation((body: BodyOf<'/api/maps/cables', 'post'>) => api.post<Cable>('/api/maps/cables', body), onSuccess);
export const useDeleteCable = () => useMapsMutation((id: string) => api.delete(`/api/maps/cables/${id}`));

export const useMapsSettings = () => useQuery({ queryKey: [...keys.maps, 'settings'], queryFn: () => api.get<MapsSettings>('/api/maps/settings') });

/** Every maps mutation refreshes every maps view (the map's states follow an outage at once). */
function useMapsMutation<V, R>(fn: (vars: V) => Promise<R>, onSuccess?: (result: R) => void) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess, onSettled: () => client.invalidateQueries({ queryKey: keys.maps }) });
}

export const useSetOutage = (onSuccess?: (o: Outage) => void) => useMapsMutation((body: BodyOf<'/api/maps/outages', 'post'>) => api.post<Outage>('/api/maps/outages', body), onSuccess);
export const useClearOutage = (onSuccess?: () => void) => useMapsMutation((id: string) => api.post(`/api/maps/outages/${id}/clear`, {}), onSuccess);
export const useCreateOdc = (onSuccess?: () => void) => useMapsMutation((body: BodyOf<'/api/maps/odcs', 'post'>) => api.post('/api/maps/odcs', body), onSuccess);
export const useCreateOdp = (onSuccess?: () => void) => useMapsMutation((body: BodyOf<'/api/maps/odps', 'post'>) => api.post('/api/maps/odps', body), onSuccess);
export const useMoveElement = () =>
  useMapsMutation(({ kind, id, latitude, longitude }: { kind: 'odc' | 'odp'; id: string; latitude: number; longitude: number }) =>
    api.patch(`/api/maps/${kind}s/${id}`, { latitude, longitude }),
  );
export const useResolveSuggestion = () => useMapsMutation(({ id, accept }: { id: string; accept: boolean }) => api.post<Suggestion>(`/api/maps/suggestions/${id}/${accept ? 'accept' : 'dismiss'}`, accept ? {} : undefined));
export const useUpdateMapsSettings = (onSuccess?: () => void) => useMapsMutation((body: BodyOf<'/api/maps/settings', 'patch'>) => api.patch<MapsSettings>('/api/maps/settings', body), onSuccess);
export const usePreviewImport = () => useMutation({ mutationFn: (body: BodyOf<'/api/maps/import/preview', 'post'>) => api.post<ImportPreview>('/api/maps/import/preview', body) });
export const useCommitImport = (onSuccess?: (r: { imported: number }) => void) =>
  useMapsMutation((body: BodyOf<'/api/maps/import', 'post'>) => api.post<{ kind: string; imported: number }>('/api/maps/import', body), onSuccess);
