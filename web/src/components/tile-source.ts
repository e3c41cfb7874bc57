import { useQuery } from '@tanstack/react-query';
import { client, unwrap } from '../api.ts';
import { queryKeys } from '../query-keys.ts';
import { useCan } from '../session.tsx';

/**
 * The map tiles configured for this tenant (its own source, else the deployment's MAP_TILE_URL),
 * from the map data (asked for one element of each kind: only the tiles are wanted here).
 * Nobody else, and no configured source, gets no tiles: a plain background, never a public server.
 */
export function useTileSource(): { url: string; attribution: string } | null {
  const can = useCan();
  const data = useQuery({ queryKey: queryKeys.maps.data({ limit: 1 }), queryFn: () => unwrap(client.GET('/api/maps/data', { params: { query: { limit: 1 } } })), staleTime: 30_000, enabled: can('maps.read') });
  const tiles = data.data?.tiles;
  return tiles?.url ? { url: tiles.url, attribution: tiles.attribution } : null;
}
