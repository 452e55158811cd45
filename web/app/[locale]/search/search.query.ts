import { gql, type TypedDocumentNode } from '@apollo/client';
import type { GraphqlLocale } from '@/lib/api/schema';
import { query } from '@/lib/apollo';

export interface SearchHit {
  id: string;
  title: string;
  snippet: string | null;
  path: string;
}

export interface SearchGroup {
  totalCount: number;
  hits: SearchHit[];
}

export interface SiteSearchData {
  search: { totalCount: number; goals: SearchGroup; news: SearchGroup; events: SearchGroup; polls: SearchGroup };
}

const SITE_SEARCH_QUERY: TypedDocumentNode<SiteSearchData, { query: string; locale: GraphqlLocale; first: number }> = gql`
  query SiteSearch($query: String!, $locale: Locale!, $first: Int!) {
    search(query: $query, locale: $locale, first: $first) {
      totalCount
      goals {
        totalCount
        hits {
          id
          title
          snippet
          path
        }
      }
      news {
        totalCount
        hits {
          id
          title
          snippet
          path
        }
      }
      events {
        totalCount
        hits {
          id
          title
          snippet
          path
        }
      }
      polls {
        totalCount
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
