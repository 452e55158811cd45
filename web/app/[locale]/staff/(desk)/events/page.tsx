import { getDictionary } from '@/lib/i18n/dictionaries';
import { graphqlLocale } from '@/lib/i18n/locales';
import { localePath } from '@/lib/i18n/routing';
import { staffQuery } from '@/lib/staff/api';
import { addDays, cityDay } from '@/lib/staff/dates';
import { eventsText } from '@/lib/staff/events-text';
import { param } from '@/lib/staff/page';
import { ActionNotice } from '../media/media-nav';
import { createEvent } from './actions';
import { loadEventChoices } from './event-data';
import { eventForm, EventNav } from './event-fields';
import { choiceFilter, FilterForm, FilterSelect } from '@/components/staff/filter-fields';
import type { EventStatus, StaffEventsQuery, StaffEventsQueryVariables } from '@/lib/api/graphql.generated';
import type { Operation } from '@/lib/api/request';
import { NextPage, StaffTable } from '@/components/staff/list';
import { StaffHeader } from '@/components/staff/header';
import { openStaffPage, staffPageMetadata } from '@/lib/staff/open-page';
import { NewRecordPanel } from '@/components/staff/form-panel';

const EVENTS_QUERY: Operation<StaffEventsQuery, StaffEventsQueryVariables> = /* GraphQL */ `
  query StaffEvents($from: String!, $to: String!, $after: String, $statuses: [EventStatus!], $locale: Locale!) {
    events(
      from: $from
      to: $to
      first: 50
      after: $after
      statuses: $statuses
      kinds: [PRESS_CONFERENCE, MAYOR_APPEARANCE, CULTURAL_EVENT, CRISIS_NOTICE, OTHER, NATIONAL_OCCASION, RELIGIOUS_OCCASION]
    ) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          kind
          status
          pinned
          title(locale: $locale)
          startsAt
          endsAt
          allDay
          occasion {
            id
          }
          district {
            name(locale: $locale)
          }
        }
      }
    }
  }
`;

const STATUSES: EventStatus[] = ['DRAFT', 'PUBLISHED', 'CANCELLED'];

export const generateMetadata = staffPageMetadata((locale) => eventsText[locale].title, 'events');

export default async function StaffEventsPage({ params, searchParams }: PageProps<'/[locale]/staff/events'>) {
  const { locale, query, st, f } = await openStaffPage('events', { params, searchParams });
  const t = eventsText[locale];
  const d = getDictionary(locale);
  const statusFilter = choiceFilter(query, 'status', STATUSES, t.status);
  const status = statusFilter.value;
  const after = param(query, 'after');
  const today = cityDay();
  const [{ events }, choices] = await Promise.all([
    staffQuery(EVENTS_QUERY, {
      from: addDays(today, -30),
      to: addDays(today, 365),
      after: after ?? null,
      statuses: status ? [status] : STATUSES,
      locale: graphqlLocale[locale],
    }),
    loadEventChoices(locale),
  ]);
  // Occasions have their own page: the list shows the events editors write.
  const rows = events.edges.map((e) => e.node).filter((e) => !e.occasion);
  const base = localePath(locale, '/staff/events');
  const badge: Record<string, string> = { DRAFT: '', PUBLISHED: 'staff-badge--ok', CANCELLED: 'staff-badge--bad' };

  return (
    <>
      <StaffHeader title={t.title} intro={t.intro} />
      <EventNav locale={locale} current="events" />
      <ActionNotice locale={locale} query={query} messages={{ deleted: t.deleted }} />
      <div className="staff-panel">
        <FilterForm action={base} locale={locale}>
          <FilterSelect id="event-status" label={st.common.status} locale={locale} {...statusFilter} />
        </FilterForm>
        <StaffTable columns={[t.when, st.common.title, t.kind, t.district, st.common.status]}>
          {rows.map((e) => (
            <tr key={e.id}>
              {/* Both ends: an event of several days is not read as one day. */}
              <td className="staff-small">{f.span(e.startsAt, e.endsAt)}</td>
              <th scope="row">
                <a href={localePath(locale, `/staff/events/${e.id}`)}>{e.title}</a>
              </th>
              <td>{d.eventKinds[e.kind as keyof typeof d.eventKinds]}</td>
              <td>{e.district?.name ?? t.citywide}</td>
              <td>
                <span className={`staff-badge ${badge[e.status]}`}>{t.status[e.status]}</span>{' '}
                {e.pinned && <span className="staff-badge staff-badge--warn">{t.pinnedBadge}</span>}
              </td>
            </tr>
          ))}
        </StaffTable>
        <NextPage base={base} filters={{ status }} pageInfo={events.pageInfo} label={st.common.next} />
      </div>
      <NewRecordPanel form={eventForm} action={createEvent} locale={locale} fieldProps={{ choices }} />
    </>
  );
}
