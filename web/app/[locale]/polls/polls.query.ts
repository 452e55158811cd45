import { gql, type TypedDocumentNode } from '@apollo/client';
import { POLL_CARD_FIELDS } from '@/components/poll-card';
import type { PollsPageQuery, PollsPageQueryVariables } from '@/lib/api/graphql.generated';

export const POLLS_PAGE_QUERY: TypedDocumentNode<PollsPageQuery, PollsPageQueryVariables> = gql`
  query PollsPage($locale: Locale!, $first: Int!, $after: String) {
    polls(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...PollCardFields
        }
      }
    }
  }
  ${POLL_CARD_FIELDS}
`;
