'use client';

import { useMemo } from 'react';
import type { Locale } from '@/lib/i18n/locales';
import { EChart } from './echart';
import { escapeHtml, isRtl, numberFormat, PALETTE, percentFormat, tooltip } from './options';

export interface LineSeries {
  name: string;
  /** null: no figure that day (withheld as too small, or no answers): the line breaks. */
  values: (number | null)[];
}

interface LineChartProps {
  locale: Locale;
  /** The days, already written in the locale's calendar. */
  labels: string[];
  series: LineSeries[];
  valueKind: 'share' | 'count' | 'number';
  label: string;
  loadingText: string;
  min?: number;
  max?: number;
  area?: boolean;
  className?: string;
}

/** Values day by day. Time runs from right to left in Persian, the value axis on the right. */
export function LineChart({ locale, labels, series, valueKind, label, loadingText, min, max, area, className }: LineChartProps) {
  const option = useMemo(() => {
    const rtl = isRtl(locale);
    const format =
      valueKind === 'share' ? percentFormat(locale) : numberFormat(locale, { maximumFractionDigits: valueKind === 'number' ? 1 : 0 });
    const describe = (params: unknown) => {
      const items = (Array.isArray(params) ? params : [params]) as { dataIndex: number; seriesIndex: number; marker: string }[];
      const day = labels[items[0]?.dataIndex ?? 0] ?? '';
      const rows = items.map((item) => {
        const value = series[item.seriesIndex]?.values[item.dataIndex];
        return `<div>${item.marker}${escapeHtml(series[item.seriesIndex]?.name ?? '')}: <b>${value == null ? '—' : format(value)}</b></div>`;
      });
      return `<div>${escapeHtml(day)}</div>${rows.join('')}`;
    };
    return {
      color: PALETTE,
      tooltip: tooltip(locale, describe),
      grid: { containLabel: true, top: 12, bottom: 8, left: 8, right: 8 },
      xAxis: {
        type: 'category' as const,
        data: labels,
        inverse: rtl,
        boundaryGap: false,
        // The first and last days stand at the chart's edges: always labelled, and each label turned
        // inwards from its tick, so that the last is not cut off and the first keeps clear of the value
        // axis's lowest label. Labels that would then overlap a neighbour are left out.
        axisLabel: {
          hideOverlap: true,
          showMinLabel: true,
          showMaxLabel: true,
          alignMinLabel: rtl ? ('right' as const) : ('left' as const),
          alignMaxLabel: rtl ? ('left' as const) : ('right' as const),
        },
      },
      yAxis: {
        type: 'value' as const,
        position: rtl ? ('right' as const) : ('left' as const),
        min,
        max: max ?? (valueKind === 'share' ? 1 : undefined),
        // Counts are whole: no fractional ticks that round to the same label.
        minInterval: valueKind === 'count' ? 1 : undefined,
        axisLabel: { formatter: (v: number) => format(v) },
        splitLine: { lineStyle: { color: '#e3e8e6' } },
      },
      series: series.map((s) => ({
        type: 'line' as const,
        name: s.name,
        data: s.values,
        showSymbol: labels.length <= 45,
        connectNulls: false,
        areaStyle: area ? { opacity: 0.12 } : undefined,
      })),
    };
  }, [locale, labels, series, valueKind, min, max, area]);

  const legend = useMemo(
    () => (series.length > 1 ? series.map((s, i) => ({ name: s.name, colour: PALETTE[i % PALETTE.length] })) : undefined),
    [series],
  );
  return <EChart option={option} label={label} loadingText={loadingText} className={className} legend={legend} />;
}
