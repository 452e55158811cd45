import { gql } from '@apollo/client';

// Operations that show results spread this fragment; they must declare `$locale: Locale!`.
export const POLL_RESULTS_FIELDS = gql`
  fragment PollResultsFields on PollResults {
    responseCount
    verifiedCount
    waitingCount
    assuranceCounts {
      assurance
      count
    }
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
          value
          count
          share
          suppressed
        }
      }
      nps {
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
    }
  }
`;
