import type { Metadata } from 'next';
import { ApiImage } from '@/components/api-image';
import { PopulationMap } from '@/components/district-map/population-map';
import { EventItem } from '@/components/event-item';
import { PollCard } from '@/components/poll-card';
import { formatNumber } from '@/lib/format';
import { getDictionary } from '@/lib/i18n/dictionaries';
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
    // The number, unless the name already says it ("District 1"), as on the page.
    title:
      district.name === t.district.eyebrow(formatNumber(district.code, locale))
        ? district.name
        : t.district.title(formatNumber(district.code, locale), district.name),
    description: t.district.summary(district.name, formatNumber(district.population, locale)),
    image: openGraphImage(district.image),
  });
}

export default async function DistrictPage({ params }: PageProps<'/[locale]/districts/[code]'>) {
  const locale = await localeParam(params);
  const t = getDictionary(locale);
  const { district, districts } = await loadDistrict((await params).code, locale);
  const { upcoming, recent, polls } = await loadDistrictActivity(district.id, locale);
  const eyebrow = t.district.eyebrow(formatNumber(district.code, locale));

  return (
    <article className="container page">
      <p className="breadcrumb">
        <a href={localePath(locale, '/districts')}>{t.district.allDistricts}</a>
      </p>
      <header className="page__header">
        {/* The district's number, unless its name already says it ("District 1"). */}
        {district.name !== eyebrow && <p className="page__eyebrow">{eyebrow}</p>}
        <h1>{district.name}</h1>
      </header>
      {district.image && (
        <figure className="page__figure">
          <ApiImage image={district.image} sizes="(max-width: 48rem) 100vw, 48rem" eager />
        </figure>
      )}

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

      <section className="section" aria-labelledby="district-map-title">
        <h2 id="district-map-title">{t.district.mapHeading}</h2>
        <PopulationMap locale={locale} mapLabel={t.district.mapLabel(district.name)} highlight={district.code} districts={districts} />
      </section>

      <section className="section" aria-labelledby="district-polls-title">
        <h2 id="district-polls-title">{t.district.pollsTitle}</h2>
        {polls.length === 0 ? (
          <p className="empty-state">{t.district.noPolls}</p>
        ) : (
          <ul className="card-list">
            {polls.map((poll) => (
              <li key={poll.id}>
                <PollCard poll={poll} locale={locale} headingLevel="h3" />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="section" aria-labelledby="district-events-title">
        <h2 id="district-events-title">{t.district.eventsTitle}</h2>
        {upcoming.length === 0 ? (
          <p className="empty-state">{t.district.noUpcomingEvents}</p>
        ) : (
          <ul className="stack-list">
            {upcoming.map((event) => (
              <li key={event.id}>
                <EventItem event={event} locale={locale} headingLevel="h3" showDate />
              </li>
            ))}
          </ul>
        )}
        {recent.length > 0 && (
          <>
            <h3>{t.district.recentEventsTitle}</h3>
            <ul className="stack-list">
              {recent.map((event) => (
                <li key={event.id}>
                  <EventItem event={event} locale={locale} headingLevel="h4" showDate />
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    </article>
  );
}
