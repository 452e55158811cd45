import type { ReactNode } from 'react';
import { formatNumber } from '@/lib/format';
import { getDictionary } from '@/lib/i18n/dictionaries';
import type { Locale } from '@/lib/i18n/locales';
import { localePath } from '@/lib/i18n/routing';
import { DistrictMap } from '.';

export interface PopulatedDistrict {
  code: number;
  name: string;
  population: number;
  boundary?: Record<string, unknown> | null;
}

/**
 * The districts coloured by population, each linking to its own page, with the accessible table
 * beside: the districts page draws it for all, a district's page with its own outlined.
 */
export function PopulationMap({
  locale,
  districts,
  mapLabel,
  highlight,
  extra,
}: {
  locale: Locale;
  districts: PopulatedDistrict[];
  mapLabel: string;
  highlight?: number;
  extra?: { header: string; cells: ReactNode[] };
}) {
  const t = getDictionary(locale);
  return (
    <DistrictMap
      locale={locale}
      title={t.districts.mapTitle}
      districtLabel={t.districts.district}
      withheldLabel={t.districts.notEnoughAnswers}
      mapLabel={mapLabel}
      format={(v) => formatNumber(Math.round(v), locale)}
      highlight={highlight}
      districts={districts.map((d) => ({
        code: d.code,
        name: `${formatNumber(d.code, locale)}. ${d.name}`,
        mapLabel: formatNumber(d.code, locale),
        boundary: d.boundary ?? null,
        value: d.population,
        href: localePath(locale, `/districts/${d.code}`),
      }))}
      extra={extra}
    />
  );
}
