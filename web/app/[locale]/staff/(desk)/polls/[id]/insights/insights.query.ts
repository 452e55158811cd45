import { NPS_RESULT_FIELDS, VALUE_RESULT_FIELDS } from '@/components/poll-results.fragment';
import type {
  StaffInsightsCrosstabQuery,
  StaffInsightsCrosstabQueryVariables,
  StaffInsightsFreeTextQuery,
  StaffInsightsFreeTextQueryVariables,
  StaffInsightsSummaryQuery,
  StaffInsightsSummaryQueryVariables,
  StaffInsightsTrendQuery,
  StaffInsightsTrendQueryVariables,
  StaffInsightsWavesQuery,
  StaffInsightsWavesQueryVariables,
  StaffInsightsWeightedQuery,
  StaffInsightsWeightedQueryVariables,
  StaffInsightsWordsQuery,
  StaffInsightsWordsQueryVariables,
} from '@/lib/api/graphql.generated';
import type { Operation } from '@/lib/api/request';
// The insights page asks for each part separately and in parallel: every part is computed only
// when asked for, and the API runs at most one expensive field per request (QUERY_TOO_EXPENSIVE).

export type Interval = NonNullable<QuestionResult['options'][number]['confidenceInterval']>;

export type InsightsQuestion = NonNullable<InsightsSummary['poll']>['questions'][number];

/** Disclosure control: a withheld question shows only answeredCount; a suppressed count reads 0 with `suppressed`. */
export type QuestionResult = NonNullable<InsightsSummary['pollInsights']>['questions'][number];

export type InsightsSummary = StaffInsightsSummaryQuery;

/** An insights answer whose pollInsights is there: staffQuery makes an error the error page. */
type Insights<Q extends { pollInsights: unknown }> = { pollInsights: NonNullable<Q['pollInsights']> };

export function insightsOf<Q extends { pollInsights: unknown }>(data: Q): Insights<Q>;
export function insightsOf<Q extends { pollInsights: unknown }>(data: Q | null): Insights<Q> | null;
export function insightsOf<Q extends { pollInsights: unknown }>(data: Q | null): Insights<Q> | null {
  if (!data) return null;
  if (!data.pollInsights) throw new Error('GraphQL API answered without pollInsights');
  return data as Insights<Q>;
}

export const INSIGHTS_SUMMARY: Operation<StaffInsightsSummaryQuery, StaffInsightsSummaryQueryVariables> = /* GraphQL */ `
  query StaffInsightsSummary($pollId: ID!, $locale: Locale!) {
    poll(id: $pollId) {
      id
      title(locale: $locale)
      status
      wave
      seriesId
      asksDistrict
      minResponses
      questions {
        id
        kind
        position
        prompt(locale: $locale)
        options {
          id
          label(locale: $locale)
        }
      }
    }
    pollInsights(pollId: $pollId) {
      responseCount
      minCellSize
      questions {
        question {
          id
        }
        answeredCount
        withheld
        responsesNeeded
        options {
          option {
            id
          }
          count
          share
          suppressed
          confidenceInterval {
            low
            high
          }
        }
        rating {
          mean
          suppressed
          confidenceInterval {
            low
            high
          }
          distribution {
            ...ValueResultFields
          }
        }
        nps {
          ...NpsResultFields
        }
      }
    }
  }
  ${NPS_RESULT_FIELDS}
  ${VALUE_RESULT_FIELDS}
`;

export type Cell = CrosstabData['pollInsights']['crosstab']['rows'][number]['cells'][number];

export type CrosstabData = Insights<StaffInsightsCrosstabQuery>;

export const INSIGHTS_CROSSTAB: Operation<StaffInsightsCrosstabQuery, StaffInsightsCrosstabQueryVariables> = /* GraphQL */ `
  query StaffInsightsCrosstab($pollId: ID!, $questionId: ID!, $byQuestionId: ID, $locale: Locale!) {
    pollInsights(pollId: $pollId) {
      crosstab(questionId: $questionId, byQuestionId: $byQuestionId) {
        rows {
          district {
            id
            code
            name(locale: $locale)
            boundary
          }
          byOption {
            id
            label(locale: $locale)
          }
          answeredCount
          suppressed
          cells {
            option {
              id
            }
            count
            share
            suppressed
            confidenceInterval {
              low
              high
            }
          }
          values {
            value
            count
            share
            suppressed
          }
          mean
          npsScore
        }
      }
    }
  }
`;

export type TrendData = Insights<StaffInsightsTrendQuery>;

export const INSIGHTS_TREND: Operation<StaffInsightsTrendQuery, StaffInsightsTrendQueryVariables> = /* GraphQL */ `
  query StaffInsightsTrend($pollId: ID!, $questionId: ID!) {
    pollInsights(pollId: $pollId) {
      trend(questionId: $questionId) {
        days {
          day
          answeredCount
          suppressed
          mean
          npsScore
          options {
            option {
              id
            }
            share
          }
        }
      }
    }
  }
`;

export type WeightedData = Insights<StaffInsightsWeightedQuery>;

export const INSIGHTS_WEIGHTED: Operation<StaffInsightsWeightedQuery, StaffInsightsWeightedQueryVariables> = /* GraphQL */ `
  query StaffInsightsWeighted($pollId: ID!) {
    pollInsights(pollId: $pollId) {
      weightedResults {
        question {
          id
        }
        answeredCount
        weightedBase
        effectiveSampleSize
        populationCoverage
        withoutDistrictCount
        smallDistrictCount
        partlyWithheldDistrictCount
        options {
          option {
            id
          }
          rawShare
          rawConfidenceInterval {
            low
            high
          }
          weightedShare
          weightedConfidenceInterval {
            low
            high
          }
        }
        rating {
          rawMean
          weightedMean
          weightedConfidenceInterval {
            low
            high
          }
        }
        nps {
          rawScore
          weightedScore
        }
      }
    }
  }
`;

export type WordsData = Insights<StaffInsightsWordsQuery>;

// Its own request: the API runs one expensive field (wordFrequency, crosstab, weightedResults,
// freeTextAnswers) per request.
export const INSIGHTS_WORDS: Operation<StaffInsightsWordsQuery, StaffInsightsWordsQueryVariables> = /* GraphQL */ `
  query StaffInsightsWords($pollId: ID!, $questionId: ID!) {
    pollInsights(pollId: $pollId) {
      wordFrequency(questionId: $questionId, top: 25) {
        answerCount
        words {
          word
          count
          answerCount
        }
      }
    }
  }
`;

export type FreeTextData = { pollInsights: WordsData['pollInsights'] & Insights<StaffInsightsFreeTextQuery>['pollInsights'] };

export const INSIGHTS_FREE_TEXT: Operation<StaffInsightsFreeTextQuery, StaffInsightsFreeTextQueryVariables> = /* GraphQL */ `
  query StaffInsightsFreeText($pollId: ID!, $questionId: ID!, $after: String, $locale: Locale!) {
    pollInsights(pollId: $pollId) {
      freeTextAnswers(questionId: $questionId, first: 20, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            id
            text
            day
            district {
              name(locale: $locale)
            }
          }
        }
      }
    }
  }
`;

export type WavesData = Insights<StaffInsightsWavesQuery>;

export const INSIGHTS_WAVES: Operation<StaffInsightsWavesQuery, StaffInsightsWavesQueryVariables> = /* GraphQL */ `
  query StaffInsightsWaves($pollId: ID!) {
    pollInsights(pollId: $pollId) {
      waves {
        question {
          id
        }
        waves {
          poll {
            id
            wave
          }
          result {
            answeredCount
            options {
              option {
                id
              }
              share
            }
            rating {
              mean
            }
            nps {
              score
            }
          }
        }
        change {
          from {
            wave
          }
          to {
            wave
          }
          options {
            option {
              id
            }
            fromShare
            toShare
            change {
              difference
              confidenceInterval {
                low
                high
              }
            }
          }
          mean {
            difference
            confidenceInterval {
              low
              high
            }
          }
          npsScore {
            difference
            confidenceInterval {
              low
              high
            }
          }
        }
      }
    }
  }
`;
