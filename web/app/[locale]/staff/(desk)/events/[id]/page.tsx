import { notFound } from 'next/navigation';
import { ActionForm } from '@/components/staff/action-form';
import { localePath } from '@/lib/i18n/routing';
import { staffQuery } from '@/lib/staff/api';
import { ImagePicker } from '@/components/staff/image-picker';
import { cityDay, cityTime, dayFieldValue } from '@/lib/staff/dates';
import { eventsText } from '@/lib/staff/events-text';
import { formLabels, staffText } from '@/lib/staff/i18n';
import { param } from '@/lib/staff/page';
import { ActionNotice } from '../../media/media-nav';
import { cancelEvent, deleteEvent, pinEvent, publishEvent, unpinEvent, updateEvent } from '../actions';
import { loadEventChoices } from '../event-data';
import { EventFields, eventFieldLabels, EventNav } from '../event-fields';
import type { StaffEventQuery, StaffEventQueryVariables } from '@/lib/api/graphql.generated';
import type { Operation } from '@/lib/api/request';
import { openRecordPage, staffRecordMetadata } from '@/lib/staff/open-page';
import { EVENT_TITLE } from '@/lib/staff/record-titles';
import { ActionButton, SubmitRow } from '@/components/staff/buttons';
import { bilingualValues } from '@/lib/staff/forms';

const EVENT_QUERY: Operation<StaffEventQuery, StaffEventQueryVariables> = /* GraphQL */ `
  query StaffEvent($id: ID!) {
    event(id: $id) {
      id
      kind
      status
      pinned
      startsAt
      endsAt
      occasion {
        id
      }
      titleTranslations {
        fa
        en
      }
      descriptionTranslations {
        fa
        en
      }
      venueTranslations {
        fa
        en
      }
      district {
        id
      }
      poll {
        id
      }
      goal {
        id
      }
      image {
        url
        altTranslations {
          fa
          en
        }
      }
    }
  }
`;

type Params = PageProps<'/[locale]/staff/events/[id]'>;

export const generateMetadata = staffRecordMetadata((locale) => eventsText[locale].nav.events, 'events', EVENT_TITLE);

export default async function StaffEventPage({ params, searchParams }: Params) {
  const { locale, id, query, f } = await openRecordPage('events', { params, searchParams });
  const t = eventsText[locale];
  const [{ event }, choices] = await Promise.all([staffQuery(EVENT_QUERY, { id }), loadEventChoices(locale)]);
  if (!event || event.occasion) notFound();
  const starts = new Date(event.startsAt);
  const ends = new Date(event.endsAt);

  return (
    <>
      <header className="staff-header">
        <div>
          <p className="breadcrumb">
            <a href={localePath(locale, '/staff/events')}>{t.nav.events}</a>
          </p>
          <h1>{(locale === 'en' && event.titleTranslations.en) || event.titleTranslations.fa}</h1>
          <p>
            <span className="staff-badge" data-event-status={event.status}>
              {t.status[event.status]}
            </span>{' '}
            {event.pinned && <span className="staff-badge staff-badge--warn">{t.pinnedBadge}</span>} {f.span(event.startsAt, event.endsAt)}
          </p>
        </div>
      </header>
      <EventNav locale={locale} current="events" />
      <ActionNotice
        locale={locale}
        query={query}
        messages={{ saved: t.saved, published: t.published, cancelled: t.cancelled, pinned: t.pinned, unpinned: t.unpinned }}
      />
      <section className="staff-panel staff-actions" aria-label={t.publish}>
        {event.status !== 'PUBLISHED' && <ActionButton action={publishEvent.bind(null, id)}>{t.publish}</ActionButton>}
        {event.status === 'PUBLISHED' && event.kind === 'CRISIS_NOTICE' && (
          <ActionButton action={(event.pinned ? unpinEvent : pinEvent).bind(null, id)} variant="quiet">
            {event.pinned ? t.unpin : t.pin}
          </ActionButton>
        )}
        {event.status === 'PUBLISHED' && (
          <ActionButton action={cancelEvent.bind(null, id)} variant="danger">
            {t.cancel}
          </ActionButton>
        )}
        {event.status === 'DRAFT' && (
          <ActionButton action={deleteEvent.bind(null, id)} variant="danger">
            {t.delete}
          </ActionButton>
        )}
      </section>
      <ImagePicker locale={locale} owner="Event" id={id} image={event.image} done={param(query, 'done')} />
      <section className="staff-panel" aria-label={t.titleFa}>
        <ActionForm
          action={updateEvent.bind(null, id)}
          className="staff-form"
          labels={formLabels(locale)}
          fieldLabels={eventFieldLabels(locale)}
        >
          <EventFields
            locale={locale}
            idPrefix="edit"
            choices={choices}
            values={{
              kind: event.kind,
              ...bilingualValues('title', event.titleTranslations),
              ...bilingualValues('description', event.descriptionTranslations),
              venueFa: event.venueTranslations?.fa ?? '',
              venueEn: event.venueTranslations?.en ?? '',
              startDay: dayFieldValue(cityDay(starts), locale),
              startTime: cityTime(starts),
              endDay: dayFieldValue(cityDay(ends), locale),
              endTime: cityTime(ends),
              districtId: event.district?.id ?? '',
              pollId: event.poll?.id ?? '',
              goalId: event.goal?.id ?? '',
            }}
          />
          <SubmitRow>{staffText[locale].common.save}</SubmitRow>
        </ActionForm>
      </section>
    </>
  );
}
