import { gql, type TypedDocumentNode } from '@apollo/client';
import type { Metadata } from 'next';
import { DISTRICT_LIST_FIELDS, DistrictList } from '@/components/district-list';
import { query } from '@/lib/apollo';
import { getDictionary } from '@/lib/i18n/dictionaries';
import { graphqlLocale } from '@/lib/i18n/locales';
import { pageMetadata } from '@/lib/metadata';
import { localeParam } from '../locale-param';
import type { DistrictsPageQuery, DistrictsPageQueryVariables } from '@/lib/api/graphql.generated';

// Rendered per request from the API; `next build` must not call it.
export const dynamic = 'force-dynamic';

const DISTRICTS_PAGE_QUERY: TypedDocumentNode<DistrictsPageQuery, DistrictsPageQueryVariables> = gql`
  query DistrictsPage($locale: Locale!) {
    districts {
      ...DistrictListFields
    }
  }
  ${DISTRICT_LIST_FIELDS}
`;

export async function generateMetadata({ params }: PageProps<'/[locale]/districts'>): Promise<Metadata> {
  const locale = await localeParam(params);
  const t = getDictionary(locale);
  return pageMetadata(locale, { title: t.districts.title, description: t.districts.intro });
}

export default async function DistrictsPage({ params }: PageProps<'/[locale]/districts'>) {
  const locale = await localeParam(params);
  const t = getDictionary(locale);
  const { data } = await query({ query: DISTRICTS_PAGE_QUERY, variables: { locale: graphqlLocale[locale] } });

  return (
    <div className="container page">
      <header className="page__header">
        <h1>{t.districts.title}</h1>
        <p className="page__intro">{t.districts.intro}</p>
      </header>
      <DistrictList districts={data.districts} locale={locale} />
    </div>
  );
}
