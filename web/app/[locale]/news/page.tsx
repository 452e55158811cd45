import { gql, type TypedDocumentNode } from '@apollo/client';
import type { Metadata } from 'next';
import { NEWS_CARD_FIELDS, NewsCard } from '@/components/news-card';
import { query } from '@/lib/apollo';
import { graphqlErrorCode } from '@/lib/api/errors';
import { formatNumber } from '@/lib/format';
import { getDictionary } from '@/lib/i18n/dictionaries';
import { graphqlLocale, type Locale } from '@/lib/i18n/locales';
import { localePath } from '@/lib/i18n/routing';
import { pageMetadata } from '@/lib/metadata';
import { parseGoalSearch, SEARCH_MAX_LENGTH } from '../goals/search-params';
import { localeParam } from '../locale-param';
import type { NewsPageQuery, NewsPageQueryVariables } from '@/lib/api/graphql.generated';
import { SearchForm } from '@/components/search-form';
import { PageHeader } from '@/components/page-header';

// Rendered per request from the API; `next build` must not call it.
export const dynamic = 'force-dynamic';

const PAGE_SIZE = 20;
const CURSOR = /^[A-Za-z0-9_=+/-]{1,200}$/;

type NewsPageData = NewsPageQuery;

const NEWS_PAGE_QUERY: TypedDocumentNode<NewsPageQuery, NewsPageQueryVariables> = gql`
  query NewsPage($locale: Locale!, $first: Int!, $after: String, $filter: NewsFilter) {
    news(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...NewsCardFields
        }
      }
    }
  }
  ${NEWS_CARD_FIELDS}
`;

export async function generateMetadata({ params }: PageProps<'/[locale]/news'>): Promise<Metadata> {
  const locale = await localeParam(params);
  const t = getDictionary(locale);
  return pageMetadata(locale, { title: t.news.title, description: t.news.intro });
}

async function loadNews(locale: Locale, search: string, after: string | null): Promise<NewsPageData['news']> {
  try {
    const { data } = await query({
      query: NEWS_PAGE_QUERY,
      variables: { locale: graphqlLocale[locale], first: PAGE_SIZE, after, filter: search ? { search } : {} },
    });
    return data.news;
  } catch (error) {
    // A stale or edited cursor in the URL: show the first page rather than an error.
    if (after && graphqlErrorCode(error) === 'BAD_USER_INPUT') return loadNews(locale, search, null);
    throw error;
  }
}

export default async function NewsPage({ params, searchParams }: PageProps<'/[locale]/news'>) {
  const locale = await localeParam(params);
  const t = getDictionary(locale);
  const raw = await searchParams;
  // The same cleaning as the goals search: control characters out, length bounded.
  const { q } = parseGoalSearch({ q: raw.q });
  const after = typeof raw.after === 'string' && CURSOR.test(raw.after) ? raw.after : null;
  const news = await loadNews(locale, q, after);
  const base = localePath(locale, '/news');
  const pageHref = (cursor: string) => `${base}?${new URLSearchParams({ ...(q && { q }), after: cursor })}`;

  return (
    <div className="container page">
      <PageHeader title={t.news.title} intro={t.news.intro} />

      <SearchForm
        id="news-search-q"
        action={base}
        label={t.news.searchLabel}
        submit={t.news.submit}
        value={q}
        maxLength={SEARCH_MAX_LENGTH}
        compact
      />

      <p className="result-count">{t.news.count(formatNumber(news.totalCount, locale))}</p>
      {news.edges.length === 0 ? (
        <div className="empty-state">
          <p className="empty-state__title">{t.news.none}</p>
          {q && <p>{t.news.noneHint}</p>}
        </div>
      ) : (
        <ul className="card-list card-list--single">
          {news.edges.map(({ node }) => (
            <li key={node.id}>
              <NewsCard item={node} locale={locale} headingLevel="h2" />
            </li>
          ))}
        </ul>
      )}
      {(news.pageInfo.hasNextPage || after) && (
        <nav className="pager" aria-label={t.pager.label}>
          {after && <a href={q ? `${base}?${new URLSearchParams({ q })}` : base}>{t.pager.first}</a>}
          {news.pageInfo.hasNextPage && news.pageInfo.endCursor && <a href={pageHref(news.pageInfo.endCursor)}>{t.pager.next}</a>}
        </nav>
      )}
    </div>
  );
}
