'use client';

import { useEffect, useRef, useState } from 'react';
import type { EChartsCoreOption } from 'echarts/core';

interface EChartProps {
  /** Built by the caller with useMemo: a new object redraws the chart. */
  option: EChartsCoreOption;
  /** What the chart shows, for screen readers (the figures are also in a table beside it). */
  label: string;
  loadingText: string;
  className?: string;
}

/**
 * A thin wrapper around Apache ECharts: loads the library on first use (its own chunk), draws
 * with the SVG renderer (crisp, and readable in the page's DOM), follows the container's size,
 * and uses the page's font so Persian labels match the text around them.
 */
export function EChart({ option, label, loadingText, className = 'staff-chart' }: EChartProps) {
  const container = useRef<HTMLDivElement>(null);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    let disposed = false;
    let dispose = () => {};
    void import('./echarts-setup').then(({ init }) => {
      const element = container.current;
      if (disposed || !element) return;
      const chart = init(element, undefined, { renderer: 'svg' });
      const fontFamily = getComputedStyle(element).fontFamily;
      chart.setOption({ textStyle: { fontFamily }, animation: false, ...option });
      const observer = new ResizeObserver(() => chart.resize());
      observer.observe(element);
      setReady(true);
      dispose = () => {
        observer.disconnect();
        chart.dispose();
      };
    });
    return () => {
      disposed = true;
      dispose();
    };
  }, [option]);

  return (
    <div className={className} role="img" aria-label={label} data-chart-ready={ready || undefined} style={{ position: 'relative' }}>
      {/* ECharts draws into the inner element once loaded; until then (or without JavaScript) the text. */}
      {/* ECharts lays text out left to right; the options mirror the axes for Persian instead. */}
      <div ref={container} dir="ltr" style={{ position: 'absolute', inset: 0 }} />
      {!ready && <div className="staff-chart__loading">{loadingText}</div>}
    </div>
  );
}
