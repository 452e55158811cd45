import type { Metadata } from 'next';
import { PollResultsChart } from '@/components/poll-results';
import { getDictionary } from '@/lib/i18n/dictionaries';
import { localePath } from '@/lib/i18n/routing';
import { pageMetadata } from '@/lib/metadata';
import { localeParam } from '../../../locale-param';
import { ForgetPollToken } from '../forget-token';
import { LiveResults } from '../live-results';
import { loadPollSummary, loadResults } from '../poll.data';
import { ResultsByDistrict } from './by-district';

// Rendered per request from the API; `next build` must not call it.
export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: PageProps<'/[locale]/polls/[id]/results'>): Promise<Metadata> {
  const locale = await localeParam(params);
  const t = getDictionary(locale);
  const poll = await loadPollSummary((await params).id, locale);
  return pageMetadata(locale, { title: `${t.polls.resultsTitle}: ${poll.title}` });
}

export default async function PollResultsPage({ params, searchParams }: PageProps<'/[locale]/polls/[id]/results'>) {
  const locale = await localeParam(params);
  const t = getDictionary(locale);
  const { id } = await params;
  const poll = await loadPollSummary(id, locale);
  const results = await loadResults(poll.id, locale);
  const search = await searchParams;
  const justAnswered = search.answered === '1';
  const pollHref = localePath(locale, `/polls/${poll.id}`);

  return (
    <div className="container page page--narrow page--results">
      <p className="breadcrumb">
        <a href={localePath(locale, '/polls')}>{t.polls.allPolls}</a>
      </p>
      <header className="page__header">
        <p className="page__eyebrow">{t.polls.resultsTitle}</p>
        <h1>{poll.title}</h1>
      </header>

      {justAnswered && <ForgetPollToken pollId={poll.id} />}
      {justAnswered && (
        <div className="notice notice--success" role="status">
          <h2>{t.polls.thanksTitle}</h2>
          <p>{poll.resultsVisibility === 'AFTER_RESPONSE' ? t.polls.thanksBodyAfterResponse : t.polls.thanksBody}</p>
        </div>
      )}

      {results === null ? (
        <div className="notice">
          <p>{poll.resultsVisibility === 'AFTER_RESPONSE' ? t.polls.resultsAfterResponse : t.polls.resultsStaffOnly}</p>
          {poll.status === 'OPEN' && poll.resultsVisibility === 'AFTER_RESPONSE' && (
            <a className="button" href={pollHref}>
              {t.polls.answerPoll}
            </a>
          )}
        </div>
      ) : poll.status === 'OPEN' ? (
        <LiveResults initial={results} locale={locale} streamUrl={`${pollHref}/live`} />
      ) : (
        <PollResultsChart results={results} locale={locale} />
      )}

      {/* Only for published results: AFTER_RESPONSE results are one respondent's, read with their cookie. */}
      {results !== null && poll.resultsVisibility === 'PUBLIC' && poll.asksDistrict && (
        <ResultsByDistrict
          pollId={poll.id}
          results={results}
          chosen={typeof search.question === 'string' ? search.question : undefined}
          locale={locale}
        />
      )}

      <p className="section__more">
        <a href={pollHref}>{t.polls.backToPoll}</a>
      </p>
    </div>
  );
}
