import type { Metadata } from 'next';
import { PollDates } from '@/components/poll-card';
import { formatNumber } from '@/lib/format';
import { getDictionary } from '@/lib/i18n/dictionaries';
import { localePath } from '@/lib/i18n/routing';
import { pageMetadata, summarize } from '@/lib/metadata';
import { pollText } from '@/lib/i18n/poll-text';
import { answeredPolls, visitorHeaders } from '@/lib/respondent';
import { localeParam } from '../../locale-param';
import { loadChallenge, loadPoll } from './poll.data';
import { PollForm } from './poll-form';
import { VerifiedPoll } from './verified-poll';

// Rendered per request from the API; `next build` must not call it.
export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: PageProps<'/[locale]/polls/[id]'>): Promise<Metadata> {
  const locale = await localeParam(params);
  const { poll } = await loadPoll((await params).id, locale);
  return pageMetadata(locale, { title: poll.title, description: summarize(poll.description) });
}

export default async function PollPage({ params }: PageProps<'/[locale]/polls/[id]'>) {
  const locale = await localeParam(params);
  const t = getDictionary(locale);
  const text = pollText[locale];
  const { poll, districts } = await loadPoll((await params).id, locale);
  const answered = (await answeredPolls()).includes(poll.id);
  const resultsHref = localePath(locale, `/polls/${poll.id}/results`);
  const eligible = poll.districts.length ? poll.districts : districts;
  const asking = poll.status === 'OPEN' && !answered;
  const verified = poll.assurance !== 'OPEN' && poll.tokenKey !== null;
  // OPEN polls: the widget gets its challenge with the page (no request of its own).
  const challenge = asking && !verified ? await loadChallenge(await visitorHeaders()) : null;
  const formProps = {
    pollId: poll.id,
    locale,
    questions: poll.questions,
    asksDistrict: poll.asksDistrict,
    districts: eligible.map((d) => ({ id: d.id, name: d.name })),
  };

  return (
    <div className="container page page--narrow">
      <p className="breadcrumb">
        <a href={localePath(locale, '/polls')}>{t.polls.allPolls}</a>
      </p>
      <header className="page__header">
        <h1>{poll.title}</h1>
        {poll.description && <p className="page__intro">{poll.description}</p>}
        <div className="poll-meta">
          <span className={`status status--poll-${poll.status.toLowerCase()}`}>{t.pollStatus[poll.status]}</span>
          <span>{t.polls.questionCount(formatNumber(poll.questions.length, locale))}</span>
          <PollDates poll={poll} locale={locale} />
        </div>
      </header>

      {asking && (
        <section aria-labelledby="poll-form-title">
          <h2 id="poll-form-title" className="visually-hidden">
            {t.polls.formTitle}
          </h2>
          <div className={`assurance assurance--${poll.assurance.toLowerCase()}`}>
            <p className="assurance__title">{text.assurance.title[poll.assurance]}</p>
            <p className="assurance__intro">{text.assurance.intro[poll.assurance]}</p>
          </div>
          {verified ? (
            <>
              <noscript>
                <p className="notice notice--warning">{text.assurance.noScript}</p>
              </noscript>
              <VerifiedPoll
                {...formProps}
                assurance={poll.assurance as 'VERIFIED_PHONE' | 'RESIDENT_LIST'}
                publicKey={poll.tokenKey!.publicKey}
              />
            </>
          ) : (
            <PollForm {...formProps} challenge={challenge} />
          )}
          {poll.resultsVisibility === 'PUBLIC' && (
            <p className="section__more">
              <a href={resultsHref}>{t.polls.seeResultsSoFar}</a>
            </p>
          )}
          {poll.resultsVisibility === 'AFTER_RESPONSE' && (
            <p className="section__more" data-results-after-answering>
              {t.polls.resultsAfterAnswering}
            </p>
          )}
        </section>
      )}

      {poll.status === 'OPEN' && answered && (
        <div className="notice notice--success">
          <h2>{t.polls.answeredTitle}</h2>
          <p>{t.polls.answeredBody}</p>
          {poll.resultsVisibility !== 'STAFF_ONLY' && (
            <a className="button" href={resultsHref}>
              {t.polls.seeResults}
            </a>
          )}
        </div>
      )}

      {poll.status === 'CLOSED' && (
        <div className="notice">
          <h2>{t.polls.closedNotice}</h2>
          {poll.resultsVisibility !== 'STAFF_ONLY' && (
            <a className="button" href={resultsHref}>
              {t.polls.seeResults}
            </a>
          )}
        </div>
      )}

      {poll.status === 'SCHEDULED' && (
        <div className="notice">
          <h2>{t.polls.scheduledNotice}</h2>
        </div>
      )}
    </div>
  );
}
