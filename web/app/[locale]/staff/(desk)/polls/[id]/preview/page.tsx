import { notFound } from 'next/navigation';
import { PollForm } from '@/app/[locale]/polls/[id]/poll-form';
import { graphqlLocale, locales } from '@/lib/i18n/locales';
import { localePath } from '@/lib/i18n/routing';
import { staffQuery, uuidOr404 } from '@/lib/staff/api';
import { staffText } from '@/lib/staff/i18n';
import { pollsText } from '@/lib/staff/polls-text';
import { requireSection } from '@/lib/staff/session';
import { localeParam } from '../../../../../locale-param';
import type { StaffPollPreviewQuery, StaffPollPreviewQueryVariables } from '@/lib/api/graphql.generated';
import type { Operation } from '@/lib/api/request';
import { staffRecordMetadata } from '@/lib/staff/open-page';
import { POLL_TITLE } from '@/lib/staff/record-titles';

const PREVIEW_QUERY: Operation<StaffPollPreviewQuery, StaffPollPreviewQueryVariables> = /* GraphQL */ `
  query StaffPollPreview($id: ID!, $locale: Locale!) {
    poll(id: $id) {
      id
      title(locale: $locale)
      description(locale: $locale)
      asksDistrict
      districts {
        id
        name(locale: $locale)
      }
      questions {
        id
        kind
        position
        prompt(locale: $locale)
        required
        maxChoices
        maxLength
        options {
          id
          label(locale: $locale)
        }
      }
    }
    districts {
      id
      name(locale: $locale)
    }
  }
`;

type Params = PageProps<'/[locale]/staff/polls/[id]/preview'>;

export const generateMetadata = staffRecordMetadata((locale) => pollsText[locale].builder.preview, 'pollBuilder', POLL_TITLE);

/** The poll exactly as the public form shows it (the public component itself), made inert. */
export default async function PollPreviewPage({ params }: Params) {
  const locale = await localeParam(params);
  await requireSection('pollBuilder');
  const id = uuidOr404((await params).id);
  const t = pollsText[locale].builder;
  const { poll, districts } = await staffQuery(PREVIEW_QUERY, { id, locale: graphqlLocale[locale] });
  if (!poll) notFound();
  const other = locales.find((l) => l !== locale) ?? locale;
  const questions = [...poll.questions].sort((a, b) => a.position - b.position);
  const eligible = poll.districts.length ? poll.districts : districts;

  return (
    <>
      <header className="staff-header">
        <div>
          <p className="breadcrumb">
            <a href={localePath(locale, `/staff/polls/${id}`)}>{pollsText[locale].edit}</a>
          </p>
          <h1>{t.previewTitle(poll.title)}</h1>
          <p>{t.previewNote}</p>
        </div>
        <a className="staff-button staff-button--quiet" href={localePath(other, `/staff/polls/${id}/preview`)} lang={other}>
          {staffText[locale].languageSwitch}
        </a>
      </header>
      <div className="staff-preview" data-poll-preview>
        <div className="page page--narrow" style={{ paddingBlock: 0 }}>
          <h2>{poll.title}</h2>
          {poll.description && <p className="page__intro">{poll.description}</p>}
          <div inert>
            <PollForm
              pollId={poll.id}
              locale={locale}
              questions={questions}
              asksDistrict={poll.asksDistrict || poll.districts.length > 0}
              districts={eligible}
            />
          </div>
        </div>
      </div>
    </>
  );
}
