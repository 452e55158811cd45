import { gql, type TypedDocumentNode } from '@apollo/client';
import { DISTRICT_FIGURE_FIELDS } from '@/lib/api/district.fragment';
import type { Metadata } from 'next';
import { PopulationMap } from '@/components/district-map/population-map';
import { PopulationSource } from '@/components/population-source';
import { query } from '@/lib/apollo';
import type { DistrictsPageQuery, DistrictsPageQueryVariables } from '@/lib/api/graphql.generated';
import { formatNumber } from '@/lib/format';
import { getDictionary } from '@/lib/i18n/dictionaries';
import { graphqlLocale } from '@/lib/i18n/locales';
import { pageMetadata } from '@/lib/metadata';
import { localeParam } from '../locale-param';
import { PageHeader } from '@/components/page-header';

// Rendered per request from the API; `next build` must not call it.
export const dynamic = 'force-dynamic';

const DISTRICTS_PAGE_QUERY: TypedDocumentNode<DistrictsPageQuery, DistrictsPageQueryVariables> = gql`
  query DistrictsPage($locale: Locale!) {
    districts {
      ...DistrictFigureFields
    }
  }
  ${DISTRICT_FIGURE_FIELDS}
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
  const districts = data.districts;
  const total = districts.reduce((sum, district) => sum + district.population, 0);

  return (
    <div className="container page">
      <PageHeader title={t.districts.title} intro={t.districts.intro} />
      <PopulationMap
        locale={locale}
        mapLabel={t.districts.mapLabel}
        districts={districts}
        extra={{
          header: t.districts.source,
          cells: districts.map((d) =>
            d.populationSource ? <PopulationSource source={d.populationSource} year={d.populationYear ?? null} locale={locale} /> : '—',
          ),
        }}
      />
      <p className="district-total">{t.home.totalPopulation(formatNumber(total, locale))}</p>
    </div>
  );
}
