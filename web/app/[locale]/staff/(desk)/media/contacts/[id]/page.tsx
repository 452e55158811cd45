import { notFound } from 'next/navigation';
import { DayField } from '@/components/staff/day-field';
import { graphqlLocale } from '@/lib/i18n/locales';
import { localePath } from '@/lib/i18n/routing';
import { staffQuery } from '@/lib/staff/api';
import { mediaText } from '@/lib/staff/media-text';
import { param } from '@/lib/staff/page';
import { completeFollowUp, deleteContact, logInteraction, updateContact } from '../../actions';
import { ContactFields, contactFieldLabels } from '../../contact-fields';
import { ActionNotice, MediaNav } from '../../media-nav';
import { OUTLET_OPTIONS, outletName } from '../../media.query';
import type { StaffMediaContactQuery, StaffMediaContactQueryVariables } from '@/lib/api/graphql.generated';
import type { Operation } from '@/lib/api/request';
import { NextPage } from '@/components/staff/list';
import { StaffHeader } from '@/components/staff/header';
import { openRecordPage, staffRecordMetadata } from '@/lib/staff/open-page';
import { CONTACT_TITLE } from '@/lib/staff/record-titles';
import { FormPanel } from '@/components/staff/form-panel';
import { Choice, Field } from '@/components/staff/fields';
import { StaffSection } from '@/components/staff/section';
import { ActionButton } from '@/components/staff/buttons';

const CONTACT_QUERY: Operation<StaffMediaContactQuery, StaffMediaContactQueryVariables> = /* GraphQL */ `
  query StaffMediaContact($id: ID!, $after: String, $locale: Locale!) {
    mediaContact(id: $id) {
      id
      unsubscribedAt
      emailDeliveries {
        id
        kind
        status
        queuedAt
        sentAt
        pressRelease {
          id
          title(locale: $locale)
        }
      }
      releasesReceived {
        sentAt
        release {
          id
          title(locale: $locale)
          status
        }
      }
      name
      role
      email
      phones
      beats
      language
      notes
      outletId
      outlet {
        nameFa
        nameEn
      }
    }
    mediaInteractions(first: 25, after: $after, filter: { contactId: $id }) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          kind
          topic
          notes
          occurredAt
          followUpOn
          followUpDoneAt
          followUpOverdue
          staff {
            displayName
          }
        }
      }
    }
  }
`;

type Params = PageProps<'/[locale]/staff/media/contacts/[id]'>;

export const generateMetadata = staffRecordMetadata((locale) => mediaText[locale].history, 'media', CONTACT_TITLE);

export default async function MediaContactPage({ params, searchParams }: Params) {
  const { locale, id, query, st, f } = await openRecordPage('media', { params, searchParams });
  const t = mediaText[locale];
  const after = param(query, 'after');
  const [{ mediaContact: contact, mediaInteractions }, outlets] = await Promise.all([
    staffQuery(CONTACT_QUERY, { id, after: after ?? null, locale: graphqlLocale[locale] }),
    staffQuery(OUTLET_OPTIONS),
  ]);
  if (!contact) notFound();
  const page = `/staff/media/contacts/${id}`;

  return (
    <>
      <StaffHeader
        title={contact.name}
        intro={[contact.role, outletName(contact.outlet, locale)].filter(Boolean).join(locale === 'fa' ? '، ' : ', ')}
        crumb={{ href: localePath(locale, '/staff/media'), label: t.nav.contacts }}
      />
      <MediaNav locale={locale} current="contacts" />
      <ActionNotice locale={locale} query={query} messages={{ saved: t.contactSaved, logged: t.logged, completed: t.completed }} />

      <div className="staff-grid staff-grid--2">
        {/* The releases sent to them: part of the history of what the office sent this journalist. */}
        <section className="staff-panel" id="releases-sent" aria-labelledby="releases-sent-title" data-releases-sent>
          <h2 id="releases-sent-title">
            {t.releasesSent} ({f.number(contact.releasesReceived.length)})
          </h2>
          {contact.releasesReceived.length === 0 ? (
            <p className="staff-muted">{t.noReleasesSent}</p>
          ) : (
            <ul className="staff-list">
              {contact.releasesReceived.map((r) =>
                r.release ? (
                  <li key={r.release.id}>
                    <a href={localePath(locale, `/staff/media/releases/${r.release.id}`)} dir="auto">
                      {r.release.title}
                    </a>{' '}
                    <span className="staff-muted staff-small">
                      {f.join([t.sentOn(f.dateTime(r.sentAt)), t.releaseStatus[r.release.status] ?? r.release.status])}
                    </span>
                  </li>
                ) : null,
              )}
            </ul>
          )}
        </section>
        <section className="staff-panel" id="emails-sent" aria-labelledby="emails-sent-title" data-emails-sent>
          <h2 id="emails-sent-title">
            {t.emailsSent} ({f.number(contact.emailDeliveries.length)})
          </h2>
          {contact.unsubscribedAt && <p className="staff-muted">{t.unsubscribed(f.dateTime(contact.unsubscribedAt))}</p>}
          {contact.emailDeliveries.length === 0 ? (
            <p className="staff-muted">{t.noEmailDeliveries}</p>
          ) : (
            <ul className="staff-list">
              {contact.emailDeliveries.map((d) => (
                <li key={d.id} data-email-status={d.status}>
                  {d.pressRelease ? (
                    <a href={localePath(locale, `/staff/media/releases/${d.pressRelease.id}`)} dir="auto">
                      {d.pressRelease.title}
                    </a>
                  ) : (
                    (t.emailKinds[d.kind] ?? d.kind)
                  )}{' '}
                  <span className="staff-muted staff-small">
                    {f.join([t.emailStatuses[d.status] ?? d.status, f.dateTime(d.sentAt ?? d.queuedAt)])}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className="staff-panel" id="history" aria-labelledby="history-title">
          <h2 id="history-title">
            {t.history} ({f.number(mediaInteractions.totalCount)})
          </h2>
          {mediaInteractions.edges.length === 0 ? (
            <p className="staff-muted">{t.noHistory}</p>
          ) : (
            <ol className="staff-list" data-interactions>
              {mediaInteractions.edges.map(({ node: i }) => (
                <li key={i.id}>
                  <p className="staff-card-title">{i.topic}</p>
                  <p className="staff-meta">
                    <span className="staff-badge staff-badge--info">{t.kinds[i.kind]}</span>
                    <span>{f.dateTime(i.occurredAt)}</span>
                    {i.staff && (
                      <span>
                        {t.by}: {i.staff.displayName}
                      </span>
                    )}
                  </p>
                  {i.notes && <p style={{ margin: '0.25rem 0 0' }}>{i.notes}</p>}
                  {i.followUpOn && (
                    <div className="staff-actions staff-small" style={{ marginBlockStart: '0.25rem' }}>
                      <span>
                        {t.followUp}: {f.day(i.followUpOn)}
                      </span>
                      {i.followUpDoneAt ? (
                        <span className="staff-badge staff-badge--ok">{t.done}</span>
                      ) : (
                        <>
                          {i.followUpOverdue && <span className="staff-badge staff-badge--bad">{t.overdue}</span>}
                          <ActionButton action={completeFollowUp.bind(null, i.id, page)} variant="quiet" small>
                            {t.complete}
                          </ActionButton>
                        </>
                      )}
                    </div>
                  )}
                </li>
              ))}
            </ol>
          )}
          <NextPage base={localePath(locale, page)} pageInfo={mediaInteractions.pageInfo} label={st.common.next} hash="#history" />
        </section>

        <FormPanel
          id="log-title"
          title={t.logInteraction}
          submit={t.logInteraction}
          action={logInteraction.bind(null, id)}
          locale={locale}
          fieldLabels={{ topic: t.topic, kind: t.kind, occurredAt: t.occurredOn, followUpOn: t.followUpOn, notes: t.notes }}
        >
          <div className="staff-fields">
            <Choice
              id="log-kind"
              name="kind"
              label={t.kind}
              value="INQUIRY_RECEIVED"
              options={Object.entries(t.kinds).map(([value, label]) => ({ value, label }))}
            />
            <Field id="log-topic" label={t.topic} wide>
              <input id="log-topic" name="topic" required maxLength={300} />
            </Field>
            <Field id="log-day" label={t.occurredOn} optional={locale}>
              <DayField id="log-day" name="occurredDay" locale={locale} label={t.occurredOn} aria-describedby="log-day-hint" />
              <span className="staff-field__hint" id="log-day-hint">
                {t.occurredHint}
                {locale === 'fa' ? '؛ ' : '; '}
                {st.common.dayHint}
              </span>
            </Field>
            <Field id="log-time" label={st.common.time} optional={locale}>
              <input id="log-time" name="occurredTime" type="time" />
            </Field>
            <Field id="log-follow" label={t.followUpOn} optional={locale}>
              <DayField id="log-follow" name="followUpOn" locale={locale} label={t.followUpOn} aria-describedby="log-follow-hint" />
              <span className="staff-field__hint" id="log-follow-hint">
                {st.common.dayHint}
              </span>
            </Field>
            <Field id="log-notes" label={t.notes} optional={locale} wide>
              <textarea id="log-notes" name="notes" maxLength={5000} />
            </Field>
          </div>
        </FormPanel>
      </div>

      <FormPanel
        id="edit-title"
        title={t.editContact}
        submit={st.common.save}
        action={updateContact.bind(null, id)}
        locale={locale}
        fieldLabels={contactFieldLabels(locale)}
      >
        <ContactFields
          locale={locale}
          idPrefix="edit"
          outlets={outlets.mediaOutlets.edges.map((e) => e.node)}
          values={{
            name: contact.name,
            role: contact.role ?? '',
            outletId: contact.outletId ?? '',
            phones: contact.phones,
            email: contact.email ?? '',
            beats: contact.beats,
            language: contact.language,
            notes: contact.notes ?? '',
          }}
        />
      </FormPanel>
      <StaffSection headingId="personal-data" title={t.personalData}>
        <p>{t.personalDataHint}</p>
        <p>
          <a className="staff-button staff-button--quiet" href={localePath(locale, `/staff/exports/media-contacts/${id}`)} download>
            {t.exportContactData}
          </a>
        </p>
        <ActionButton action={deleteContact.bind(null, id)} variant="danger" style={{ marginBlockStart: '1rem' }}>
          {t.deleteContact}
        </ActionButton>
      </StaffSection>
    </>
  );
}
