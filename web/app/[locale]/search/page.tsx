import type { Metadata } from 'next';
import { formatDayWithWeekday, formatNumber, isoDay } from '@/lib/format';
import { getDictionary } from '@/lib/i18n/dictionaries';
import { graphqlLocale } from '@/lib/i18n/locales';
import { localePath } from '@/lib/i18n/routing';
import { pageMetadata } from '@/lib/metadata';
import { localeParam } from '../locale-param';
import { SITE_SEARCH_MAX_LENGTH, siteSearch, type SearchGroup, type SearchHit } from './search.query';
import { SearchForm } from '@/components/search-form';
import { PageHeader } from '@/components/page-header';
import { LocalizedText } from '@/components/localized-text';
import { fallbackProps } from '@/lib/i18n/fallback';
import { eventTime, spansDays } from '@/components/event-item';

// Rendered per request from the API; `next build` must not call it.
export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: PageProps<'/[locale]/search'>): Promise<Metadata> {
  const locale = await localeParam(params);
  const t = getDictionary(locale);
  return pageMetadata(locale, { title: t.search.title, description: t.search.intro });
}

const GROUPS = ['goals', 'news', 'events', 'polls', 'occasions'] as const;

export default async function SearchPage({ params, searchParams }: PageProps<'/[locale]/search'>) {
  const locale = await localeParam(params);
  const t = getDictionary(locale);
  const raw = (await searchParams).q;
  const q = (Array.isArray(raw) ? raw[0] : (raw ?? '')).trim();
  const tooLong = q.length > SITE_SEARCH_MAX_LENGTH;
  const results = tooLong ? null : await siteSearch(q, graphqlLocale[locale]);

  return (
    <div className="container page">
      <PageHeader title={t.search.title} intro={t.search.intro} />

      <SearchForm
        id="site-search-q"
        action={localePath(locale, '/search')}
        label={t.search.label}
        submit={t.search.submit}
        value={q}
        maxLength={SITE_SEARCH_MAX_LENGTH}
      />

      {tooLong && <p role="alert">{t.search.tooLong}</p>}

      {results && (
        <>
          <p className="result-count" id="site-search-count" role="status">
            {(results.totalCountCapped ? t.search.countMore : t.search.count)(formatNumber(results.totalCount, locale))}
          </p>
          {results.totalCount === 0 ? (
            <div className="empty-state">
              <p className="empty-state__title">{t.search.none}</p>
              <p>{t.search.noneHint}</p>
            </div>
          ) : (
            GROUPS.map((kind) => <Group key={kind} kind={kind} group={results[kind]} locale={locale} />)
          )}
        </>
      )}
    </div>
  );
}

function Group({
  kind,
  group,
  locale,
}: {
  kind: (typeof GROUPS)[number];
  group: SearchGroup;
  locale: Parameters<typeof getDictionary>[0];
}) {
  if (group.totalCount === 0) return null;
  const t = getDictionary(locale);
  const headingId = `site-search-${kind}`;
  return (
    <section className="section" aria-labelledby={headingId} data-kind={kind}>
      <h2 id={headingId}>
        {t.search.groups[kind]}{' '}
        <small>
          (
          {t.search.groupCount(
            formatNumber(group.hits.length, locale),
            group.totalCountCapped ? t.search.more(formatNumber(group.totalCount, locale)) : formatNumber(group.totalCount, locale),
          )}
          )
        </small>
      </h2>
      <ul>
        {group.hits.map((hit) => (
          <li key={hit.id} className={hit.event?.status === 'CANCELLED' ? 'search-hit search-hit--cancelled' : 'search-hit'}>
            {/* A hit with no English stands in Persian: marked so, as on the lists it comes from. */}
            <a href={localePath(locale, hit.path)}>
              <LocalizedText text={hit.title} locale={locale} />
            </a>
            {/* An occasion is found as its next day: the day says which. */}
            {hit.date && (
              <p>
                <time dateTime={hit.date}>{formatDayWithWeekday(new Date(`${hit.date}T12:00:00Z`), locale)}</time>
              </p>
            )}
            {hit.event && <EventWhen event={hit.event} locale={locale} />}
            {hit.snippet && (
              <p className="search-hit__snippet" {...fallbackProps(hit.snippet, locale)}>
                {hit.snippet}
              </p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * When an event found takes place, with its year (hits are of any year, newest first), and whether
 * it was cancelled: without them a past or cancelled event read like an upcoming one. One day reads
 * as the events list shows it («دوشنبه ۱۶ آذر ۱۴۰۵ • ساعت ۱۸:۰۰ تا ۲۰:۰۰»), several as their span.
 */
function EventWhen({ event, locale }: { event: NonNullable<SearchHit['event']>; locale: Parameters<typeof getDictionary>[0] }) {
  const t = getDictionary(locale);
  return (
    <p className="search-hit__when" data-event-when>
      {spansDays(event) ? (
        <time dateTime={isoDay(event.startsAt)}>{eventTime(event, locale, { withYear: true })}</time>
      ) : (
        <>
          <time dateTime={isoDay(event.startsAt)}>{formatDayWithWeekday(new Date(event.startsAt), locale)}</time>
          {' • '}
          {eventTime(event, locale)}
        </>
      )}
      {event.status === 'CANCELLED' && <strong className="search-hit__cancelled"> • {t.search.cancelled}</strong>}
    </p>
  );
}
