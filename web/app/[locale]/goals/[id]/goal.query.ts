import { gql, type TypedDocumentNode } from '@apollo/client';
import { notFound } from 'next/navigation';
import { GOAL_CARD_FIELDS, type GoalCardFields } from '@/components/goal-card';
import { graphqlErrorCode } from '@/lib/api/errors';
import type { GraphqlLocale } from '@/lib/api/schema';
import { query } from '@/lib/apollo';
import { graphqlLocale, type Locale } from '@/lib/i18n/locales';
import type { ImageFields } from '@/lib/images';

export type IndicatorMetric = 'OPTION_SHARE' | 'RATING_MEAN' | 'NPS_SCORE';

export interface GoalIndicatorFields {
  id: string;
  label: string;
  metric: IndicatorMetric;
  direction: 'AT_LEAST' | 'AT_MOST';
  target: number;
  resultsVisible: boolean;
  currentValue: number | null;
  onTarget: boolean | null;
  responseCount: number | null;
  responsesNeeded: number | null;
  withheld: boolean | null;
  poll: { id: string; title: string; status: string; opensAt: string | null; closesAt: string | null } | null;
}

export interface GoalPageFields extends GoalCardFields {
  indicators: GoalIndicatorFields[];
  image: ImageFields | null;
}

const GOAL_PAGE_QUERY: TypedDocumentNode<{ goal: GoalPageFields }, { id: string; locale: GraphqlLocale }> = gql`
  query GoalPage($id: ID!, $locale: Locale!) {
    goal(id: $id) {
      ...GoalCardFields
      image {
        url
        width
        height
        alt(locale: $locale)
        sources {
          url
          width
          height
        }
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
        }
      }
    }
  }
  ${GOAL_CARD_FIELDS}
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
