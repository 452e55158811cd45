import { formatDayWithWeekday } from '@/lib/format';
import { getDictionary } from '@/lib/i18n/dictionaries';
import type { Locale } from '@/lib/i18n/locales';
import { EventItem, type EventListFields } from './event-item';

interface EventAgendaProps {
  days: Map<string, EventListFields[]>;
  locale: Locale;
  today: string;
  /** The level of each day's heading; events are one level below. */
  headingLevel: 'h2' | 'h3';
}

/** Events grouped by day, each day a section the month grid links to (#day-YYYY-MM-DD). */
export function EventAgenda({ days, locale, today, headingLevel: Heading }: EventAgendaProps) {
  const itemLevel = Heading === 'h2' ? 'h3' : 'h4';
  const t = getDictionary(locale).calendar;
  return (
    <div className="agenda">
      {[...days].map(([day, events]) => (
        <section key={day} id={`day-${day}`} className="agenda__day" aria-labelledby={`day-${day}-title`} tabIndex={-1}>
          <Heading id={`day-${day}-title`} className="agenda__date">
            <time dateTime={day}>{formatDayWithWeekday(new Date(`${day}T12:00:00Z`), locale)}</time>
            {day === today && <span className="agenda__today">{t.today}</span>}
          </Heading>
          <ul className="agenda__events">
            {events.map((event) => (
              <li key={event.id}>
                <EventItem event={event} locale={locale} headingLevel={itemLevel} />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
