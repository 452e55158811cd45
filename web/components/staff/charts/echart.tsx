'use client';

import { useEffect, useRef, useState } from 'react';
import type { EChartsCoreOption } from 'echarts/core';

/** A series as the legend names it. */
export interface LegendItem {
  name: string;
  colour: string;
}

interface EChartProps {
  /** Built by the caller with useMemo: a new object redraws the chart. */
  option: EChartsCoreOption;
  /** What the chart shows, for screen readers (the figures are also in a table beside it). */
  label: string;
  loadingText: string;
  className?: string;
  /**
   * The series' names and colours, shown above the chart in the page's own text: ECharts lays a
   * legend out left to right (and pages it on a phone from the left), so that a Persian one read
   * backwards. Here it follows the page's direction and wraps instead of paging.
   */
  legend?: LegendItem[];
}

/**
 * A thin wrapper around Apache ECharts: loads the library on first use (its own chunk), draws
 * with the SVG renderer (crisp, and readable in the page's DOM), follows the container's size,
 * and uses the page's font so Persian labels match the text around them.
 */
export function EChart({ option, label, loadingText, className = 'staff-chart', legend }: EChartProps) {
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

  const chart = (
    <div className={className} role="img" aria-label={label} data-chart-ready={ready || undefined} style={{ position: 'relative' }}>
      {/* ECharts draws into the inner element once loaded; until then (or without JavaScript) the text. */}
      {/* ECharts lays text out left to right; the options mirror the axes for Persian instead. */}
      <div ref={container} dir="ltr" style={{ position: 'absolute', inset: 0 }} />
      {!ready && <div className="staff-chart__loading">{loadingText}</div>}
    </div>
  );
  if (!legend?.length) return chart;
  return (
    <div className="staff-chart-figure">
      {/* The series' names are also the heads of the table beside the chart. */}
      <ul className="staff-chart__legend" aria-hidden="true">
        {legend.map((item) => (
          <li key={item.name}>
            <span className="staff-chart__swatch" style={{ background: item.colour }} />
            {item.name}
          </li>
        ))}
      </ul>
      {chart}
    </div>
  );
}
