import { gql } from '@apollo/client';
import { formatNumber } from '@/lib/format';
import { getDictionary } from '@/lib/i18n/dictionaries';
import type { Locale } from '@/lib/i18n/locales';
import type { DistrictListFieldsFragment } from '@/lib/api/graphql.generated';

// Operations that show the district list spread this fragment; they must declare `$locale: Locale!`.
export const DISTRICT_LIST_FIELDS = gql`
  fragment DistrictListFields on District {
    id
    code
    name(locale: $locale)
    population
  }
`;

export type DistrictListFields = DistrictListFieldsFragment;

interface DistrictListProps {
  districts: DistrictListFields[];
  locale: Locale;
}

export function DistrictList({ districts, locale }: DistrictListProps) {
  const t = getDictionary(locale);
  const total = districts.reduce((sum, district) => sum + district.population, 0);
  return (
    <>
      <ul className="district-list">
        {districts.map((district) => (
          <li key={district.id} className="district">
            <span className="district__code" aria-hidden="true">
              {formatNumber(district.code, locale)}
            </span>
            <span className="district__name">{district.name}</span>
            <span className="district__population">
              <span className="visually-hidden">{t.home.population}: </span>
              {t.home.people(formatNumber(district.population, locale))}
            </span>
          </li>
        ))}
      </ul>
      <p className="district-total">{t.home.totalPopulation(formatNumber(total, locale))}</p>
    </>
  );
}
