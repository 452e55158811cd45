import { notFound } from 'next/navigation';
import { localePath } from '@/lib/i18n/routing';
import { staffQuery } from '@/lib/staff/api';
import { staffFormat } from '@/lib/staff/format';
import { param } from '@/lib/staff/page';
import { participationText } from '@/lib/staff/participation-text';
import { pollsText } from '@/lib/staff/polls-text';
import { signalsText } from '@/lib/staff/signals-text';
import { builderPoll, builderText, loadDistricts, loadEligibilityLists, numbers, POLL_FOR_EDIT } from '../builder-data';
import { closePoll, publishPoll, savePoll, startPollWave } from '../builder-actions';
import { PollBuilder } from '../poll-builder';
import { openRecordPage, staffRecordMetadata } from '@/lib/staff/open-page';
import { POLL_TITLE } from '@/lib/staff/record-titles';
import { StaffSection } from '@/components/staff/section';
import { ActionButton } from '@/components/staff/buttons';

type Params = PageProps<'/[locale]/staff/polls/[id]'>;

export const generateMetadata = staffRecordMetadata((locale) => pollsText[locale].edit, 'pollBuilder', POLL_TITLE);

const DONE = ['saved', 'published', 'closed', 'wave'] as const;

export default async function EditPollPage({ params, searchParams }: Params) {
  const { locale, id, query, st, f } = await openRecordPage('pollBuilder', { params, searchParams });
  const t = pollsText[locale];
  const [{ poll, pollInsights }, districts, lists] = await Promise.all([
    staffQuery(POLL_FOR_EDIT, { id }),
    loadDistricts(locale),
    loadEligibilityLists(),
  ]);
  const pt = participationText[locale];
  if (!poll) notFound();
  const responses = pollInsights?.responseCount ?? 0;
  const done = DONE.find((d) => d === param(query, 'done'));
  const doneText = { saved: t.builder.saved, published: t.builder.published, closed: t.builder.closed, wave: t.builder.waveStarted };
  const error = param(query, 'error');

  return (
    <>
      <header className="staff-header">
        <div>
          <p className="breadcrumb">
            <a href={localePath(locale, '/staff/polls')}>{t.listTitle}</a>
          </p>
          <h1>{t.builder.editTitle((locale === 'en' && poll.titleTranslations.en) || poll.titleTranslations.fa)}</h1>
          <p>
            <span className="staff-badge" data-poll-status={poll.status}>
              {t.status[poll.status]}
            </span>{' '}
            {f.join([t.wave(f.number(poll.wave)), `${t.insightsPage.responses}:`])} <span data-response-count>{f.number(responses)}</span>
          </p>
        </div>
        <div className="staff-actions">
          <a className="staff-button staff-button--quiet" href={localePath(locale, `/staff/polls/${id}/preview`)}>
            {t.builder.preview}
          </a>
          <a className="staff-button staff-button--quiet" href={localePath(locale, `/staff/polls/${id}/insights`)}>
            {t.insights}
          </a>
          <a className="staff-button staff-button--quiet" href={localePath(locale, `/staff/polls/${id}/signals`)}>
            {signalsText[locale].link}
          </a>
          {poll.status !== 'DRAFT' && (
            <a className="staff-button staff-button--quiet" href={localePath(locale, `/polls/${id}`)}>
              {t.builder.viewPublic}
            </a>
          )}
        </div>
      </header>

      {done && (
        <div className="staff-alert staff-alert--ok" role="status">
          <p>{doneText[done]}</p>
        </div>
      )}
      {error && (
        <div className="staff-alert staff-alert--error" role="alert">
          <p>{st.reasons[param(query, 'reason') ?? ''] ?? st.errors[error] ?? st.errors.UNKNOWN}</p>
          {locale === 'en' && param(query, 'detail') && (
            <p className="staff-alert__detail">
              {st.apiSays}:{' '}
              <span lang="en" dir="ltr">
                {param(query, 'detail')}
              </span>
            </p>
          )}
        </div>
      )}

      <StaffSection headingId="lifecycle-title" title={t.builder.lifecycle}>
        <div className="staff-actions">
          {poll.status === 'DRAFT' && <ActionButton action={publishPoll.bind(null, id)}>{t.builder.publish}</ActionButton>}
          {(poll.status === 'OPEN' || poll.status === 'SCHEDULED') && (
            <ActionButton action={closePoll.bind(null, id)} variant="danger">
              {t.builder.close}
            </ActionButton>
          )}
          {poll.status !== 'DRAFT' && (
            <ActionButton action={startPollWave.bind(null, id)} variant="quiet">
              {t.builder.newWave}
            </ActionButton>
          )}
        </div>
        <p className="staff-field__hint">{poll.status === 'DRAFT' ? t.builder.publishHint : t.builder.newWaveHint}</p>
      </StaffSection>

      {responses > 0 && (
        <div className="staff-alert staff-alert--warn">
          <p>{t.builder.responsesLock}</p>
        </div>
      )}

      <PollBuilder
        action={savePoll.bind(null, id)}
        initial={builderPoll(poll, locale)}
        districts={districts}
        locale={locale}
        text={builderText(locale, t.builder.saveChanges)}
        numbers={numbers(locale)}
        lists={lists.map((l) => ({ id: l.id, name: l.name, entryCount: pt.entries(staffFormat(locale).number(l.entryCount)) }))}
        listsHref={localePath(locale, '/staff/polls/lists')}
        locked={responses > 0}
        // What the schedule was, so saving sends it only when it changed (a closed poll refuses any).
        hidden={{
          opensAtWas: poll.opensAt ? new Date(poll.opensAt).toISOString() : '',
          closesAtWas: poll.closesAt ? new Date(poll.closesAt).toISOString() : '',
        }}
      />
    </>
  );
}
