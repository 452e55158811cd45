import { formatNumber, latinDigits } from '@/lib/format';
import { fallbackProps } from '@/lib/i18n/fallback';
import type { Locale } from '@/lib/i18n/locales';

/**
 * Where a district's population figure comes from, as its admin wrote it (one language only), with
 * the year after it unless the text already names it ("سرشماری ۱۳۹۵" and 1395 read once). On an
 * English page a Persian source is marked as Persian, right to left.
 */
export function PopulationSource({ source, year, locale }: { source: string; year: number | null; locale: Locale }) {
  const named = year !== null && latinDigits(source).includes(String(year));
  return (
    <>
      <bdi {...fallbackProps(source, locale)}>{source}</bdi>
      {year !== null && !named ? ` (${formatNumber(year, locale).replace(/[٬,]/g, '')})` : ''}
    </>
  );
}
