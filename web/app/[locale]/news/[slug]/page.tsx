import { gql, type TypedDocumentNode } from '@apollo/client';
import { IMAGE_FIELDS } from '@/lib/api/image.fragment';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { query } from '@/lib/apollo';
import { graphqlErrorCode } from '@/lib/api/errors';
import { formatDate, isoDay } from '@/lib/format';
import { getDictionary } from '@/lib/i18n/dictionaries';
import { graphqlLocale, type Locale } from '@/lib/i18n/locales';
import { localePath } from '@/lib/i18n/routing';
import { pageMetadata, summarize } from '@/lib/metadata';
import { PageFigure } from '@/components/api-image';
import { openGraphImage, sitePath } from '@/lib/images';
import { localeParam } from '../../locale-param';
import type { NewsItemPageQuery, NewsItemPageQueryVariables } from '@/lib/api/graphql.generated';

// Rendered per request from the API; `next build` must not call it.
export const dynamic = 'force-dynamic';

type NewsItemFields = NonNullable<NewsItemPageQuery['newsItem']>;

const NEWS_ITEM_QUERY: TypedDocumentNode<NewsItemPageQuery, NewsItemPageQueryVariables> = gql`
  query NewsItemPage($slug: String!, $locale: Locale!) {
    newsItem(slug: $slug) {
      id
      slug
      title(locale: $locale)
      summary(locale: $locale)
      body(locale: $locale)
      publishedAt
      updatedAt
      district {
        id
        name(locale: $locale)
      }
      image {
        ...ImageFields
      }
      document {
        url
        fileName
        byteSize
      }
    }
  }
  ${IMAGE_FIELDS}
`;

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

async function loadNewsItem(slug: string, locale: Locale): Promise<NewsItemFields> {
  if (!SLUG.test(slug) || slug.length > 200) notFound();
  try {
    const { data } = await query({ query: NEWS_ITEM_QUERY, variables: { slug, locale: graphqlLocale[locale] } });
    if (!data.newsItem) notFound();
    return data.newsItem;
  } catch (error) {
    const code = graphqlErrorCode(error);
    if (code === 'NOT_FOUND' || code === 'BAD_USER_INPUT') notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: PageProps<'/[locale]/news/[slug]'>): Promise<Metadata> {
  const locale = await localeParam(params);
  const item = await loadNewsItem((await params).slug, locale);
  return pageMetadata(locale, {
    title: item.title,
    description: summarize(item.summary ?? item.body),
    type: 'article',
    image: openGraphImage(item.image),
  });
}

export default async function NewsItemPage({ params }: PageProps<'/[locale]/news/[slug]'>) {
  const locale = await localeParam(params);
  const t = getDictionary(locale);
  const item = await loadNewsItem((await params).slug, locale);
  // The body is plain text with blank lines between paragraphs; React escapes every character.
  const paragraphs = item.body.split(/\n\s*\n/).filter((p) => p.trim());
  const corrected = isoDay(item.updatedAt) !== isoDay(item.publishedAt);

  return (
    <article className="container page page--narrow">
      <p className="breadcrumb">
        <a href={localePath(locale, '/news')}>{t.news.allNews}</a>
      </p>
      <header className="page__header">
        <h1>{item.title}</h1>
        <p className="news-card__meta">
          {t.news.published}: <time dateTime={isoDay(item.publishedAt)}>{formatDate(item.publishedAt, locale)}</time>
          {corrected && (
            <>
              {' • '}
              {t.news.updated}: <time dateTime={isoDay(item.updatedAt)}>{formatDate(item.updatedAt, locale)}</time>
            </>
          )}
          {item.district && <span> • {item.district.name}</span>}
        </p>
        {item.summary && <p className="page__intro lead">{item.summary}</p>}
      </header>
      <PageFigure image={item.image} />
      <div className="prose">
        {paragraphs.map((paragraph, i) => (
          <p key={i}>{paragraph}</p>
        ))}
      </div>
      {item.document && sitePath(item.document.url) && (
        <p>
          <a href={sitePath(item.document.url)} type="application/pdf">
            {t.news.document} ({item.document.fileName}, {Math.ceil(item.document.byteSize / 1024)} KB)
          </a>
        </p>
      )}
    </article>
  );
}
