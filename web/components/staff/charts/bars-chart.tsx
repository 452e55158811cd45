'use client';

import { useMemo } from 'react';
import type { Locale } from '@/lib/i18n/locales';
import { EChart } from './echart';
import { escapeHtml, isRtl, numberFormat, PALETTE, percentFormat, tooltip } from './options';

export interface BarsSeries {
  name: string;
  values: (number | null)[];
  /** 95 % interval of each value, drawn as error bars. */
  lows?: (number | null)[];
  highs?: (number | null)[];
}

interface BarsChartProps {
  locale: Locale;
  categories: string[];
  series: BarsSeries[];
  /** share: 0–1 shown as %; count / number as plain figures. */
  valueKind: 'share' | 'count' | 'number';
  /** Horizontal bars (long labels, options) or columns (a 1–5 or 0–10 scale). */
  orientation?: 'horizontal' | 'vertical';
  label: string;
  loadingText: string;
  intervalLabel?: string;
  className?: string;
  max?: number;
  /** One colour per series, when the series have meanings of their own (positive, negative…). */
  colors?: string[];
}

const CATEGORY_GAP = 0.3;
const BAR_GAP = 0.2;

/**
 * Bars for one or more series, with 95 % intervals as error bars (an ECharts custom series that
 * draws a whisker at each bar's place). Right to left in Persian: bars grow from the right and the
 * category labels stand on the right.
 */
export function BarsChart({
  locale,
  categories,
  series,
  valueKind,
  orientation = 'horizontal',
  label,
  loadingText,
  intervalLabel,
  className,
  max,
  colors,
}: BarsChartProps) {
  const option = useMemo(() => {
    const rtl = isRtl(locale);
    const horizontal = orientation === 'horizontal';
    const format =
      valueKind === 'share' ? percentFormat(locale) : numberFormat(locale, { maximumFractionDigits: valueKind === 'number' ? 1 : 0 });
    const preciseFormat = valueKind === 'share' ? percentFormat(locale, 1) : format;
    const n = series.length;

    const valueAxis = {
      type: 'value' as const,
      max: max ?? (valueKind === 'share' ? 1 : undefined),
      min: 0,
      // Counts are whole: ticks of 0.2 would read "۰ ۰ ۰ ۱ ۱ ۱" once rounded.
      minInterval: valueKind === 'count' ? 1 : undefined,
      inverse: horizontal && rtl,
      position: horizontal ? ('bottom' as const) : rtl ? ('right' as const) : ('left' as const),
      axisLabel: { formatter: (v: number) => format(v) },
      splitLine: { lineStyle: { color: '#e3e8e6' } },
    };
    const categoryAxis = {
      type: 'category' as const,
      data: categories,
      // Horizontal: the first option on top. Vertical: the scale runs from the right in Persian.
      inverse: horizontal ? true : rtl,
      position: horizontal ? (rtl ? ('right' as const) : ('left' as const)) : ('bottom' as const),
      // Under vertical bars a label of two words ("Azar 1405") takes two lines (their height given:
      // ECharts set them 5 px apart in the page's font), and one that would still run into its
      // neighbour (a phone, many months) is left out rather than drawn over it.
      axisLabel: horizontal
        ? { width: 180, overflow: 'truncate' as const, interval: 0 }
        : { interval: 0, hideOverlap: true, lineHeight: 20, formatter: (value: string) => value.replace(' ', '\n') },
      axisTick: { alignWithLabel: true },
    };

    const bars = series.map((s, i) => ({
      type: 'bar' as const,
      name: s.name,
      data: s.values,
      itemStyle: {
        color: colors?.[i] ?? PALETTE[i % PALETTE.length],
        borderRadius: horizontal ? (rtl ? [3, 0, 0, 3] : [0, 3, 3, 0]) : [3, 3, 0, 0],
      },
      barGap: `${BAR_GAP * 100}%`,
      barCategoryGap: `${CATEGORY_GAP * 100}%`,
    }));

    const whiskers = series.flatMap((s, seriesIndex) => {
      if (!s.lows || !s.highs) return [];
      const data = s.values.flatMap((_, c) => (s.lows![c] != null && s.highs![c] != null ? [[c, s.lows![c], s.highs![c]]] : []));
      return [
        {
          type: 'custom' as const,
          name: `${s.name} — ${intervalLabel ?? '95%'}`,
          silent: true,
          z: 5,
          tooltip: { show: false },
          encode: horizontal ? { y: 0, x: [1, 2] } : { x: 0, y: [1, 2] },
          data,
          renderItem: (_params: unknown, api: { value(i: number): number; coord(p: number[]): number[]; size(p: number[]): number[] }) => {
            const category = api.value(0);
            const start = api.coord(horizontal ? [api.value(1), category] : [category, api.value(1)]);
            const end = api.coord(horizontal ? [api.value(2), category] : [category, api.value(2)]);
            const band = api.size(horizontal ? [0, 1] : [1, 0])[horizontal ? 1 : 0];
            // Where ECharts puts this series' bar inside the category's band.
            const usable = band * (1 - CATEGORY_GAP);
            const width = usable / (n + (n - 1) * BAR_GAP);
            const offset = -usable / 2 + seriesIndex * width * (1 + BAR_GAP) + width / 2;
            const cap = Math.max(3, Math.min(8, width / 3));
            const stroke = { stroke: '#17262b', lineWidth: 1.5 };
            if (horizontal) {
              const y = start[1] + offset;
              return {
                type: 'group',
                children: [
                  { type: 'line', shape: { x1: start[0], y1: y, x2: end[0], y2: y }, style: stroke },
                  { type: 'line', shape: { x1: start[0], y1: y - cap, x2: start[0], y2: y + cap }, style: stroke },
                  { type: 'line', shape: { x1: end[0], y1: y - cap, x2: end[0], y2: y + cap }, style: stroke },
                ],
              };
            }
            const x = start[0] + offset;
            return {
              type: 'group',
              children: [
                { type: 'line', shape: { x1: x, y1: start[1], x2: x, y2: end[1] }, style: stroke },
                { type: 'line', shape: { x1: x - cap, y1: start[1], x2: x + cap, y2: start[1] }, style: stroke },
                { type: 'line', shape: { x1: x - cap, y1: end[1], x2: x + cap, y2: end[1] }, style: stroke },
              ],
            };
          },
        },
      ];
    });

    const describe = (params: unknown) => {
      const items = (Array.isArray(params) ? params : [params]) as { dataIndex: number }[];
      const c = items[0]?.dataIndex ?? 0;
      const lines = series.map((s) => {
        const value = s.values[c];
        const shown = value == null ? '—' : preciseFormat(value);
        const interval =
          s.lows?.[c] != null && s.highs?.[c] != null ? ` (${preciseFormat(s.lows[c]!)} – ${preciseFormat(s.highs[c]!)})` : '';
        return `${n > 1 ? `${escapeHtml(s.name)}: ` : ''}<b>${shown}</b>${interval}`;
      });
      return `<div>${escapeHtml(categories[c] ?? '')}</div>${lines.map((l) => `<div>${l}</div>`).join('')}`;
    };

    return {
      color: colors ?? PALETTE,
      tooltip: { ...tooltip(locale, describe), axisPointer: { type: 'shadow' } },
      grid: { containLabel: true, top: 12, bottom: 8, left: 8, right: 8 },
      xAxis: horizontal ? valueAxis : categoryAxis,
      yAxis: horizontal ? categoryAxis : valueAxis,
      series: [...bars, ...whiskers],
    };
  }, [locale, categories, series, valueKind, orientation, intervalLabel, max, colors]);

  const legend = useMemo(
    () => (series.length > 1 ? series.map((s, i) => ({ name: s.name, colour: colors?.[i] ?? PALETTE[i % PALETTE.length] })) : undefined),
    [series, colors],
  );
  return <EChart option={option} label={label} loadingText={loadingText} className={className} legend={legend} />;
}
