import { gql, type TypedDocumentNode } from '@apollo/client';
import type { GraphqlLocale } from '@/lib/api/schema';
import { query } from '@/lib/apollo';
import type { SearchGroupFieldsFragment, SiteSearchQuery, SiteSearchQueryVariables } from '@/lib/api/graphql.generated';

export type SearchHit = SearchGroup['hits'][number];

export type SearchGroup = SearchGroupFieldsFragment;

export type SiteSearchData = SiteSearchQuery;

// What each kind's group shows: the same for every kind (`date` is an occasion's next day, null
// for the others; an event hit also has its event's dates and status, null for the others).
const SEARCH_GROUP_FIELDS = gql`
  fragment SearchGroupFields on SearchGroup {
    totalCount
    totalCountCapped
    hits {
      id
      title
      snippet
      path
      date
      event {
        startsAt
        endsAt
        allDay
        status
      }
    }
  }
`;

const SITE_SEARCH_QUERY: TypedDocumentNode<SiteSearchQuery, SiteSearchQueryVariables> = gql`
  query SiteSearch($query: String!, $locale: Locale!, $first: Int!) {
    search(query: $query, locale: $locale, first: $first) {
      totalCount
      totalCountCapped
      goals {
        ...SearchGroupFields
      }
      news {
        ...SearchGroupFields
      }
      events {
        ...SearchGroupFields
      }
      polls {
        ...SearchGroupFields
      }
      occasions {
        ...SearchGroupFields
      }
    }
  }
  ${SEARCH_GROUP_FIELDS}
`;

/** The API's limit on a query's length. */
export const SITE_SEARCH_MAX_LENGTH = 100;

/** Grouped hits for `q`; null when there is nothing to search for (the API would refuse it). */
export async function siteSearch(q: string, locale: GraphqlLocale): Promise<SiteSearchData['search'] | null> {
  if (!q.replace(/\s|\u200c|\u0670|[\u064b-\u065f]/g, '')) return null;
  const { data } = await query({ query: SITE_SEARCH_QUERY, variables: { query: q, locale, first: 10 } });
  return data.search;
}
