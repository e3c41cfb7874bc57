import { CircleMarker, MapContainer, TileLayer, useMapEvents } from 'react-leaflet';
import { useTileSource } from '../../components/tile-source.ts';

/** Where Indonesian ISPs are, for an empty map: Yogyakarta. */
const defaultCenter: [number, number] = [-7.7956, 110.3695];

function ClickToPlace({ onPick }: { onPick: (latitude: number, longitude: number) => void }) {
  useMapEvents({ click: (event) => onPick(Number(event.latlng.lat.toFixed(6)), Number(event.latlng.lng.toFixed(6))) });
  return null;
}

/** Pick a customer's coordinates with a click on the map; the dot shows the chosen place. */
export function LocationPicker({
  latitude,
  longitude,
  onPick,
  height = 220,
}: {
  latitude: number | null;
  longitude: number | null;
  onPick: (latitude: number, longitude: number) => void;
  height?: number;
}) {
  const placed = latitude !== null && longitude !== null;
  const tiles = useTileSource();
  return (
    <div data-testid="location-picker" style={{ position: 'relative', zIndex: 0 }}>
      <MapContainer
        center={placed ? [latitude, longitude] : defaultCenter}
        zoom={placed ? 16 : 12}
        style={{ height, width: '100%', borderRadius: 8 }}
        scrollWheelZoom={false}
      >
        {tiles && <TileLayer attribution={tiles.attribution} url={tiles.url} />}
        <ClickToPlace onPick={onPick} />
        {placed && <CircleMarker center={[latitude, longitude]} radius={8} pathOptions={{ color: '#0b7285', fillOpacity: 0.7 }} />}
      </MapContainer>
    </div>
  );
}
