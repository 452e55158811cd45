import type { Metadata } from 'next';
import { eventTime, spansDays } from '@/components/event-item';
import { formatDayWithWeekday } from '@/lib/format';
import { formatMonthParam, solarDate } from '@/lib/calendar';
import { getDictionary } from '@/lib/i18n/dictionaries';
import { localePath } from '@/lib/i18n/routing';
import { pageMetadata, summarize } from '@/lib/metadata';
import { openGraphImage } from '@/lib/images';
import { PageFigure } from '@/components/api-image';
import { localeParam } from '../../locale-param';
import { loadEvent } from './event.query';
import { LocalizedText } from '@/components/localized-text';
import { fallbackProps } from '@/lib/i18n/fallback';

// Rendered per request from the API; `next build` must not call it.
export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: PageProps<'/[locale]/events/[id]'>): Promise<Metadata> {
  const locale = await localeParam(params);
  const event = await loadEvent(decodeURIComponent((await params).id), locale);
  return pageMetadata(locale, {
    title: event.title,
    description: summarize(event.description),
    type: 'article',
    image: openGraphImage(event.image),
  });
}

export default async function EventPage({ params }: PageProps<'/[locale]/events/[id]'>) {
  const locale = await localeParam(params);
  const t = getDictionary(locale);
  const event = await loadEvent(decodeURIComponent((await params).id), locale);
  const calendarHref = `${localePath(locale, '/calendar')}?month=${formatMonthParam(solarDate(event.date))}`;
  const paragraphs = (event.description ?? '').split(/\n\s*\n/).filter((p) => p.trim());

  return (
    <article className="container page page--narrow">
      <p className="breadcrumb">
        <a href={calendarHref}>{t.event.backToCalendar}</a>
      </p>
      <header className="page__header">
        <p className="page__eyebrow">{t.eventKinds[event.kind]}</p>
        <h1>
          <LocalizedText text={event.title} locale={locale} />
        </h1>
      </header>
      <PageFigure image={event.image} />

      {event.status === 'CANCELLED' && (
        <div className="notice notice--warning" role="note">
          <p>{t.event.cancelled}</p>
        </div>
      )}

      <dl className="facts">
        <div>
          <dt>{t.event.when}</dt>
          <dd>
            {/* The site's own formatting rather than the API's text: the same calendar rule as every
                other page. An event of several days is its span, with the years. */}
            {spansDays(event) ? (
              eventTime(event, locale, { withYear: true })
            ) : (
              <>
                <time dateTime={event.date}>{formatDayWithWeekday(new Date(`${event.date}T12:00:00Z`), locale)}</time>
                {' • '}
                {eventTime(event, locale)}
              </>
            )}
          </dd>
        </div>
        {event.lunarHijriDate && (
          <div>
            <dt>{t.event.lunar}</dt>
            <dd>{event.lunarHijriDate.text}</dd>
          </div>
        )}
        {event.venue && (
          <div>
            <dt>{t.event.where}</dt>
            <dd {...fallbackProps(event.venue, locale)}>{event.venue}</dd>
          </div>
        )}
        <div>
          <dt>{t.event.district}</dt>
          <dd {...fallbackProps(event.district?.name, locale)}>{event.district?.name ?? t.event.citywide}</dd>
        </div>
      </dl>

      {paragraphs.map((paragraph, i) => (
        <p key={i} className="prose" {...fallbackProps(paragraph, locale)}>
          {paragraph}
        </p>
      ))}

      <p className="event-actions">
        {/* A file download: works without JavaScript; calendar apps open .ics files. */}
        <a className="button" href={`${localePath(locale, `/events/${encodeURIComponent(event.id)}`)}/ics`} download>
          {t.event.addToCalendar}
        </a>
      </p>

      {(event.poll || event.goal) && (
        <ul className="related">
          {event.poll && (
            <li>
              {t.event.relatedPoll}: <a href={localePath(locale, `/polls/${event.poll.id}`)}>{event.poll.title}</a>
            </li>
          )}
          {event.goal && (
            <li>
              {t.event.relatedGoal}: <a href={localePath(locale, `/goals/${event.goal.id}`)}>{event.goal.title}</a>
            </li>
          )}
        </ul>
      )}
    </article>
  );
}
