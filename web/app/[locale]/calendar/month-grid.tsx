import { eventHref, type EventListFields } from '@/components/event-item';
import { formatGregorianShort, formatSolarDay, formatSolarMonth, monthDays, weekdayIndex, weekdays, type SolarMonth } from '@/lib/calendar';
import { formatDayWithWeekday, formatNumber } from '@/lib/format';
import { getDictionary } from '@/lib/i18n/dictionaries';
import type { Locale } from '@/lib/i18n/locales';

interface MonthGridProps {
  month: SolarMonth;
  events: Map<string, EventListFields[]>;
  /** The agenda below the grid: each event under one day only, its first in the month. */
  agenda: Map<string, EventListFields[]>;
  today: string;
  locale: Locale;
}

/**
 * Titles shown in a day's cell; the rest are counted and listed in the agenda below the grid,
 * which also gives each religious occasion its lunar date. (More in the cells cost the page
 * several Lighthouse points on a phone for little gain.)
 */
const SHOWN_PER_DAY = 2;

/**
 * A Solar Hijri month as a table, Saturday to Friday: Saturday on the right in Persian. Each day
 * links its events; on phones the cells keep only a marker, and the agenda below has them all,
 * with the lunar date beside each religious occasion.
 */
export function MonthGrid({ month, events, agenda, today, locale }: MonthGridProps) {
  const dictionary = getDictionary(locale);
  const t = dictionary.calendar;
  const days = monthDays(month);
  const leading = weekdayIndex(days[0]);
  const cells: (string | null)[] = [...Array(leading).fill(null), ...days];
  while (cells.length % 7) cells.push(null);
  const weeks = Array.from({ length: cells.length / 7 }, (_, i) => cells.slice(i * 7, i * 7 + 7));
  const names = weekdays(locale);
  // Where a day's marker leads: its own section of the agenda, or, for a day that only continues
  // events begun earlier (which the agenda lists once, on their first day), the earliest section
  // that lists one of them. "#day-…" of a day with no section went nowhere.
  const listedOn = new Map([...agenda].flatMap(([day, list]) => list.map((event) => [event.id, day] as const)));
  const target = (day: string, list: EventListFields[]) =>
    agenda.has(day)
      ? day
      : (list
          .map((event) => listedOn.get(event.id))
          .filter((d): d is string => d !== undefined)
          .sort()[0] ?? day);

  return (
    <table className="month-grid">
      <caption className="visually-hidden">{formatSolarMonth(month, locale)}</caption>
      <thead>
        <tr>
          {names.map((name, i) => (
            <th key={name} scope="col" abbr={name} className={i === 6 ? 'month-grid__weekend' : undefined}>
              {/* Persian weekdays differ in their first letter; English ones need two (Sa Su … Th Fr). */}
              <span aria-hidden="true">{locale === 'en' ? name.slice(0, 2) : Array.from(name)[0]}</span>
              <span className="month-grid__weekday">{name}</span>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map((week, w) => (
          <tr key={w}>
            {week.map((day, i) => {
              if (!day) return <td key={i} className="month-grid__empty" />;
              const list = events.get(day) ?? [];
              const holiday = i === 6 || list.some((e) => e.occasion?.holiday);
              const classes = ['month-grid__day', holiday && 'month-grid__day--holiday', day === today && 'month-grid__day--today']
                .filter(Boolean)
                .join(' ');
              return (
                <td key={day} className={classes} aria-current={day === today ? 'date' : undefined}>
                  <span className="month-grid__number">
                    <time dateTime={day} aria-label={formatDayWithWeekday(new Date(`${day}T12:00:00Z`), locale)}>
                      {formatSolarDay(day, locale)}
                    </time>
                    {locale === 'en' && <span className="month-grid__gregorian">{formatGregorianShort(day)}</span>}
                  </span>
                  {list.length > 0 && (
                    <>
                      <a className="month-grid__marker" href={`#day-${target(day, list)}`}>
                        <span className="visually-hidden">{t.eventsOn(formatDayWithWeekday(new Date(`${day}T12:00:00Z`), locale))}</span>
                        <span aria-hidden="true">{formatNumber(list.length, locale)}</span>
                      </a>
                      <ul className="month-grid__events">
                        {list.slice(0, SHOWN_PER_DAY).map((event) => {
                          const cancelled = event.status === 'CANCELLED';
                          return (
                            <li
                              key={event.id}
                              className={`month-grid__event month-grid__event--${event.kind.toLowerCase()}${cancelled ? ' month-grid__event--cancelled' : ''}`}
                            >
                              <a href={eventHref(locale, event.id)}>{event.title}</a>
                              {cancelled && <span className="month-grid__cancelled"> • {dictionary.event.cancelledShort}</span>}
                            </li>
                          );
                        })}
                        {list.length > SHOWN_PER_DAY && (
                          <li>
                            <a href={`#day-${target(day, list)}`}>{t.more(formatNumber(list.length - SHOWN_PER_DAY, locale))}</a>
                          </li>
                        )}
                      </ul>
                    </>
                  )}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
