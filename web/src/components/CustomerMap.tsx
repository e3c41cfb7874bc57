import { CircleMarker, MapContainer, Popup, TileLayer } from 'react-leaflet';
import { Link } from 'react-router';
import type { Customer } from '../api/types.ts';
import { useTileSource } from './tile-source.ts';

export type MapCustomer = Pick<Customer, 'id' | 'code' | 'name' | 'latitude' | 'longitude'> & { isolated: boolean };

/**
 * Customers as dots on the tenant's configured map tiles: red while isolated. Circle markers need no image
 * assets (Leaflet's default pin images don't survive bundling).
 */
export function CustomerMap({ customers, height = 360 }: { customers: MapCustomer[]; height?: number }) {
  const tiles = useTileSource();
  const placed = customers.filter((c) => c.latitude !== null && c.longitude !== null);
  if (placed.length === 0) return null;
  const bounds = placed.map((c) => [c.latitude!, c.longitude!] as [number, number]);
  return (
    <MapContainer
      bounds={bounds}
      boundsOptions={{ padding: [24, 24], maxZoom: 16 }}
      style={{ height, width: '100%', borderRadius: 8 }}
      scrollWheelZoom={false}
    >
      {tiles && <TileLayer attribution={tiles.attribution} url={tiles.url} />}
      {placed.map((c) => (
        <CircleMarker
          key={c.id}
          center={[c.latitude!, c.longitude!]}
          radius={8}
          pathOptions={{ color: c.isolated ? '#c92a2a' : '#0b7285', fillOpacity: 0.7 }}
        >
          <Popup>
            <Link to={`/customers/${c.id}`}>
              {c.code} · {c.name}
            </Link>
          </Popup>
        </CircleMarker>
      ))}
    </MapContainer>
  );
}
