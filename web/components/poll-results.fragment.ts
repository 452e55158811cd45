import { gql } from "@apollo/client";

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
      }
      rating {
        mean
        distribution {
          value
          count
          share
        }
      }
      nps {
        score
        promoters
        passives
        detractors
        distribution {
          value
          count
          share
        }
      }
    }
  }
`;
