'use client';

import { useMemo } from 'react';
import { WITHHELD_COLOUR } from '@/components/district-map/scale';
import type { Locale } from '@/lib/i18n/locales';
import { EChart } from './echart';
import { escapeHtml, isRtl, percentFormat } from './options';

interface HeatmapChartProps {
  locale: Locale;
  /** Columns (the options). */
  columns: string[];
  /** Rows (districts, or the options of the other question). */
  rows: string[];
  /** shares[row][column], 0–1; null when withheld (too few answers) or empty. */
  shares: (number | null)[][];
  /** withheld[row][column]: the cell's figure is withheld as too few answers. */
  withheld: boolean[][];
  label: string;
  loadingText: string;
  withheldLabel: string;
  /** The legend's words for withheld cells, as the district map has them. */
  withheldLegend: string;
}

/**
 * A crosstab's row shares as a heat map. Withheld cells are grey and marked «—», with a legend entry,
 * so that they do not pass for shares near 0; empty ones stay blank. Columns run from the right in Persian.
 */
export function HeatmapChart({
  locale,
  columns,
  rows,
  shares,
  withheld,
  label,
  loadingText,
  withheldLabel,
  withheldLegend,
}: HeatmapChartProps) {
  const anyWithheld = withheld.some((row) => row.some(Boolean));
  const option = useMemo(() => {
    const rtl = isRtl(locale);
    const format = percentFormat(locale);
    const data = shares.flatMap((row, r) => row.map((share, c) => [c, r, share == null ? '-' : share]));
    const withheldData = withheld.flatMap((row, r) => row.flatMap((w, c) => (w ? [[c, r, 0]] : [])));
    const highest = Math.max(0.01, ...shares.flat().filter((v): v is number => v != null));
    const crowded = columns.length > 3 || columns.some((c) => [...c].length > 12);
    return {
      tooltip: {
        confine: true,
        extraCssText: `direction: ${rtl ? 'rtl' : 'ltr'}; text-align: start;`,
        formatter: (params: { seriesIndex: number; value: [number, number, number | string] }) => {
          const [c, r, v] = params.value;
          const shown = params.seriesIndex === 0 && typeof v === 'number' ? format(v) : escapeHtml(withheldLabel);
          return `<div>${escapeHtml(rows[r] ?? '')}</div><div>${escapeHtml(columns[c] ?? '')}: <b>${shown}</b></div>`;
        },
      },
      // Room below the rows for the colour scale and the figures its handles show above it.
      grid: { containLabel: true, top: 8, bottom: 84, left: 8, right: 8 },
      xAxis: {
        type: 'category' as const,
        data: columns,
        inverse: rtl,
        position: 'top' as const,
        // Every label shown, none over its neighbour: many or long labels turn (shortened with an
        // ellipsis; the tooltip and the table beside the chart have them whole), a few short ones stay flat.
        axisLabel: crowded
          ? { interval: 0, rotate: rtl ? -45 : 45, width: 120, overflow: 'truncate' as const, hideOverlap: false }
          : { interval: 0, width: 90, overflow: 'truncate' as const },
        splitArea: { show: true },
      },
      yAxis: {
        type: 'category' as const,
        data: rows,
        inverse: true,
        position: rtl ? ('right' as const) : ('left' as const),
        axisLabel: { interval: 0 },
        splitArea: { show: true },
      },
      visualMap: {
        // The shares only: withheld cells keep their grey.
        seriesIndex: 0,
        min: 0,
        max: highest,
        calculable: true,
        orient: 'horizontal' as const,
        left: 'center',
        bottom: 0,
        inverse: rtl,
        formatter: (v: number) => format(v),
        inRange: { color: ['#f1f6f5', '#7fb3b0', '#0b5560'] },
      },
      series: [
        {
          type: 'heatmap' as const,
          data,
          label: {
            show: true,
            formatter: (p: { value: [number, number, number | string] }) => (typeof p.value[2] === 'number' ? format(p.value[2]) : ''),
          },
          emphasis: { itemStyle: { borderColor: '#17262b', borderWidth: 1 } },
        },
        {
          type: 'heatmap' as const,
          name: withheldLegend,
          data: withheldData,
          itemStyle: { color: WITHHELD_COLOUR },
          label: { show: true, formatter: '—', color: '#3d4a4f' },
          emphasis: { itemStyle: { borderColor: '#17262b', borderWidth: 1 } },
        },
      ],
    };
  }, [locale, columns, rows, shares, withheld, withheldLabel, withheldLegend]);

  const height = Math.max(16, 6 + rows.length * 2.25);
  return (
    <>
      <div style={{ blockSize: `${height}rem` }}>
        <EChart option={option} label={label} loadingText={loadingText} className="staff-chart staff-chart--fill" />
      </div>
      {anyWithheld && (
        <p className="staff-small" data-heatmap-withheld>
          <span
            className="district-map__swatch district-map__swatch--withheld"
            style={{ background: WITHHELD_COLOUR }}
            aria-hidden="true"
          />
          {withheldLegend}
        </p>
      )}
    </>
  );
}
