import { gql, type TypedDocumentNode } from '@apollo/client';
import { POLL_CARD_FIELDS, type PollCardFields } from '@/components/poll-card';
import type { GraphqlLocale, PageInfo } from '@/lib/api/schema';

interface PollsPageData {
  polls: { totalCount: number; pageInfo: PageInfo; edges: { node: PollCardFields }[] };
}

type PollsPageVariables = {
  locale: GraphqlLocale;
  first: number;
  after: string | null;
};

export const POLLS_PAGE_QUERY: TypedDocumentNode<PollsPageData, PollsPageVariables> = gql`
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
