import { gql } from '@apollo/client';

// How many answered and what their answers proved: the head of the results, and all that the
// staff's assurance counts show.
export const POLL_ASSURANCE_FIELDS = /* GraphQL */ `
  fragment PollAssuranceFields on PollResults {
    responseCount
    verifiedCount
    waitingCount
    assuranceCounts {
      assurance
      count
    }
  }
`;

// A rating's or an NPS question's answers giving one value, as results and insights show them.
export const VALUE_RESULT_FIELDS = /* GraphQL */ `
  fragment ValueResultFields on ValueResult {
    value
    count
    share
    suppressed
  }
`;

// An NPS question's score, its three groups and its answers by value.
export const NPS_RESULT_FIELDS = /* GraphQL */ `
  fragment NpsResultFields on NpsResult {
    score
    promoters
    passives
    detractors
    suppressed
    distribution {
      value
      count
      share
      suppressed
    }
  }
`;

// Operations that show results spread this fragment; they must declare `$locale: Locale!`.
export const POLL_RESULTS_FIELDS = gql`
  fragment PollResultsFields on PollResults {
    ...PollAssuranceFields
    questions {
      answeredCount
      withheld
      responsesNeeded
      question {
        id
        kind
        prompt(locale: $locale)
      }
      options {
        option {
          id
          label(locale: $locale)
        }
        count
        share
        suppressed
      }
      rating {
        mean
        suppressed
        distribution {
          ...ValueResultFields
        }
      }
      nps {
        ...NpsResultFields
      }
    }
  }
  ${POLL_ASSURANCE_FIELDS}
  ${NPS_RESULT_FIELDS}
  ${VALUE_RESULT_FIELDS}
`;
