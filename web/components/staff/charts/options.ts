import type { Locale } from '@/lib/i18n/locales';

// Shared pieces of the staff charts' ECharts options. In Persian every chart reads right to left:
// the category or time axis runs from the right, the value axis sits on the right, tooltips are
// right to left; legends are the page's own text (echart.tsx), in its direction.

export const PALETTE = ['#0b5560', '#c79a3b', '#7b4f9d', '#3f7f3a', '#b5473a', '#2f6fae', '#8a6d3b', '#4a5b61'];

const intlLocale: Record<Locale, string> = { fa: 'fa-IR', en: 'en-GB' };

export function numberFormat(locale: Locale, options: Intl.NumberFormatOptions = {}) {
  const format = new Intl.NumberFormat(intlLocale[locale], options);
  return (value: number) => format.format(value);
}

export const percentFormat = (locale: Locale, digits = 0) =>
  numberFormat(locale, { style: 'percent', maximumFractionDigits: digits, minimumFractionDigits: digits });

export function isRtl(locale: Locale): boolean {
  return locale === 'fa';
}

export function tooltip(locale: Locale, formatter?: (params: unknown) => string) {
  return {
    trigger: 'axis' as const,
    confine: true,
    extraCssText: `direction: ${isRtl(locale) ? 'rtl' : 'ltr'}; text-align: start;`,
    ...(formatter ? { formatter } : {}),
  };
}

/** An HTML-safe string for tooltips (labels are staff-written text). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
