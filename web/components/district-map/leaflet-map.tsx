'use client';

import { useEffect, useRef } from 'react';
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import type { MapArea } from './map-data';

/**
 * The districts drawn with Leaflet as SVG paths on a plain background: no tile layer, so nothing is
 * fetched from another server and the map works offline. Loaded only through DistrictMap (lazily).
 */
export default function LeafletMap({ areas, label }: { areas: MapArea[]; label: string }) {
  const element = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!element.current) return;
    const map = L.map(element.current, {
      // A picture of the figures (role img): the table beside it is the way to read them with a
      // keyboard or a screen reader, so the map has no controls of its own to tab through.
      attributionControl: false,
      zoomControl: false,
      keyboard: false,
      scrollWheelZoom: false,
      zoomSnap: 0.25,
      renderer: L.svg({ padding: 0.1 }),
    });
    const layer = L.geoJSON(
      {
        type: 'FeatureCollection',
        features: areas.map((a) => ({
          type: 'Feature',
          properties: { code: a.code },
          geometry: a.boundary as unknown as GeoJSON.Geometry,
        })),
      } as GeoJSON.FeatureCollection,
      {
        style: (feature) => {
          const area = areas.find((a) => a.code === feature?.properties?.code)!;
          const modifiers = [
            area.withheld && 'district-map__area--withheld',
            area.highlighted && 'district-map__area--current',
            area.href && 'district-map__area--link',
          ];
          return {
            fillColor: area.colour,
            fillOpacity: 1,
            color: area.highlighted ? '#c2410c' : '#1f2933',
            weight: area.highlighted ? 4 : 1,
            dashArray: area.withheld ? '4 3' : undefined,
            // Only linked areas take clicks (a mouse shortcut: the table's links are the accessible way).
            interactive: Boolean(area.href),
            className: ['district-map__area', ...modifiers.filter(Boolean)].join(' '),
          };
        },
        onEachFeature: (feature, path) => {
          const area = areas.find((a) => a.code === feature.properties?.code)!;
          path.bindTooltip(area.label, { permanent: true, direction: 'center', className: 'district-map__label' });
          if (area.href) path.on('click', () => window.location.assign(area.href!));
        },
      },
    ).addTo(map);
    // The highlighted district on top, so its outline is not hidden under its neighbours'.
    layer.eachLayer((path) => {
      const code = (path as L.GeoJSON & { feature?: GeoJSON.Feature }).feature?.properties?.code;
      if (areas.find((a) => a.code === code)?.highlighted) (path as L.Path).bringToFront();
    });
    const bounds = layer.getBounds();
    if (bounds.isValid()) map.fitBounds(bounds, { padding: [8, 8] });
    element.current.dataset.mapReady = 'true';
    return () => {
      map.remove();
    };
  }, [areas]);

  return <div ref={element} className="district-map__canvas" role="img" aria-label={label} dir="ltr" />;
}
