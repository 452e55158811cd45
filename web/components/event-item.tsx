import { gql } from "@apollo/client";
import type { EventKind, EventStatus } from "@/lib/api/schema";
import { formatDayWithWeekday, formatTime } from "@/lib/format";
import { getDictionary } from "@/lib/i18n/dictionaries";
import type { Locale } from "@/lib/i18n/locales";
import { localePath } from "@/lib/i18n/routing";

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

export interface EventListFields {
  id: string;
  kind: EventKind;
  title: string;
  /** The LocalDate it starts on. */
  date: string;
  startsAt: string;
  endsAt: string;
  allDay: boolean;
  status: EventStatus;
  pinned: boolean;
  venue: string | null;
  lunarHijriDate: { text: string } | null;
  occasion: { id: string; holiday: boolean } | null;
  district: { id: string; code: number; name: string } | null;
}

export function eventHref(locale: Locale, id: string): string {
  return localePath(locale, `/events/${encodeURIComponent(id)}`);
}

/** "۱۸:۰۰ تا ۲۰:۰۰" for a timed event; "all day" for an occasion. */
export function eventTime(event: Pick<EventListFields, "allDay" | "startsAt" | "endsAt">, locale: Locale): string {
  const t = getDictionary(locale).event;
  if (event.allDay) return t.allDay;
  return t.timeRange(formatTime(event.startsAt, locale), formatTime(event.endsAt, locale));
}

interface EventItemProps {
  event: EventListFields;
  locale: Locale;
  headingLevel: "h2" | "h3" | "h4";
  /** Show the day too (lists that are not grouped by day). */
  showDate?: boolean;
}

/** One event in a list: kind, title (the link), time, place, and the lunar date of a religious occasion. */
export function EventItem({ event, locale, headingLevel: Heading, showDate = false }: EventItemProps) {
  const t = getDictionary(locale);
  const cancelled = event.status === "CANCELLED";
  return (
    <article className={`event-item event-item--${event.kind.toLowerCase()}${cancelled ? " event-item--cancelled" : ""}`}>
      <p className="event-item__kind">
        {t.eventKinds[event.kind]}
        {event.occasion?.holiday && <span className="event-item__holiday">{t.calendar.holiday}</span>}
      </p>
      <Heading className="event-item__title">
        <a href={eventHref(locale, event.id)}>{event.title}</a>
        {event.lunarHijriDate && (
          <span className="event-item__lunar" lang={locale}>
            {" "}
            ({event.lunarHijriDate.text})
          </span>
        )}
      </Heading>
      <p className="event-item__meta">
        {showDate && (
          <>
            <time dateTime={event.date}>{formatDayWithWeekday(new Date(`${event.date}T12:00:00Z`), locale)}</time>
            {" · "}
          </>
        )}
        <span>{eventTime(event, locale)}</span>
        {(event.venue || event.district) && (
          <span>
            {" · "}
            {[event.venue, event.district?.name].filter(Boolean).join(locale === "fa" ? "، " : ", ")}
          </span>
        )}
        {cancelled && <strong className="event-item__cancelled"> · {t.event.cancelled}</strong>}
      </p>
    </article>
  );
}
