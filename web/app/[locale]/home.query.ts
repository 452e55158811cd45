import { gql, type TypedDocumentNode } from '@apollo/client';
import { DISTRICT_LIST_FIELDS } from '@/components/district-list';
import { EVENT_LIST_FIELDS } from '@/components/event-item';
import { GOAL_CARD_FIELDS } from '@/components/goal-card';
import { NEWS_CARD_FIELDS } from '@/components/news-card';
import { POLL_CARD_FIELDS } from '@/components/poll-card';
import type { HomePageQuery, HomePageQueryVariables } from '@/lib/api/graphql.generated';

/** Everything the home page shows, in one request to the API. */
export const HOME_PAGE_QUERY: TypedDocumentNode<HomePageQuery, HomePageQueryVariables> = gql`
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
