import { gql, type TypedDocumentNode } from '@apollo/client';
import { POLL_RESULTS_FIELDS } from '@/components/poll-results.fragment';
import type { PollResultsFields } from '@/components/poll-results';
import type { GraphqlLocale, PollStatus, QuestionKind, ResultsVisibility } from '@/lib/api/schema';
import type { PollAssuranceLevel } from '@/lib/i18n/poll-text';

export interface PollQuestionFields {
  id: string;
  kind: QuestionKind;
  prompt: string;
  required: boolean;
  maxChoices: number | null;
  maxLength: number | null;
  options: { id: string; label: string }[];
}

export interface PollDistrict {
  id: string;
  code: number;
  name: string;
}

export interface PollPageFields {
  id: string;
  title: string;
  description: string | null;
  status: PollStatus;
  opensAt: string | null;
  closesAt: string | null;
  resultsVisibility: ResultsVisibility;
  asksDistrict: boolean;
  assurance: PollAssuranceLevel;
  /** Verified polls: the key poll tokens are blindly signed with. */
  tokenKey: { publicKey: string } | null;
  districts: PollDistrict[];
  questions: PollQuestionFields[];
}

interface PollPageData {
  poll: PollPageFields;
  districts: PollDistrict[];
}

type PollVariables = { id: string; locale: GraphqlLocale };

/** A poll with everything its form needs, and the districts a respondent may pick from. */
export const POLL_PAGE_QUERY: TypedDocumentNode<PollPageData, PollVariables> = gql`
  query PollPage($id: ID!, $locale: Locale!) {
    poll(id: $id) {
      id
      title(locale: $locale)
      description(locale: $locale)
      status
      opensAt
      closesAt
      resultsVisibility
      asksDistrict
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
`;

export interface PollResultsPageData {
  poll: Pick<PollPageFields, 'id' | 'title' | 'description' | 'status' | 'opensAt' | 'closesAt' | 'resultsVisibility'>;
}

export const POLL_SUMMARY_QUERY: TypedDocumentNode<PollResultsPageData, PollVariables> = gql`
  query PollSummary($id: ID!, $locale: Locale!) {
    poll(id: $id) {
      id
      title(locale: $locale)
      description(locale: $locale)
      status
      opensAt
      closesAt
      resultsVisibility
    }
  }
`;

export const POLL_RESULTS_QUERY: TypedDocumentNode<{ pollResults: PollResultsFields }, { pollId: string; locale: GraphqlLocale }> = gql`
  query PollResults($pollId: ID!, $locale: Locale!) {
    pollResults(pollId: $pollId) {
      ...PollResultsFields
    }
  }
  ${POLL_RESULTS_FIELDS}
`;

/** The subscription the live route relays; the same selection as POLL_RESULTS_QUERY. */
export const POLL_RESULTS_SUBSCRIPTION = /* GraphQL */ `
  subscription PollResultsUpdated($pollId: ID!, $locale: Locale!) {
    pollResultsUpdated(pollId: $pollId) {
      ...PollResultsFields
    }
  }
`;
