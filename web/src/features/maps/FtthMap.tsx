import L from 'leaflet';
import { useEffect, useMemo, useRef, useState } from 'react';
import { colorOf, priorityOf } from './legend.ts';
import type { LegendLetter, MapData, Selection } from './queries.ts';

export type MapFilter = { odc: number | null; odp: number | null; states: ReadonlySet<LegendLetter> };

type Props = {
  data: MapData;
  filter: MapFilter;
  /** The blast radius of the selected element: everything else is drawn faded. */
  highlight: { odpIds: ReadonlySet<string>; customerIds: ReadonlySet<string> } | null;
  /** Markers can be dragged to a new place (ODC/ODP). */
  editable: boolean;
  /** The next click on the map places a new element there. */
  placing: boolean;
  /** A cable route being drawn: every click adds a point. */
  drawing: [number, number][] | null;
  onDrawPoint: (lat: number, lng: number) => void;
  onPlace: (lat: number, lng: number) => void;
  onSelect: (selection: Selection) => void;
  onMove: (kind: 'odc' | 'odp', id: string, lat: number, lng: number) => void;
  onTilesFailed: () => void;
  /** The view moved: the area to load (`west,south,east,north`, padded and rounded so small pans reuse it). */
  onViewChange: (bbox: string) => void;
  height: number | string;
};

/** The view padded by a quarter and rounded outward to 0.01° (~1 km): a small pan asks nothing new. */
export function viewBbox(bounds: L.LatLngBounds): string {
  const b = bounds.pad(0.25);
  const down = (v: number, min: number) => Math.max(min, Math.floor(v * 100) / 100).toFixed(2);
  const up = (v: number, max: number) => Math.min(max, Math.ceil(v * 100) / 100).toFixed(2);
  return [down(b.getWest(), -180), down(b.getSouth(), -90), up(b.getEast(), 180), up(b.getNorth(), 90)].join(',');
}

/** Up to this many customers in view are drawn one by one (SVG); more are clustered on a grid. */
const SINGLE_LIMIT = 1500;
/** Up to this many ODPs in view are draggable markers with lines to their ODC; more are dots. */
const ODP_MARKER_LIMIT = 400;
const CLUSTER_CELL_PX = 56;

/**
 * The FTTH map on plain Leaflet: ODCs, ODPs and customers in their legend colours. Only what is
 * in view is drawn, so 20,000+ customers stay smooth: below zoom 16 with many in view they are
 * grouped per 56-pixel cell (a count in the colour of the cell's worst state), one click zooms
 * in. Without a tile source, or when tiles fail, the topology stays on a plain background.
 */
export function FtthMap(props: Props) {
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<L.Map | null>(null);
  const layers = useRef<{ cables: L.LayerGroup; lines: L.LayerGroup; customers: L.LayerGroup; odps: L.LayerGroup; odcs: L.LayerGroup; svg: L.Renderer; canvas: L.Renderer } | null>(null);
  const latest = useRef(props);
  latest.current = props;
  const [viewVersion, setViewVersion] = useState(0);

  // Where each customer is drawn: its own coordinates, else beside its ODP (a small spiral).
  const positions = useMemo(() => {
    const { customers, odps } = props.data;
    const out: (L.LatLng | null)[] = [];
    const seen = new Map<number, number>();
    for (let i = 0; i < customers.ids.length; i++) {
      const lat = customers.lat[i];
      const lng = customers.lng[i];
      if (lat !== null && lat !== undefined && lng !== null && lng !== undefined) {
        out.push(L.latLng(lat, lng));
        continue;
      }
      const odp = odps[customers.odp[i]!];
      if (!odp) {
        out.push(null);
        continue;
      }
      const k = (seen.get(customers.odp[i]!) ?? 0) + 1;
      seen.set(customers.odp[i]!, k);
      const angle = k * 2.399963; // golden angle
      const r = 0.00012 * Math.sqrt(k);
      out.push(L.latLng(odp.lat + r * Math.cos(angle), odp.lng + r * Math.sin(angle)));
    }
    return out;
  }, [props.data]);
  const positionsRef = useRef(positions);
  positionsRef.current = positions;

  // The map, once.
  useEffect(() => {
    const map = L.map(container.current!, { zoomControl: true, preferCanvas: false, attributionControl: true });
    const svg = L.svg({ padding: 0.3 });
    const canvas = L.canvas({ padding: 0.3 });
    layers.current = {
      cables: L.layerGroup().addTo(map),
      lines: L.layerGroup().addTo(map),
      customers: L.layerGroup().addTo(map),
      odps: L.layerGroup().addTo(map),
      odcs: L.layerGroup().addTo(map),
      svg,
      canvas,
    };
    map.on('moveend zoomend', () => setViewVersion((v) => v + 1));
    map.on('moveend', () => latest.current.onViewChange(viewBbox(map.getBounds())));
    map.on('click', (e: L.LeafletMouseEvent) => {
      const lat = Math.round(e.latlng.lat * 1e6) / 1e6;
      const lng = Math.round(e.latlng.lng * 1e6) / 1e6;
      if (latest.current.placing) latest.current.onPlace(lat, lng);
      else if (latest.current.drawing) latest.current.onDrawPoint(lat, lng);
    });
    mapRef.current = map;
    const all = [...latest.current.data.odcs, ...latest.current.data.odps].map((e) => L.latLng(e.lat, e.lng));
    for (const p of positionsRef.current) if (p) all.push(p);
    if (all.length) map.fitBounds(L.latLngBounds(all), { padding: [24, 24], maxZoom: 17 });
    else map.setView([-7.8, 110.37], 12);
    return () => {
      map.remove();
      mapRef.current = null;
    };
  }, []);

  // The tile source (none = plain background).
  const tileUrl = props.data.tiles.url;
  const tileAttribution = props.data.tiles.attribution;
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !tileUrl) return;
    let failures = 0;
    const tiles = L.tileLayer(tileUrl, { attribution: tileAttribution, maxZoom: 19 });
    tiles.on('tileerror', () => {
      failures += 1;
      if (failures === 3) latest.current.onTilesFailed();
    });
    tiles.addTo(map);
    return () => {
      tiles.remove();
    };
  }, [tileUrl, tileAttribution]);

  useEffect(() => {
    if (container.current) container.current.style.cursor = props.placing || props.drawing ? 'crosshair' : '';
  }, [props.placing, props.drawing]);

  // What is in view, drawn again after every move and every change of data, filter or selection.
  useEffect(() => {
    const map = mapRef.current;
    const l = layers.current;
    if (!map || !l) return;
    const { data, filter, highlight, editable } = latest.current;
    for (const layer of [l.cables, l.lines, l.customers, l.odps, l.odcs]) layer.clearLayers();
    const view = map.getBounds().pad(0.15);
    const zoom = map.getZoom();
    const faded = (inRadius: boolean) => (highlight && !inRadius ? 0.2 : 1);

    // Cables (few): always drawn, in their kind's blue, or the colour of the outage they serve.
    for (const cable of data.cables) {
      const style = cableStyle[cable.kind];
      const line = L.polyline(cable.points as [number, number][], { color: cable.state === 'n' ? style.color : colorOf[cable.state], weight: style.weight, opacity: 0.85, renderer: l.svg, className: `ftth-cable ftth-cable-${cable.state}` });
      line.bindTooltip(`${cable.name} · ${cable.lengthM} m`, { sticky: true });
      l.cables.addLayer(line);
    }
    const drawing = latest.current.drawing;
    if (drawing && drawing.length) {
      l.cables.addLayer(L.polyline(drawing, { color: '#212529', weight: 3, dashArray: '6 6', renderer: l.svg, interactive: false }));
      for (const point of drawing) l.cables.addLayer(L.circleMarker(point, { radius: 4, color: '#212529', fillColor: '#fff', fillOpacity: 1, weight: 2, renderer: l.svg, interactive: false }));
    }
    const odpShown = (i: number) => (filter.odp === null || filter.odp === i) && (filter.odc === null || data.odps[i]!.odc === filter.odc);
    // ODCs
    data.odcs.forEach((odc, i) => {
      if (filter.odc !== null && filter.odc !== i) return;
      const marker = L.marker([odc.lat, odc.lng], {
        draggable: editable,
        icon: L.divIcon({ className: '', html: `<div class="ftth-odc" data-state="${odc.state}" style="background:${colorOf[odc.state]}" title="${escapeHtml(odc.code)}"></div>`, iconSize: [18, 18] }),
        title: `${odc.code} ${odc.name}`,
        zIndexOffset: 1000,
      });
      marker.on('click', () => latest.current.onSelect({ kind: 'odc', id: odc.id }));
      marker.on('dragend', () => latest.current.onMove('odc', odc.id, marker.getLatLng().lat, marker.getLatLng().lng));
      marker.bindTooltip(`${odc.code} · ${odc.name}`, { direction: 'top', offset: [0, -8] });
      l.odcs.addLayer(marker);
    });
    // ODPs
    const odpsInView = data.odps.map((odp, i) => i).filter((i) => odpShown(i) && view.contains([data.odps[i]!.lat, data.odps[i]!.lng]));
    const asMarkers = odpsInView.length <= ODP_MARKER_LIMIT;
    for (const i of odpsInView) {
      const odp = data.odps[i]!;
      const opacity = faded(highlight?.odpIds.has(odp.id) ?? true);
      if (asMarkers) {
        const odc = data.odcs[odp.odc];
        if (odc) l.lines.addLayer(L.polyline([[odc.lat, odc.lng], [odp.lat, odp.lng]], { color: odp.state === 'n' ? '#868e96' : colorOf[odp.state], weight: 2, opacity: 0.6 * opacity, dashArray: '4 4', interactive: false, renderer: l.svg }));
        const marker = L.marker([odp.lat, odp.lng], {
          draggable: editable,
          icon: L.divIcon({ className: '', html: `<div class="ftth-odp" data-state="${odp.state}" style="background:${colorOf[odp.state]}"></div>`, iconSize: [14, 14] }),
          title: `${odp.code} ${odp.name}`,
          zIndexOffset: 500,
          opacity,
        });
        marker.on('click', () => latest.current.onSelect({ kind: 'odp', id: odp.id }));
        marker.on('dragend', () => latest.current.onMove('odp', odp.id, marker.getLatLng().lat, marker.getLatLng().lng));
        marker.bindTooltip(`${odp.code} · ${odp.used}/${odp.ports}`, { direction: 'top', offset: [0, -6] });
        l.odps.addLayer(marker);
      } else {
        const dot = L.circleMarker([odp.lat, odp.lng], { renderer: l.canvas, radius: 4, color: '#fff', weight: 1, fillColor: colorOf[odp.state], fillOpacity: opacity, opacity });
        dot.on('click', () => latest.current.onSelect({ kind: 'odp', id: odp.id }));
        l.odps.addLayer(dot);
      }
    }
    // Customers
    const { customers } = data;
    const visible: number[] = [];
    for (let i = 0; i < customers.ids.length; i++) {
      const p = positions[i];
      if (!p || !view.contains(p)) continue;
      const state = customers.states[i] as LegendLetter;
      if (!filter.states.has(state)) continue;
      const odp = customers.odp[i]!;
      if (filter.odp !== null && odp !== filter.odp) continue;
      if (filter.odc !== null && (odp < 0 || data.odps[odp]!.odc !== filter.odc)) continue;
      visible.push(i);
    }
    if (zoom >= 16 || visible.length <= SINGLE_LIMIT) {
      const renderer = visible.length <= SINGLE_LIMIT ? l.svg : l.canvas;
      for (const i of visible) {
        const state = customers.states[i] as LegendLetter;
        const opacity = faded(highlight?.customerIds.has(customers.ids[i]!) ?? true);
        const dot = L.circleMarker(positions[i]!, { renderer, radius: 5, color: '#fff', weight: 1, fillColor: colorOf[state], fillOpacity: 0.95 * opacity, opacity, className: `ftth-customer ftth-state-${state}` });
        dot.on('click', () => latest.current.onSelect({ kind: 'client', id: customers.ids[i]! }));
        dot.bindTooltip(customers.codes[i]!, { direction: 'top' });
        l.customers.addLayer(dot);
      }
    } else {
      const cells = new Map<string, { n: number; lat: number; lng: number; worst: LegendLetter }>();
      for (const i of visible) {
        const pt = map.project(positions[i]!, zoom);
        const key = `${Math.floor(pt.x / CLUSTER_CELL_PX)}:${Math.floor(pt.y / CLUSTER_CELL_PX)}`;
        const state = customers.states[i] as LegendLetter;
        const cell = cells.get(key);
        if (!cell) cells.set(key, { n: 1, lat: positions[i]!.lat, lng: positions[i]!.lng, worst: state });
        else {
          cell.n += 1;
          cell.lat += positions[i]!.lat;
          cell.lng += positions[i]!.lng;
          if (priorityOf[state] < priorityOf[cell.worst]) cell.worst = state;
        }
      }
      for (const cell of cells.values()) {
        const center = L.latLng(cell.lat / cell.n, cell.lng / cell.n);
        const size = cell.n < 10 ? 26 : cell.n < 100 ? 32 : cell.n < 1000 ? 38 : 44;
        const marker = L.marker(center, {
          zIndexOffset: 1500, // above the ODC squares: the count must stay readable
          icon: L.divIcon({ className: '', html: `<div class="ftth-cluster" data-state="${cell.worst}" style="background:${colorOf[cell.worst]};width:${size}px;height:${size}px">${cell.n}</div>`, iconSize: [size, size] }),
        });
        marker.on('click', () => map.setView(center, Math.min(zoom + 2, 18)));
        l.customers.addLayer(marker);
      }
    }
  }, [viewVersion, props.data, props.filter, props.highlight, props.editable, props.drawing, positions]);

  return <div ref={container} className="ftth-map" data-testid="ftth-map" style={{ height: props.height, width: '100%', borderRadius: 8 }} />;
}

const cableStyle = { feeder: { color: '#1864ab', weight: 5 }, distribution: { color: '#1c7ed6', weight: 3 }, drop: { color: '#74c0fc', weight: 2 } } as const;

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
