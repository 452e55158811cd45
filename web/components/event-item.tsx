import { gql } from '@apollo/client';
import { formatDate, formatDayMonth, formatDayWithWeekday, formatTime, isoDay } from '@/lib/format';
import { getDictionary } from '@/lib/i18n/dictionaries';
import type { Locale } from '@/lib/i18n/locales';
import { localePath } from '@/lib/i18n/routing';
import { LocalizedText } from '@/components/localized-text';
import type { EventListFieldsFragment } from '@/lib/api/graphql.generated';

// Operations that list events spread this fragment; they must declare `$locale: Locale!`.
export const EVENT_LIST_FIELDS = gql`
  fragment EventListFields on Event {
    id
    kind
    title(locale: $locale)
    date
    startsAt
    endsAt
    allDay
    status
    pinned
    venue(locale: $locale)
    lunarHijriDate {
      text(locale: $locale)
    }
    occasion {
      id
      holiday
    }
    district {
      id
      code
      name(locale: $locale)
    }
  }
`;

export type EventListFields = EventListFieldsFragment;

export function eventHref(locale: Locale, id: string): string {
  return localePath(locale, `/events/${encodeURIComponent(id)}`);
}

type Span = Pick<EventListFields, 'allDay' | 'startsAt' | 'endsAt'>;

/**
 * The first and last days (LocalDates in the city) an event covers. An end at midnight, as an
 * all-day occasion's, belongs to the day before.
 */
export function eventDays(event: Span): { first: string; last: string } {
  const first = isoDay(event.startsAt);
  const end = new Date(event.endsAt).getTime();
  const last = end > new Date(event.startsAt).getTime() ? isoDay(new Date(end - 1)) : first;
  return { first, last: last < first ? first : last };
}

const noon = (day: string) => new Date(`${day}T12:00:00Z`);

/**
 * "ساعت ۱۸:۰۰ تا ۲۰:۰۰" for a timed event of one day; both ends with their days for one of
 * several ("از ۱۳ آذر ساعت ۲۳:۰۸ تا ۱۶ آذر ساعت ۰۱:۰۸", with the years where the span stands
 * alone: `withYear`); "all day" for an occasion.
 */
export function eventTime(event: Span, locale: Locale, { withYear = false } = {}): string {
  const t = getDictionary(locale).event;
  const { first, last } = eventDays(event);
  const day = (date: Date | string) => (withYear ? formatDate(date, locale) : formatDayMonth(date, locale));
  if (event.allDay) return first === last ? t.allDay : t.dayRange(day(noon(first)), day(noon(last)));
  if (first === last) return t.timeRange(formatTime(event.startsAt, locale), formatTime(event.endsAt, locale));
  const end = (iso: string) => t.dayAt(day(iso), formatTime(iso, locale));
  return t.dayRange(end(event.startsAt), end(event.endsAt));
}

/** True when the event runs over more than one day. */
export function spansDays(event: Span): boolean {
  const { first, last } = eventDays(event);
  return first !== last;
}

interface EventItemProps {
  event: EventListFields;
  locale: Locale;
  headingLevel: 'h2' | 'h3' | 'h4';
  /** Show the day too (lists that are not grouped by day). */
  showDate?: boolean;
}

/** One event in a list: kind, title (the link), time, place, and the lunar date of a religious occasion. */
export function EventItem({ event, locale, headingLevel: Heading, showDate = false }: EventItemProps) {
  const t = getDictionary(locale);
  const cancelled = event.status === 'CANCELLED';
  return (
    <article className={`event-item event-item--${event.kind.toLowerCase()}${cancelled ? ' event-item--cancelled' : ''}`}>
      <p className="event-item__kind">
        {t.eventKinds[event.kind]}
        {event.occasion?.holiday && <span className="event-item__holiday">{t.calendar.holiday}</span>}
      </p>
      <Heading className="event-item__title">
        <a href={eventHref(locale, event.id)}>
          <LocalizedText text={event.title} locale={locale} />
        </a>
        {event.lunarHijriDate && (
          <span className="event-item__lunar" lang={locale}>
            {' '}
            ({event.lunarHijriDate.text})
          </span>
        )}
      </Heading>
      <p className="event-item__meta">
        {showDate && !spansDays(event) && (
          <>
            <time dateTime={event.date}>{formatDayWithWeekday(new Date(`${event.date}T12:00:00Z`), locale)}</time>
            {' • '}
          </>
        )}
        <span>{eventTime(event, locale)}</span>
        {(event.venue || event.district) && (
          <span>
            {' • '}
            {[event.venue, event.district?.name]
              .filter((part): part is string => Boolean(part))
              .map((part, i) => (
                <span key={i}>
                  {i > 0 && (locale === 'fa' ? '، ' : ', ')}
                  <LocalizedText text={part} locale={locale} />
                </span>
              ))}
          </span>
        )}
        {cancelled && <strong className="event-item__cancelled"> • {t.event.cancelled}</strong>}
      </p>
    </article>
  );
}
