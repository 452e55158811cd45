import { gql, type TypedDocumentNode } from '@apollo/client';
import { POLL_RESULTS_FIELDS } from '@/components/poll-results.fragment';
import type {
  PollPageQuery,
  PollPageQueryVariables,
  PollResultsQuery,
  PollResultsQueryVariables,
  PollResultsUpdatedSubscription,
  PollResultsUpdatedSubscriptionVariables,
  PollSummaryQuery,
  PollSummaryQueryVariables,
} from '@/lib/api/graphql.generated';
import type { Operation } from '@/lib/api/request';

export type PollQuestionFields = PollPageFields['questions'][number];

export type PollDistrict = PollPageFields['districts'][number];

export type PollPageFields = NonNullable<PollPageQuery['poll']>;

// What the poll's page and its results page both show of it. Operations that spread it declare `$locale: Locale!`.
const POLL_SUMMARY_FIELDS = gql`
  fragment PollSummaryFields on Poll {
    id
    title(locale: $locale)
    description(locale: $locale)
    status
    opensAt
    closesAt
    closedAt
    resultsVisibility
    asksDistrict
  }
`;

/** A poll with everything its form needs, and the districts a respondent may pick from. */
export const POLL_PAGE_QUERY: TypedDocumentNode<PollPageQuery, PollPageQueryVariables> = gql`
  query PollPage($id: ID!, $locale: Locale!) {
    poll(id: $id) {
      ...PollSummaryFields
      assurance
      tokenKey {
        publicKey
      }
      districts {
        id
        code
        name(locale: $locale)
      }
      questions {
        id
        kind
        prompt(locale: $locale)
        required
        maxChoices
        maxLength
        options {
          id
          label(locale: $locale)
        }
      }
    }
    districts {
      id
      code
      name(locale: $locale)
    }
  }
  ${POLL_SUMMARY_FIELDS}
`;

export type PollResultsPageData = PollSummaryQuery;

export const POLL_SUMMARY_QUERY: TypedDocumentNode<PollSummaryQuery, PollSummaryQueryVariables> = gql`
  query PollSummary($id: ID!, $locale: Locale!) {
    poll(id: $id) {
      ...PollSummaryFields
    }
  }
  ${POLL_SUMMARY_FIELDS}
`;

export const POLL_RESULTS_QUERY: TypedDocumentNode<PollResultsQuery, PollResultsQueryVariables> = gql`
  query PollResults($pollId: ID!, $locale: Locale!) {
    pollResults(pollId: $pollId) {
      ...PollResultsFields
    }
  }
  ${POLL_RESULTS_FIELDS}
`;

/** The subscription the live route relays; the same selection as POLL_RESULTS_QUERY. */
export const POLL_RESULTS_SUBSCRIPTION: Operation<PollResultsUpdatedSubscription, PollResultsUpdatedSubscriptionVariables> = /* GraphQL */ `
  subscription PollResultsUpdated($pollId: ID!, $locale: Locale!) {
    pollResultsUpdated(pollId: $pollId) {
      ...PollResultsFields
    }
  }
`;
