import { gql } from '@apollo/client';
import { formatDate, isoDay } from '@/lib/format';
import type { Locale } from '@/lib/i18n/locales';
import { localePath } from '@/lib/i18n/routing';
import { LocalizedText } from '@/components/localized-text';
import { fallbackProps } from '@/lib/i18n/fallback';
import type { NewsCardFieldsFragment } from '@/lib/api/graphql.generated';

// Operations that list news spread this fragment; they must declare `$locale: Locale!`.
export const NEWS_CARD_FIELDS = gql`
  fragment NewsCardFields on NewsItem {
    id
    slug
    title(locale: $locale)
    summary(locale: $locale)
    publishedAt
    district {
      id
      name(locale: $locale)
    }
  }
`;

export type NewsCardFields = NewsCardFieldsFragment;

export function newsHref(locale: Locale, slug: string): string {
  return localePath(locale, `/news/${slug}`);
}

export function NewsCard({ item, locale, headingLevel: Heading }: { item: NewsCardFields; locale: Locale; headingLevel: 'h2' | 'h3' }) {
  return (
    <article className="news-card">
      <p className="news-card__meta">
        <time dateTime={isoDay(item.publishedAt)}>{formatDate(item.publishedAt, locale)}</time>
        {item.district && <span> • {item.district.name}</span>}
      </p>
      <Heading className="news-card__title">
        <a href={newsHref(locale, item.slug)}>
          <LocalizedText text={item.title} locale={locale} />
        </a>
      </Heading>
      {item.summary && (
        <p className="news-card__summary" {...fallbackProps(item.summary, locale)}>
          {item.summary}
        </p>
      )}
    </article>
  );
}
