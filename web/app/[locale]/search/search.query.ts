import { gql, type TypedDocumentNode } from '@apollo/client';
import type { GraphqlLocale } from '@/lib/api/schema';
import { query } from '@/lib/apollo';
import type { SiteSearchQuery, SiteSearchQueryVariables } from '@/lib/api/graphql.generated';

export type SearchHit = SearchGroup['hits'][number];

export type SearchGroup = SiteSearchData['search']['goals'];

export type SiteSearchData = SiteSearchQuery;

const SITE_SEARCH_QUERY: TypedDocumentNode<SiteSearchQuery, SiteSearchQueryVariables> = gql`
  query SiteSearch($query: String!, $locale: Locale!, $first: Int!) {
    search(query: $query, locale: $locale, first: $first) {
      totalCount
      totalCountCapped
      goals {
        totalCount
        totalCountCapped
        hits {
          id
          title
          snippet
          path
        }
      }
      news {
        totalCount
        totalCountCapped
        hits {
          id
          title
          snippet
          path
        }
      }
      events {
        totalCount
        totalCountCapped
        hits {
          id
          title
          snippet
          path
        }
      }
      polls {
        totalCount
        totalCountCapped
        hits {
          id
          title
          snippet
          path
        }
      }
    }
  }
`;

/** The API's limit on a query's length. */
export const SITE_SEARCH_MAX_LENGTH = 100;

/** Grouped hits for `q`; null when there is nothing to search for (the API would refuse it). */
export async function siteSearch(q: string, locale: GraphqlLocale): Promise<SiteSearchData['search'] | null> {
  if (!q.replace(/\s|\u200c|\u0670|[\u064b-\u065f]/g, '')) return null;
  const { data } = await query({ query: SITE_SEARCH_QUERY, variables: { query: q, locale, first: 10 } });
  return data.search;
}
