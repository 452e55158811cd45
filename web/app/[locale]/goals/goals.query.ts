import { gql, type TypedDocumentNode } from '@apollo/client';
import { GOAL_CARD_FIELDS, type GoalCardFields } from '@/components/goal-card';
import type { GoalFilter, GraphqlLocale } from '@/lib/api/schema';
import { query } from '@/lib/apollo';
import type { GoalsPageQuery, GoalsPageQueryVariables } from '@/lib/api/graphql.generated';

type GoalsPageData = GoalsPageQuery;

const GOALS_PAGE_QUERY: TypedDocumentNode<GoalsPageQuery, GoalsPageQueryVariables> = gql`
  query GoalsPage($locale: Locale!, $first: Int!, $after: String, $filter: GoalFilter) {
    goals(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...GoalCardFields
        }
      }
    }
  }
  ${GOAL_CARD_FIELDS}
`;

/** The API's largest page. */
const PAGE_SIZE = 50;

async function loadGoalsPage(locale: GraphqlLocale, filter: GoalFilter, after: string | null): Promise<GoalsPageData['goals']> {
  const { data } = await query({
    query: GOALS_PAGE_QUERY,
    variables: { locale, first: PAGE_SIZE, after, filter },
  });
  return data.goals;
}

/** Every goal matching `filter`, in display order, following the cursor page by page. */
export async function loadAllGoals(locale: GraphqlLocale, filter: GoalFilter): Promise<GoalCardFields[]> {
  const goals: GoalCardFields[] = [];
  let after: string | null = null;
  for (;;) {
    const { edges, pageInfo } = await loadGoalsPage(locale, filter, after);
    goals.push(...edges.map((edge) => edge.node));
    if (!pageInfo.hasNextPage) return goals;
    // A next page without a new cursor would fetch the same page forever.
    if (!pageInfo.endCursor || pageInfo.endCursor === after) {
      throw new Error('goals: hasNextPage without a new endCursor');
    }
    after = pageInfo.endCursor;
  }
}
