import type { ReactNode } from 'react';
import type { Locale } from '@/lib/i18n/locales';
import { DistrictMapCanvas } from './district-map';
import type { MapArea } from './map-data';
import { classes, colourOf, WITHHELD_COLOUR } from './scale';

export interface DistrictFigure {
  code: number;
  name: string;
  /** The short label drawn on the map (e.g. the district's number); the table gives the rest. */
  mapLabel: string;
  boundary: Record<string, unknown> | null;
  /** The figure shaded; null when withheld (too few answers) or missing. */
  value: number | null;
  /** The district's public page: its name in the table links there, and so does its area on the map. */
  href?: string;
}

interface DistrictMapProps {
  /** The page's language: a class's range reads «۱۲ تا ۲۴» right to left in Persian, "12–24" in English. */
  locale: Locale;
  /** The figure's name (legend title and table column). */
  title: string;
  districtLabel: string;
  /** "not enough answers" in the page's language: shown for a withheld figure, never a number. */
  withheldLabel: string;
  /** The map's accessible name (the table beside it holds the same figures). */
  mapLabel: string;
  format: (value: number) => string;
  districts: DistrictFigure[];
  /** Extra cells after the figure (e.g. the answer count), as [header, cell per district]. */
  extra?: { header: string; cells: ReactNode[] };
  /** The code of the district the page is about: outlined on the map, its row marked in the table. */
  highlight?: number;
}

/**
 * A choropleth of the districts with its legend and the same figures as a table. The legend and
 * the table are server-rendered (readable without JavaScript); the map itself is drawn in the
 * browser, lazily, from the districts' GeoJSON boundaries. Withheld figures read "not enough
 * answers" in the table, on the map and in the legend.
 */
/** A range's ends with the minus sign (U+2212), not the hyphen English number formats give: "−52.7–−37.8", not "-52.7–-37.8". */
const signed = (text: string) => text.replace(/^-/, '\u2212');

/**
 * A class's range in the page's direction. Isolated left to right (as it was), a Persian range put its
 * lower end on the left, where a right-to-left reader ends: «۹۶٬۷۰۰–۱۵۷٬۰۰۰» read as 157,000 down to 96,700.
 */
function Range({ from, to, locale }: { from: string; to: string; locale: Locale }) {
  return locale === 'fa' ? (
    <bdi dir="rtl" data-range>
      {from} تا {to}
    </bdi>
  ) : (
    <bdi dir="ltr" data-range>
      {from}–{to}
    </bdi>
  );
}

export function DistrictMap({
  locale,
  title,
  districtLabel,
  withheldLabel,
  mapLabel,
  format,
  districts,
  extra,
  highlight,
}: DistrictMapProps) {
  const scale = classes(districts.flatMap((d) => (d.value === null ? [] : [d.value])));
  const areas: MapArea[] = districts
    .filter((d) => d.boundary)
    .map((d) => ({
      code: d.code,
      label: d.mapLabel,
      colour: colourOf(d.value, scale),
      withheld: d.value === null,
      highlighted: d.code === highlight,
      href: d.href ?? null,
      boundary: d.boundary!,
    }));
  const anyWithheld = districts.some((d) => d.value === null);
  return (
    <figure className="district-map">
      {areas.length > 0 && (
        <div className="district-map__map">
          <DistrictMapCanvas areas={areas} label={mapLabel} />
          <div className="district-map__legend" aria-hidden="true">
            <p className="district-map__legend-title">{title}</p>
            <ul>
              {scale.map((c) => (
                <li key={c.colour}>
                  <span className="district-map__swatch" style={{ background: c.colour }} />
                  <Range from={signed(format(c.from))} to={signed(format(c.to))} locale={locale} />
                </li>
              ))}
              {anyWithheld && (
                <li>
                  <span className="district-map__swatch district-map__swatch--withheld" style={{ background: WITHHELD_COLOUR }} />
                  {withheldLabel}
                </li>
              )}
            </ul>
          </div>
        </div>
      )}
      <figcaption className="visually-hidden">{mapLabel}</figcaption>
      <div className="table-wrap" tabIndex={0}>
        <table className="district-map__table">
          <thead>
            <tr>
              <th scope="col">{districtLabel}</th>
              <th scope="col">{title}</th>
              {extra && <th scope="col">{extra.header}</th>}
            </tr>
          </thead>
          <tbody>
            {districts.map((d, i) => (
              <tr
                key={d.code}
                data-district-code={d.code}
                className={d.code === highlight ? 'district-map__row--current' : undefined}
                aria-current={d.code === highlight ? 'true' : undefined}
              >
                <th scope="row">{d.href && d.code !== highlight ? <a href={d.href}>{d.name}</a> : d.name}</th>
                <td>
                  <span className="district-map__swatch" style={{ background: colourOf(d.value, scale) }} aria-hidden="true" />{' '}
                  {d.value === null ? <span className="district-map__withheld">{withheldLabel}</span> : format(d.value)}
                </td>
                {extra && <td>{extra.cells[i]}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
