'use client';

import dynamic from 'next/dynamic';
import { useEffect, useRef, useState } from 'react';
import type { MapArea } from './map-data';

// Leaflet and its CSS are a chunk of their own, fetched only when the map comes near the screen:
// pages with a map keep the JavaScript they load up front, and pages without one never load it.
const LeafletMap = dynamic(() => import('./leaflet-map'), { ssr: false, loading: () => null });

export function DistrictMapCanvas({ areas, label }: { areas: MapArea[]; label: string }) {
  const holder = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(false);

  useEffect(() => {
    const element = holder.current;
    if (!element || near) return;
    if (typeof IntersectionObserver === 'undefined') {
      setNear(true);
      return;
    }
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setNear(true), { rootMargin: '200px' });
    observer.observe(element);
    return () => observer.disconnect();
  }, [near]);

  return (
    <div ref={holder} className="district-map__holder">
      {near && <LeafletMap areas={areas} label={label} />}
    </div>
  );
}
