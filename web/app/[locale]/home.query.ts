import { gql, type TypedDocumentNode } from '@apollo/client';
import { DISTRICT_LIST_FIELDS, type DistrictListFields } from '@/components/district-list';
import { EVENT_LIST_FIELDS, type EventListFields } from '@/components/event-item';
import { GOAL_CARD_FIELDS, type GoalCardFields } from '@/components/goal-card';
import { NEWS_CARD_FIELDS, type NewsCardFields } from '@/components/news-card';
import { POLL_CARD_FIELDS, type PollCardFields } from '@/components/poll-card';
import type { GraphqlLocale } from '@/lib/api/schema';

interface HomePageData {
  pinnedNotice: (EventListFields & { description: string | null }) | null;
  goals: { totalCount: number; edges: { node: GoalCardFields }[] };
  districts: DistrictListFields[];
  polls: { edges: { node: PollCardFields }[] };
  events: { edges: { node: EventListFields }[] };
  news: { edges: { node: NewsCardFields }[] };
}

type HomePageVariables = {
  locale: GraphqlLocale;
  goalCount: number;
  eventCount: number;
  newsCount: number;
  from: string;
  to: string;
};

/** Everything the home page shows, in one request to the API. */
export const HOME_PAGE_QUERY: TypedDocumentNode<HomePageData, HomePageVariables> = gql`
  query HomePage($locale: Locale!, $goalCount: Int!, $eventCount: Int!, $newsCount: Int!, $from: String!, $to: String!) {
    pinnedNotice {
      ...EventListFields
      description(locale: $locale)
    }
    polls(first: 1, filter: { statuses: [OPEN] }) {
      edges {
        node {
          ...PollCardFields
        }
      }
    }
    events(from: $from, to: $to, first: $eventCount) {
      edges {
        node {
          ...EventListFields
        }
      }
    }
    news(first: $newsCount) {
      edges {
        node {
          ...NewsCardFields
        }
      }
    }
    goals(first: $goalCount) {
      totalCount
      edges {
        node {
          ...GoalCardFields
        }
      }
    }
    districts {
      ...DistrictListFields
    }
  }
  ${EVENT_LIST_FIELDS}
  ${POLL_CARD_FIELDS}
  ${NEWS_CARD_FIELDS}
  ${GOAL_CARD_FIELDS}
  ${DISTRICT_LIST_FIELDS}
`;
