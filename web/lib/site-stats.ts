import { gql, type TypedDocumentNode } from '@apollo/client';
import type { SiteStatsFields } from '@/components/site-stats';
import { query } from './apollo';
import type { SiteStatsQuery, SiteStatsQueryVariables } from '@/lib/api/graphql.generated';

const SITE_STATS_QUERY: TypedDocumentNode<SiteStatsQuery, SiteStatsQueryVariables> = gql`
  query SiteStats {
    siteStats {
      today
      yesterday
      total
      maxDaily
      maxDailyDate
    }
  }
`;

/**
 * The footer's visit counters. The footer is on every page, so a failure here must never fail
 * the page: the counters are left out instead.
 */
export async function loadSiteStats(): Promise<SiteStatsFields | null> {
  try {
    const { data } = await query({ query: SITE_STATS_QUERY, variables: {} });
    return data.siteStats;
  } catch (error) {
    console.error('footer: could not read the site counters', error);
    return null;
  }
}
