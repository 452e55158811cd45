import type { Metadata } from 'next';
import { PollCard } from '@/components/poll-card';
import { query } from '@/lib/apollo';
import { graphqlErrorCode } from '@/lib/api/errors';
import { formatNumber } from '@/lib/format';
import { getDictionary } from '@/lib/i18n/dictionaries';
import { graphqlLocale, type Locale } from '@/lib/i18n/locales';
import { localePath } from '@/lib/i18n/routing';
import { pageMetadata } from '@/lib/metadata';
import { localeParam } from '../locale-param';
import { POLLS_PAGE_QUERY } from './polls.query';
import { PageHeader } from '@/components/page-header';

// Rendered per request from the API; `next build` must not call it.
export const dynamic = 'force-dynamic';

const PAGE_SIZE = 20;
const CURSOR = /^[A-Za-z0-9_=+/-]{1,200}$/;

export async function generateMetadata({ params }: PageProps<'/[locale]/polls'>): Promise<Metadata> {
  const locale = await localeParam(params);
  const t = getDictionary(locale);
  return pageMetadata(locale, { title: t.polls.title, description: t.polls.intro });
}

async function loadPolls(locale: Locale, after: string | null) {
  try {
    const { data } = await query({
      query: POLLS_PAGE_QUERY,
      variables: { locale: graphqlLocale[locale], first: PAGE_SIZE, after },
    });
    return data.polls;
  } catch (error) {
    // A stale or edited cursor in the URL: show the first page rather than an error.
    if (after && graphqlErrorCode(error) === 'BAD_USER_INPUT') return loadPolls(locale, null);
    throw error;
  }
}

export default async function PollsPage({ params, searchParams }: PageProps<'/[locale]/polls'>) {
  const locale = await localeParam(params);
  const t = getDictionary(locale);
  const { after: rawAfter } = await searchParams;
  const after = typeof rawAfter === 'string' && CURSOR.test(rawAfter) ? rawAfter : null;
  const polls = await loadPolls(locale, after);

  return (
    <div className="container page">
      <PageHeader title={t.polls.title} intro={t.polls.intro} />
      <p className="result-count">{t.polls.count(formatNumber(polls.totalCount, locale))}</p>
      {polls.edges.length === 0 ? (
        <div className="empty-state">
          <p className="empty-state__title">{t.polls.none}</p>
          <p>{t.polls.noneHint}</p>
        </div>
      ) : (
        <ul className="card-list">
          {polls.edges.map(({ node }) => (
            <li key={node.id}>
              <PollCard poll={node} locale={locale} headingLevel="h2" />
            </li>
          ))}
        </ul>
      )}
      {(polls.pageInfo.hasNextPage || after) && (
        <nav className="pager" aria-label={t.pager.label}>
          {after && <a href={localePath(locale, '/polls')}>{t.pager.first}</a>}
          {polls.pageInfo.hasNextPage && polls.pageInfo.endCursor && (
            <a href={`${localePath(locale, '/polls')}?after=${encodeURIComponent(polls.pageInfo.endCursor)}`}>{t.pager.next}</a>
          )}
        </nav>
      )}
    </div>
  );
}
