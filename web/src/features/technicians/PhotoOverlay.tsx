import { Card, Stack, Text } from '@mantine/core';
import L from 'leaflet';
import { useEffect, useRef } from 'react';
import { useT } from '../../i18n.tsx';
import { useTileSource } from '../../components/tile-source.ts';
import { useCan } from '../../session.tsx';
import { usePhotoOverlay } from './queries.ts';

/**
 * technician_photo_overlay: technicians' photos pinned where they were taken (EXIF GPS), or on
 * the element of their task, as thumbnails; a click opens the photo. Shown to people who may
 * see tasks (never collectors), beside the FTTH map.
 */
export function PhotoOverlay() {
  const t = useT();
  const can = useCan();
  const allowed = can('tasks.read');
  const photos = usePhotoOverlay(allowed);
  const container = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const layer = useRef<L.LayerGroup | null>(null);
  const tiles = useTileSource();
  const [tileUrl, tileAttribution] = [tiles?.url, tiles?.attribution];

  useEffect(() => {
    if (!allowed || !container.current || map.current) return;
    map.current = L.map(container.current, { zoomControl: true }).setView([-7.78, 110.37], 12);
    layer.current = L.layerGroup().addTo(map.current);
    return () => {
      map.current?.remove();
      map.current = null;
    };
  }, [allowed]);

  // The same tiles as the FTTH map beside it (none configured: a plain background).
  useEffect(() => {
    if (!map.current || !tileUrl) return;
    const tileLayer = L.tileLayer(tileUrl, { attribution: tileAttribution, maxZoom: 19 }).addTo(map.current);
    return () => {
      tileLayer.remove();
    };
  }, [tileUrl, tileAttribution]);

  useEffect(() => {
    const group = layer.current;
    if (!group || !photos.data) return;
    group.clearLayers();
    for (const p of photos.data) {
      const icon = L.divIcon({ className: 'photo-pin', html: `<img src="${p.thumbnailUrl}" alt="" width="40" height="40" style="object-fit:cover;border:2px solid ${p.placedBy === 'gps' ? '#1c7ed6' : '#868e96'};border-radius:6px" data-photo-pin="${p.placedBy}"/>`, iconSize: [44, 44] });
      L.marker([p.latitude, p.longitude], { icon, title: `#${p.taskNumber ?? ''} ${p.elementName}` })
        .on('click', () => window.open(p.url, '_blank', 'noopener'))
        .addTo(group);
    }
    if (photos.data.length) map.current!.fitBounds(L.latLngBounds(photos.data.map((p) => [p.latitude, p.longitude] as [number, number])).pad(0.3), { maxZoom: 17 });
  }, [photos.data]);

  if (!allowed) return null;
  return (
    <Card withBorder padding="sm" data-testid="photo-overlay">
      <Stack gap={4}>
        <Text fw={600}>{t('tasks.overlayTitle')}</Text>
        <Text size="xs" c="dimmed">
          {t('tasks.overlayHelp', { count: photos.data?.length ?? 0 })}
        </Text>
        <div ref={container} style={{ height: 260, width: '100%', borderRadius: 6 }} />
      </Stack>
    </Card>
  );
}
