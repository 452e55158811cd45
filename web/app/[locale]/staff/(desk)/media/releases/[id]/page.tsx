import { notFound } from 'next/navigation';
import { ActionForm } from '@/components/staff/action-form';
import { ImagePicker, ReleasePdfPicker } from '@/components/staff/image-picker';
import { localePath } from '@/lib/i18n/routing';
import { staffQuery } from '@/lib/staff/api';
import { formLabels } from '@/lib/staff/i18n';
import { mediaText } from '@/lib/staff/media-text';
import { param } from '@/lib/staff/page';
import { loadDistricts } from '../../../polls/builder-data';
import { deleteRelease, emailRelease, publishRelease, recordDistribution, updateRelease, withdrawRelease } from '../../actions';
import { ActionNotice, MediaNav } from '../../media-nav';
import { CONTACT_OPTIONS } from '../../media.query';
import { ReleaseFields, releaseFieldLabels } from '../../release-fields';
import type { StaffPressReleaseQuery, StaffPressReleaseQueryVariables } from '@/lib/api/graphql.generated';
import type { Operation } from '@/lib/api/request';
import { StaffTable } from '@/components/staff/list';
import { openRecordPage, staffRecordMetadata } from '@/lib/staff/open-page';
import { RELEASE_TITLE } from '@/lib/staff/record-titles';
import { ContactChoices } from '../../contact-choices';
import { StaffSection } from '@/components/staff/section';
import { ActionButton, SubmitRow } from '@/components/staff/buttons';
import { bilingualValues } from '@/lib/staff/forms';

const RELEASE_QUERY: Operation<StaffPressReleaseQuery, StaffPressReleaseQueryVariables> = /* GraphQL */ `
  query StaffPressRelease($id: ID!) {
    pressRelease(id: $id) {
      id
      status
      slug
      publishedAt
      districtId
      titleTranslations {
        fa
        en
      }
      summaryTranslations {
        fa
        en
      }
      bodyTranslations {
        fa
        en
      }
      distribution {
        contactId
        sentAt
        contact {
          name
        }
      }
      emailDeliveries {
        id
        email
        status
        attempts
        lastError
        sentAt
        queuedAt
      }
      image {
        url
        altTranslations {
          fa
          en
        }
      }
      document {
        url
        fileName
      }
    }
  }
`;

type Params = PageProps<'/[locale]/staff/media/releases/[id]'>;

export const generateMetadata = staffRecordMetadata((locale) => mediaText[locale].nav.releases, 'media', RELEASE_TITLE);

export default async function ReleasePage({ params, searchParams }: Params) {
  const { locale, id, query, st, f } = await openRecordPage('media', { params, searchParams });
  const t = mediaText[locale];
  const [{ pressRelease: release }, districts, contacts] = await Promise.all([
    staffQuery(RELEASE_QUERY, { id }),
    loadDistricts(locale),
    staffQuery(CONTACT_OPTIONS, { after: null }),
  ]);
  if (!release) notFound();
  const sent = new Set(release.distribution.map((d) => d.contactId));
  const everPublished = release.publishedAt != null;
  const contactOptions = contacts.mediaContacts.edges.map(({ node }) => node);
  const contactChoices = <ContactChoices locale={locale} contacts={contactOptions} exclude={sent} />;

  return (
    <>
      <header className="staff-header">
        <div>
          <p className="breadcrumb">
            <a href={localePath(locale, '/staff/media/releases')}>{t.nav.releases}</a>
          </p>
          <h1>{release.titleTranslations.fa}</h1>
          <p>
            <span className="staff-badge" data-release-status={release.status}>
              {t.releaseStatus[release.status]}
            </span>{' '}
            {release.publishedAt && f.dateTime(release.publishedAt)}
          </p>
        </div>
        {release.status === 'PUBLISHED' && (
          <a className="staff-button staff-button--quiet" href={localePath(locale, `/news/${release.slug}`)}>
            {t.viewNews}
          </a>
        )}
      </header>
      <MediaNav locale={locale} current="releases" />
      <ActionNotice
        locale={locale}
        query={query}
        messages={{ saved: t.releaseSaved, published: t.published, withdrawn: t.withdrawn, sent: t.sentRecorded, emailed: t.emailed }}
      />

      <StaffSection headingId="publish-title" title={release.status === 'PUBLISHED' ? t.distribution : t.publish}>
        {release.status !== 'PUBLISHED' ? (
          <form action={publishRelease.bind(null, id)} className="staff-form">
            <p className="staff-field__hint">{t.sendTo}</p>
            {contactChoices}
            <SubmitRow row="staff-actions">{t.publish}</SubmitRow>
          </form>
        ) : (
          <>
            {release.distribution.length === 0 ? (
              <p className="staff-muted">{t.noDistribution}</p>
            ) : (
              <ul className="staff-words">
                {release.distribution.map((d) => (
                  <li key={d.contactId}>
                    {d.contact?.name ?? '—'} <span className="staff-small">({f.dateTime(d.sentAt)})</span>
                  </li>
                ))}
              </ul>
            )}
            <form action={recordDistribution.bind(null, id)} className="staff-form" style={{ marginBlockStart: '1rem' }}>
              {contactChoices}
              <SubmitRow variant="quiet" row="staff-actions">
                {t.recordSent}
              </SubmitRow>
            </form>
            <ActionButton action={withdrawRelease.bind(null, id)} variant="danger" style={{ marginBlockStart: '1rem' }}>
              {t.withdraw}
            </ActionButton>
          </>
        )}
      </StaffSection>

      {release.status === 'PUBLISHED' && (
        <StaffSection headingId="email-title" title={t.emailTitle} data="release-email">
          <form action={emailRelease.bind(null, id)} className="staff-form">
            <p className="staff-field__hint">{t.emailHint}</p>
            <ContactChoices locale={locale} contacts={contactOptions} />
            <SubmitRow row="staff-actions">{t.emailSend}</SubmitRow>
          </form>
          <h3>{t.emailDeliveries}</h3>
          {release.emailDeliveries.length === 0 ? (
            <p className="staff-muted">{t.noEmailDeliveries}</p>
          ) : (
            <StaffTable
              className="staff-table"
              data="email-deliveries"
              columns={[t.emailRecipient, t.emailStatus, t.emailAttempts, t.emailSentAt, t.emailLastError]}
            >
              {release.emailDeliveries.map((d) => (
                <tr key={d.id} data-email-status={d.status}>
                  <td dir="ltr">{d.email}</td>
                  <td>{t.emailStatuses[d.status] ?? d.status}</td>
                  <td>{f.number(d.attempts)}</td>
                  <td>{d.sentAt ? f.dateTime(d.sentAt) : '—'}</td>
                  <td dir="auto">{d.lastError ?? ''}</td>
                </tr>
              ))}
            </StaffTable>
          )}
        </StaffSection>
      )}

      <ImagePicker locale={locale} owner="News" id={id} image={release.image} done={param(query, 'done')} />
      <ReleasePdfPicker locale={locale} id={id} document={release.document} />

      <StaffSection headingId="editor-title" title={st.common.edit}>
        <ActionForm
          action={updateRelease.bind(null, id)}
          className="staff-form"
          labels={formLabels(locale)}
          fieldLabels={releaseFieldLabels(locale)}
          aria-label={st.common.edit}
        >
          <input type="hidden" name="slugWas" value={release.slug} />
          <ReleaseFields
            locale={locale}
            idPrefix="edit"
            districts={districts}
            slugFixed={everPublished}
            values={{
              ...bilingualValues('title', release.titleTranslations),
              ...bilingualValues('summary', release.summaryTranslations),
              ...bilingualValues('body', release.bodyTranslations),
              slug: release.slug,
              districtId: release.districtId ?? '',
            }}
          />
          <SubmitRow>{st.common.save}</SubmitRow>
        </ActionForm>
        {release.status === 'DRAFT' && !everPublished && (
          <ActionButton action={deleteRelease.bind(null, id)} variant="danger" style={{ marginBlockStart: '1rem' }}>
            {t.deleteRelease}
          </ActionButton>
        )}
      </StaffSection>
    </>
  );
}
