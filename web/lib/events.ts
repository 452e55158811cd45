import { gql, type TypedDocumentNode } from '@apollo/client';
import { EVENT_LIST_FIELDS, eventDays, type EventListFields } from '@/components/event-item';
import { query } from './apollo';
import { graphqlLocale, type Locale } from './i18n/locales';
import type { CalendarEventsQuery, CalendarEventsQueryVariables } from '@/lib/api/graphql.generated';

type EventsData = CalendarEventsQuery;

const EVENTS_QUERY: TypedDocumentNode<CalendarEventsQuery, CalendarEventsQueryVariables> = gql`
  query CalendarEvents($locale: Locale!, $from: String!, $to: String!, $first: Int!, $after: String, $district: ID) {
    events(from: $from, to: $to, first: $first, after: $after, district: $district) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...EventListFields
        }
      }
    }
  }
  ${EVENT_LIST_FIELDS}
`;

/** The API's largest page, and how many pages a calendar reads at most. */
const PAGE_SIZE = 50;
const MAX_PAGES = 10;

/**
 * Events and occasions from `from` to `to` (LocalDates, both included), in start order: those of
 * one district and the citywide ones when `districtId` is given. At most `limit`.
 */
export async function loadEvents(
  locale: Locale,
  range: { from: string; to: string },
  options: { districtId?: string | null; limit?: number } = {},
): Promise<EventListFields[]> {
  const limit = options.limit ?? PAGE_SIZE * MAX_PAGES;
  const events: EventListFields[] = [];
  let after: string | null = null;
  for (let page = 0; page < MAX_PAGES && events.length < limit; page++) {
    const { data }: { data: EventsData } = await query({
      query: EVENTS_QUERY,
      variables: {
        locale: graphqlLocale[locale],
        ...range,
        first: Math.min(PAGE_SIZE, limit - events.length),
        after,
        district: options.districtId ?? null,
      },
    });
    events.push(...data.events.edges.map((edge) => edge.node));
    if (!data.events.pageInfo.hasNextPage || !data.events.pageInfo.endCursor) break;
    after = data.events.pageInfo.endCursor;
  }
  return events;
}

/**
 * Events grouped by the day they start on, in order; one that began before `from` (still on, as an
 * exhibition) is listed once, under `from`, rather than under a day the list does not show.
 */
export function byDay(events: EventListFields[], from?: string): Map<string, EventListFields[]> {
  const days = new Map<string, EventListFields[]>();
  const put = (day: string, event: EventListFields) => days.set(day, [...(days.get(day) ?? []), event]);
  for (const event of events) if (from && event.date < from) put(from, event);
  for (const event of events) if (!from || event.date >= from) put(event.date, event);
  return new Map([...days].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Each of `days` with every event that covers it: an event of several days is on each of them (the month grid). */
export function onEachDay(events: EventListFields[], days: string[]): Map<string, EventListFields[]> {
  const result = new Map<string, EventListFields[]>();
  for (const event of events) {
    const { first, last } = eventDays(event);
    for (const day of days) if (day >= first && day <= last) result.set(day, [...(result.get(day) ?? []), event]);
  }
  return result;
}
