import { gql } from '@apollo/client';

// A district as the population map and its table show it (components/district-map/population-map.tsx).
// Operations that spread it declare `$locale: Locale!`.
export const DISTRICT_FIGURE_FIELDS = gql`
  fragment DistrictFigureFields on District {
    id
    code
    name(locale: $locale)
    population
    populationSource
    populationYear
    boundary
  }
`;
