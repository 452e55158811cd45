import type { ReactNode } from 'react';
import type { Metadata } from 'next';
import { PageFigure } from '@/components/api-image';
import { PopulationMap } from '@/components/district-map/population-map';
import { EventItem } from '@/components/event-item';
import { PollCard } from '@/components/poll-card';
import { formatNumber } from '@/lib/format';
import { getDictionary } from '@/lib/i18n/dictionaries';
import type { Locale } from '@/lib/i18n/locales';
import { localePath } from '@/lib/i18n/routing';
import { openGraphImage } from '@/lib/images';
import { pageMetadata } from '@/lib/metadata';
import { localeParam } from '../../locale-param';
import { loadDistrict, loadDistrictActivity } from './district.query';
import { PopulationSource } from '@/components/population-source';

// Rendered per request from the API; `next build` must not call it.
export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: PageProps<'/[locale]/districts/[code]'>): Promise<Metadata> {
  const locale = await localeParam(params);
  const t = getDictionary(locale);
  const { district } = await loadDistrict((await params).code, locale);
  return pageMetadata(locale, {
    // The number, unless the name already says it, as on the page.
    title: numberLabel(district, locale) ? t.district.title(formatNumber(district.code, locale), district.name) : district.name,
    description: t.district.summary(district.name, formatNumber(district.population, locale)),
    image: openGraphImage(district.image),
  });
}

/** The district's number ("District 3"), unless its name already says it. */
function numberLabel(district: { code: number; name: string }, locale: Locale): string | null {
  const label = getDictionary(locale).district.eyebrow(formatNumber(district.code, locale));
  return district.name === label ? null : label;
}

/** A part of the district's page under its own heading. */
function DistrictSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

/** The district's polls or events, one item a row; the `empty` note when there are none. */
function ItemList<T extends { id: string }>({
  items,
  className,
  empty,
  children,
}: {
  items: T[];
  className: string;
  empty?: string;
  children: (item: T) => ReactNode;
}) {
  if (items.length === 0) return empty ? <p className="empty-state">{empty}</p> : null;
  return (
    <ul className={className}>
      {items.map((item) => (
        <li key={item.id}>{children(item)}</li>
      ))}
    </ul>
  );
}

export default async function DistrictPage({ params }: PageProps<'/[locale]/districts/[code]'>) {
  const locale = await localeParam(params);
  const t = getDictionary(locale);
  const { district, districts } = await loadDistrict((await params).code, locale);
  const { upcoming, recent, polls } = await loadDistrictActivity(district.id, locale);
  const eyebrow = numberLabel(district, locale);

  return (
    <article className="container page">
      <p className="breadcrumb">
        <a href={localePath(locale, '/districts')}>{t.district.allDistricts}</a>
      </p>
      <header className="page__header">
        {eyebrow && <p className="page__eyebrow">{eyebrow}</p>}
        <h1>{district.name}</h1>
      </header>
      <PageFigure image={district.image} />

      <dl className="facts">
        <div>
          <dt>{t.districts.population}</dt>
          <dd>{t.home.people(formatNumber(district.population, locale))}</dd>
        </div>
        {district.populationSource && (
          <div>
            <dt>{t.districts.source}</dt>
            <dd>
              <PopulationSource source={district.populationSource} year={district.populationYear ?? null} locale={locale} />
            </dd>
          </div>
        )}
      </dl>

      <DistrictSection id="district-map-title" title={t.district.mapHeading}>
        <PopulationMap locale={locale} mapLabel={t.district.mapLabel(district.name)} highlight={district.code} districts={districts} />
      </DistrictSection>

      <DistrictSection id="district-polls-title" title={t.district.pollsTitle}>
        <ItemList items={polls} className="card-list" empty={t.district.noPolls}>
          {(poll) => <PollCard poll={poll} locale={locale} headingLevel="h3" />}
        </ItemList>
      </DistrictSection>

      <DistrictSection id="district-events-title" title={t.district.eventsTitle}>
        <ItemList items={upcoming} className="stack-list" empty={t.district.noUpcomingEvents}>
          {(event) => <EventItem event={event} locale={locale} headingLevel="h3" showDate />}
        </ItemList>
        {recent.length > 0 && (
          <>
            <h3>{t.district.recentEventsTitle}</h3>
            <ItemList items={recent} className="stack-list">
              {(event) => <EventItem event={event} locale={locale} headingLevel="h4" showDate />}
            </ItemList>
          </>
        )}
      </DistrictSection>
    </article>
  );
}
