import { gql, type TypedDocumentNode } from '@apollo/client';
import { IMAGE_FIELDS } from '@/lib/api/image.fragment';
import { notFound } from 'next/navigation';
import { GOAL_CARD_FIELDS } from '@/components/goal-card';
import { graphqlErrorCode } from '@/lib/api/errors';
import { query } from '@/lib/apollo';
import { graphqlLocale, type Locale } from '@/lib/i18n/locales';
import type { GoalIndicatorMetric, GoalPageQuery, GoalPageQueryVariables } from '@/lib/api/graphql.generated';

export type IndicatorMetric = GoalIndicatorMetric;

export type GoalIndicatorFields = GoalPageFields['indicators'][number];

export type GoalPageFields = NonNullable<GoalPageQuery['goal']>;

const GOAL_PAGE_QUERY: TypedDocumentNode<GoalPageQuery, GoalPageQueryVariables> = gql`
  query GoalPage($id: ID!, $locale: Locale!) {
    goal(id: $id) {
      ...GoalCardFields
      image {
        ...ImageFields
      }
      indicators {
        id
        label(locale: $locale)
        metric
        direction
        target
        resultsVisible
        currentValue
        onTarget
        responseCount
        responsesNeeded
        withheld
        poll {
          id
          title(locale: $locale)
          status
          opensAt
          closesAt
          closedAt
        }
      }
    }
  }
  ${GOAL_CARD_FIELDS}
  ${IMAGE_FIELDS}
`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function loadGoal(id: string, locale: Locale): Promise<GoalPageFields> {
  if (!UUID.test(id)) notFound();
  try {
    const { data } = await query({ query: GOAL_PAGE_QUERY, variables: { id, locale: graphqlLocale[locale] } });
    if (!data?.goal) notFound();
    return data.goal;
  } catch (error) {
    const code = graphqlErrorCode(error);
    if (code === 'NOT_FOUND' || code === 'BAD_USER_INPUT') notFound();
    throw error;
  }
}
