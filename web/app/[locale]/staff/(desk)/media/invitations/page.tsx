import { graphqlLocale } from '@/lib/i18n/locales';
import { localePath } from '@/lib/i18n/routing';
import { isUuid, staffQuery } from '@/lib/staff/api';
import { addDays, cityDay } from '@/lib/staff/dates';
import { mediaText } from '@/lib/staff/media-text';
import { param } from '@/lib/staff/page';
import { inviteContacts, removeInvitation, updateInvitation } from '../actions';
import { ActionNotice, MediaNav } from '../media-nav';
import { CONTACT_OPTIONS, outletName } from '../media.query';
import type {
  StaffInvitationEventsQuery,
  StaffInvitationEventsQueryVariables,
  StaffMediaInvitationsQuery,
  StaffMediaInvitationsQueryVariables,
} from '@/lib/api/graphql.generated';
import type { Operation } from '@/lib/api/request';
import { StaffTable } from '@/components/staff/list';
import { StaffHeader } from '@/components/staff/header';
import { openStaffPage, staffPageMetadata } from '@/lib/staff/open-page';
import { Field } from '@/components/staff/fields';
import { ContactChoices } from '../contact-choices';
import { StaffSection } from '@/components/staff/section';
import { ActionButton, SubmitRow } from '@/components/staff/buttons';

const EVENTS_QUERY: Operation<StaffInvitationEventsQuery, StaffInvitationEventsQueryVariables> = /* GraphQL */ `
  query StaffInvitationEvents($from: String!, $to: String!, $locale: Locale!) {
    events(
      from: $from
      to: $to
      first: 50
      statuses: [PUBLISHED, DRAFT]
      kinds: [MAYOR_APPEARANCE, PRESS_CONFERENCE, CULTURAL_EVENT, CRISIS_NOTICE, OTHER]
    ) {
      edges {
        node {
          id
          title(locale: $locale)
          startsAt
          endsAt
          status
        }
      }
    }
  }
`;

const INVITATIONS_QUERY: Operation<StaffMediaInvitationsQuery, StaffMediaInvitationsQueryVariables> = /* GraphQL */ `
  query StaffMediaInvitations($eventId: ID!) {
    mediaInvitations(first: 50, filter: { eventId: $eventId }) {
      totalCount
      edges {
        node {
          id
          reply
          attended
          invitedAt
          note
          contactId
          contact {
            name
            phones
            outlet {
              nameFa
              nameEn
            }
          }
        }
      }
    }
  }
`;

const REPLIES = ['AWAITING', 'ACCEPTED', 'DECLINED', 'TENTATIVE'];

export const generateMetadata = staffPageMetadata((locale) => mediaText[locale].nav.invitations, 'media');

export default async function InvitationsPage({ params, searchParams }: PageProps<'/[locale]/staff/media/invitations'>) {
  const { locale, query, f } = await openStaffPage('media', { params, searchParams });
  const t = mediaText[locale];
  const today = cityDay();
  // The days ahead and the last month are asked for apart: one list from a month back, cut at 50
  // in start order, held only past events in a busy month, and the next event was not on the page.
  const [ahead50, month50] = await Promise.all([
    staffQuery(EVENTS_QUERY, { from: today, to: addDays(today, 365), locale: graphqlLocale[locale] }),
    staffQuery(EVENTS_QUERY, { from: addDays(today, -30), to: today, locale: graphqlLocale[locale] }),
  ]);
  const eventParam = param(query, 'event');
  // Invitations are for what is ahead: the events not over yet first, in start order, then the last
  // month's, newest first (for their replies and attendance). Without a choice the page opens on the
  // next event, not on one that is over (the first of the list, a month back), nor on any when
  // none is ahead. Today's events are in both lists: each is listed once.
  const now = Date.now();
  const seen = new Set<string>();
  const all = [...month50.events.edges, ...ahead50.events.edges]
    .map((e) => e.node)
    .filter((e) => !seen.has(e.id) && seen.add(e.id))
    .sort((a, b) => new Date(a.startsAt).getTime() - new Date(b.startsAt).getTime());
  const ahead = all.filter((e) => new Date(e.endsAt).getTime() > now);
  const past = all.filter((e) => new Date(e.endsAt).getTime() <= now).reverse();
  const event = all.find((e) => e.id === eventParam) ?? (eventParam && isUuid(eventParam) ? null : (ahead[0] ?? null));
  const choice = (node: (typeof all)[number]) => (
    <option key={node.id} value={node.id}>
      {node.title} — {f.dateTime(node.startsAt)}
    </option>
  );
  const [invitations, contacts] = await Promise.all([
    event ? staffQuery(INVITATIONS_QUERY, { eventId: event.id }) : null,
    staffQuery(CONTACT_OPTIONS, { after: null }),
  ]);
  const invited = new Set(invitations?.mediaInvitations.edges.map((e) => e.node.contactId));
  const invitedCount = param(query, 'invited');

  return (
    <>
      <StaffHeader title={t.nav.invitations} intro={t.invitationsIntro} />
      <MediaNav locale={locale} current="invitations" />
      <ActionNotice
        locale={locale}
        query={query}
        done={invitedCount ? 'invited' : undefined}
        messages={{ invited: t.invited(f.number(Number(invitedCount ?? 0))), updated: t.updated }}
      />
      <div className="staff-panel">
        {ahead.length === 0 && <p className="staff-muted">{t.noEvents}</p>}
        {all.length > 0 && (
          <form method="get" action={localePath(locale, '/staff/media/invitations')} className="staff-fields" aria-label={t.chooseEvent}>
            <Field id="inv-event" label={t.event} wide>
              <select id="inv-event" name="event" defaultValue={event?.id ?? ''}>
                {!event && <option value="">{t.noEventChosen}</option>}
                {ahead.length > 0 && <optgroup label={t.eventsAhead}>{ahead.map(choice)}</optgroup>}
                {past.length > 0 && <optgroup label={t.eventsPast}>{past.map(choice)}</optgroup>}
              </select>
            </Field>
            <SubmitRow variant="quiet">{t.chooseEvent}</SubmitRow>
          </form>
        )}
      </div>
      {event && invitations && (
        <>
          <section className="staff-panel" aria-labelledby="inv-title">
            <h2 id="inv-title">
              {event.title} ({f.number(invitations.mediaInvitations.totalCount)})
            </h2>
            {invitations.mediaInvitations.edges.length === 0 ? (
              <p className="staff-muted">{t.noInvitations}</p>
            ) : (
              <StaffTable columns={[t.name, t.outlet, t.reply]}>
                {invitations.mediaInvitations.edges.map(({ node: inv }) => (
                  <tr key={inv.id}>
                    <th scope="row">{inv.contact?.name ?? '—'}</th>
                    <td>{outletName(inv.contact?.outlet, locale)}</td>
                    <td>
                      <form action={updateInvitation.bind(null, event.id, inv.id)} className="staff-actions">
                        <label className="visually-hidden" htmlFor={`reply-${inv.id}`}>
                          {`${t.reply}: ${inv.contact?.name ?? ''}`}
                        </label>
                        <select id={`reply-${inv.id}`} name="reply" defaultValue={inv.reply}>
                          {REPLIES.map((r) => (
                            <option key={r} value={r}>
                              {t.replies[r]}
                            </option>
                          ))}
                        </select>
                        <label className="visually-hidden" htmlFor={`attended-${inv.id}`}>
                          {`${t.attended}: ${inv.contact?.name ?? ''}`}
                        </label>
                        <select
                          id={`attended-${inv.id}`}
                          name="attended"
                          defaultValue={inv.attended == null ? '' : inv.attended ? 'yes' : 'no'}
                        >
                          <option value="">{`${t.attended}: ${t.unknown}`}</option>
                          <option value="yes">{t.attendedYes}</option>
                          <option value="no">{t.attendedNo}</option>
                        </select>
                        <button type="submit" className="staff-button staff-button--quiet staff-button--small">
                          {t.update}
                        </button>
                      </form>
                      <ActionButton
                        action={removeInvitation.bind(null, event.id, inv.id)}
                        variant="danger"
                        small
                        aria-label={`${t.remove}: ${inv.contact?.name ?? ''}`}
                      >
                        {t.remove}
                      </ActionButton>
                    </td>
                  </tr>
                ))}
              </StaffTable>
            )}
          </section>
          <StaffSection headingId="invite-title" title={t.invite}>
            <form action={inviteContacts.bind(null, event.id)} className="staff-form">
              <ContactChoices locale={locale} contacts={contacts.mediaContacts.edges.map(({ node }) => node)} exclude={invited} />
              <SubmitRow>{t.invite}</SubmitRow>
            </form>
          </StaffSection>
        </>
      )}
    </>
  );
}
