import { gql, type TypedDocumentNode } from '@apollo/client';
import type { Metadata } from 'next';
import { EventAgenda } from '@/components/event-agenda';
import { query } from '@/lib/apollo';
import {
  addDays,
  formatMonthParam,
  formatSolarMonth,
  monthDays,
  parseMonth,
  shiftMonth,
  solarDate,
  today as cityToday,
  type SolarMonth,
} from '@/lib/calendar';
import { byDay, loadEvents, onEachDay } from '@/lib/events';
import { formatDate } from '@/lib/format';
import { getDictionary } from '@/lib/i18n/dictionaries';
import { graphqlLocale, type Locale } from '@/lib/i18n/locales';
import { localePath } from '@/lib/i18n/routing';
import { pageMetadata } from '@/lib/metadata';
import { localeParam } from '../locale-param';
import { MonthGrid } from './month-grid';
import type { CalendarDistrictsQuery, CalendarDistrictsQueryVariables } from '@/lib/api/graphql.generated';
import { PageHeader } from '@/components/page-header';

// Rendered per request from the API; `next build` must not call it.
export const dynamic = 'force-dynamic';

/** The list view covers this many days from today. */
const LIST_DAYS = 60;

const CALENDAR_DISTRICTS_QUERY: TypedDocumentNode<CalendarDistrictsQuery, CalendarDistrictsQueryVariables> = gql`
  query CalendarDistricts($locale: Locale!) {
    districts {
      id
      code
      name(locale: $locale)
    }
  }
`;

type SearchParams = Record<string, string | string[] | undefined>;
const single = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

interface CalendarState {
  view: 'month' | 'list';
  month: SolarMonth;
  /** A month was asked for: the list then shows that month rather than the next days. */
  monthChosen: boolean;
  /** The district's code, as in the URL. */
  district: number | null;
}

function parseState(params: SearchParams, todayDay: string): CalendarState {
  const view = single(params.view) === 'list' ? 'list' : 'month';
  const chosen = parseMonth(single(params.month));
  const month = chosen ?? solarDate(todayDay);
  const code = Number(single(params.district));
  return {
    view,
    month: { year: month.year, month: month.month },
    monthChosen: chosen !== null,
    district: Number.isInteger(code) && code > 0 ? code : null,
  };
}

function calendarHref(locale: Locale, state: CalendarState, change: Partial<CalendarState> = {}): string {
  const next = { ...state, ...change };
  const params = new URLSearchParams();
  if (next.view === 'list') params.set('view', 'list');
  // The list keeps the month being viewed (and the month view comes back to it).
  if (next.view === 'month' || next.monthChosen) params.set('month', formatMonthParam(next.month));
  if (next.district) params.set('district', String(next.district));
  return `${localePath(locale, '/calendar')}?${params}`;
}

export async function generateMetadata({ params }: PageProps<'/[locale]/calendar'>): Promise<Metadata> {
  const locale = await localeParam(params);
  const t = getDictionary(locale);
  return pageMetadata(locale, { title: t.calendar.title, description: t.calendar.intro });
}

export default async function CalendarPage({ params, searchParams }: PageProps<'/[locale]/calendar'>) {
  const locale = await localeParam(params);
  const t = getDictionary(locale);
  const todayDay = cityToday();
  const state = parseState(await searchParams, todayDay);
  const { data } = await query({ query: CALENDAR_DISTRICTS_QUERY, variables: { locale: graphqlLocale[locale] } });
  const district = data.districts.find((d) => d.code === state.district) ?? null;

  const days = monthDays(state.month);
  const range =
    state.view === 'month' || state.monthChosen
      ? { from: days[0], to: days[days.length - 1] }
      : { from: todayDay, to: addDays(todayDay, LIST_DAYS - 1) };
  const loaded = await loadEvents(locale, range, { districtId: district?.id });
  // The agenda lists an event once, from its first day in range; the grid shows it on each day it covers.
  const events = byDay(loaded, range.from);
  const gridEvents = onEachDay(loaded, days);
  const monthName = formatSolarMonth(state.month, locale);
  // The site's own address for the feed (app/calendar.ics relays the API's).
  const feedParams = new URLSearchParams({ locale });
  if (district) feedParams.set('district', String(district.code));
  const feed = `/calendar.ics?${feedParams}`;

  return (
    <div className="container page">
      <PageHeader title={t.calendar.title} intro={t.calendar.intro} />

      <div className="calendar-tools">
        <nav className="view-switch" aria-label={t.calendar.viewLabel}>
          <a href={calendarHref(locale, state, { view: 'month' })} aria-current={state.view === 'month' ? 'page' : undefined}>
            {t.calendar.monthView}
          </a>
          <a href={calendarHref(locale, state, { view: 'list' })} aria-current={state.view === 'list' ? 'page' : undefined}>
            {t.calendar.listView}
          </a>
        </nav>
        {/* A plain GET form: filtering works without JavaScript and gives a shareable URL. */}
        <form className="calendar-filter" method="get" action={localePath(locale, '/calendar')}>
          {state.view === 'list' && <input type="hidden" name="view" value="list" />}
          {(state.view === 'month' || state.monthChosen) && <input type="hidden" name="month" value={formatMonthParam(state.month)} />}
          <div className="field">
            <label htmlFor="calendar-district">{t.calendar.district}</label>
            <select id="calendar-district" name="district" defaultValue={district ? String(district.code) : ''}>
              <option value="">{t.calendar.allDistricts}</option>
              {data.districts.map((d) => (
                <option key={d.id} value={d.code}>
                  {d.name}
                </option>
              ))}
            </select>
          </div>
          <button className="button" type="submit">
            {t.calendar.apply}
          </button>
        </form>
      </div>

      {state.view === 'month' ? (
        <section aria-labelledby="calendar-month">
          <div className="month-nav">
            <a href={calendarHref(locale, state, { month: shiftMonth(state.month, -1) })} rel="prev">
              <span aria-hidden="true">{locale === 'fa' ? '→ ' : '← '}</span>
              {t.calendar.previousMonth}
            </a>
            <h2 id="calendar-month" className="month-nav__title">
              {monthName}
            </h2>
            <a href={calendarHref(locale, state, { month: shiftMonth(state.month, 1) })} rel="next">
              {t.calendar.nextMonth}
              <span aria-hidden="true">{locale === 'fa' ? ' ←' : ' →'}</span>
            </a>
          </div>
          <MonthGrid month={state.month} events={gridEvents} agenda={events} today={todayDay} locale={locale} />
          <h2 className="agenda__title">{t.calendar.eventsIn(monthName)}</h2>
          {events.size === 0 ? (
            <p className="empty-state">{t.calendar.noEvents}</p>
          ) : (
            <EventAgenda days={events} locale={locale} today={todayDay} headingLevel="h3" />
          )}
        </section>
      ) : (
        <section aria-labelledby="calendar-upcoming">
          <h2 id="calendar-upcoming">{state.monthChosen ? t.calendar.eventsIn(monthName) : t.calendar.upcoming}</h2>
          <p className="result-count">
            {t.calendar.upcomingRange(formatDate(`${range.from}T12:00:00Z`, locale), formatDate(`${range.to}T12:00:00Z`, locale))}
          </p>
          {events.size === 0 ? (
            <p className="empty-state">{t.calendar.noEvents}</p>
          ) : (
            <EventAgenda days={events} locale={locale} today={todayDay} headingLevel="h3" />
          )}
        </section>
      )}

      <p className="section__more">
        <a href={feed}>{t.calendar.subscribe}</a>
      </p>
    </div>
  );
}
