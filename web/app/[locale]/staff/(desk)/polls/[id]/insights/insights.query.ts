// The insights page asks for each part separately and in parallel: every part is computed only
// when asked for, and the API runs at most one expensive field per request (QUERY_TOO_EXPENSIVE).

export interface Interval {
  low: number;
  high: number;
}

export interface InsightsQuestion {
  id: string;
  kind: 'SINGLE_CHOICE' | 'MULTIPLE_CHOICE' | 'RATING' | 'NPS' | 'FREE_TEXT';
  position: number;
  prompt: string;
  options: { id: string; label: string }[];
}

/** Disclosure control: a withheld question shows only answeredCount; a suppressed count reads 0 with `suppressed`. */
export interface QuestionResult {
  question: { id: string };
  answeredCount: number;
  withheld: boolean;
  responsesNeeded: number;
  options: { option: { id: string }; count: number; share: number; confidenceInterval: Interval | null; suppressed: boolean }[];
  rating: {
    mean: number | null;
    confidenceInterval: Interval | null;
    suppressed: boolean;
    distribution: { value: number; count: number; share: number; suppressed: boolean }[];
  } | null;
  nps: {
    score: number | null;
    promoters: number;
    passives: number;
    detractors: number;
    suppressed: boolean;
    distribution: { value: number; count: number; share: number; suppressed: boolean }[];
  } | null;
}

export interface InsightsSummary {
  poll: {
    id: string;
    title: string;
    status: 'DRAFT' | 'SCHEDULED' | 'OPEN' | 'CLOSED';
    wave: number;
    seriesId: string;
    asksDistrict: boolean;
    minResponses: number;
    questions: InsightsQuestion[];
  } | null;
  pollInsights: { responseCount: number; minCellSize: number; questions: QuestionResult[] } | null;
}

export const INSIGHTS_SUMMARY = /* GraphQL */ `
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
  }
`;

export interface Cell {
  option: { id: string };
  count: number | null;
  share: number | null;
  suppressed: boolean;
  confidenceInterval: Interval | null;
}

export interface CrosstabData {
  pollInsights: {
    crosstab: {
      rows: {
        district: { id: string; code: number; name: string } | null;
        byOption: { id: string; label: string } | null;
        answeredCount: number | null;
        suppressed: boolean;
        cells: Cell[];
        /** RATING and NPS by district: one cell per value, and the row's mean or score. */
        values: { value: number; count: number | null; share: number | null; suppressed: boolean }[];
        mean: number | null;
        npsScore: number | null;
      }[];
    };
  };
}

export const INSIGHTS_CROSSTAB = /* GraphQL */ `
  query StaffInsightsCrosstab($pollId: ID!, $questionId: ID!, $byQuestionId: ID, $locale: Locale!) {
    pollInsights(pollId: $pollId) {
      crosstab(questionId: $questionId, byQuestionId: $byQuestionId) {
        rows {
          district {
            id
            code
            name(locale: $locale)
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

export interface TrendData {
  pollInsights: {
    trend: {
      days: {
        day: string;
        answeredCount: number | null;
        suppressed: boolean;
        mean: number | null;
        npsScore: number | null;
        options: { option: { id: string }; share: number | null }[];
      }[];
    };
  };
}

export const INSIGHTS_TREND = /* GraphQL */ `
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

export interface WeightedData {
  pollInsights: {
    weightedResults: {
      question: { id: string };
      answeredCount: number;
      weightedBase: number;
      effectiveSampleSize: number | null;
      populationCoverage: number;
      withoutDistrictCount: number;
      smallDistrictCount: number;
      options: {
        option: { id: string };
        rawShare: number;
        rawConfidenceInterval: Interval | null;
        weightedShare: number | null;
        weightedConfidenceInterval: Interval | null;
      }[];
      rating: { rawMean: number | null; weightedMean: number | null; weightedConfidenceInterval: Interval | null } | null;
      nps: { rawScore: number | null; weightedScore: number | null } | null;
    }[];
  };
}

export const INSIGHTS_WEIGHTED = /* GraphQL */ `
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

export interface WordsData {
  pollInsights: {
    wordFrequency: { answerCount: number; words: { word: string; count: number; answerCount: number }[] };
  };
}

// Its own request: the API runs one expensive field (wordFrequency, crosstab, weightedResults,
// freeTextAnswers) per request.
export const INSIGHTS_WORDS = /* GraphQL */ `
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

export interface FreeTextData {
  pollInsights: WordsData['pollInsights'] & {
    freeTextAnswers: {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      edges: { node: { id: string; text: string; day: string; district: { name: string } | null } }[];
    };
  };
}

export const INSIGHTS_FREE_TEXT = /* GraphQL */ `
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

export interface WavesData {
  pollInsights: {
    waves: {
      question: { id: string };
      waves: {
        poll: { id: string; wave: number };
        result: {
          answeredCount: number;
          options: { option: { id: string }; share: number }[];
          rating: { mean: number | null } | null;
          nps: { score: number | null } | null;
        } | null;
      }[];
      change: {
        from: { wave: number };
        to: { wave: number };
        options: {
          option: { id: string };
          fromShare: number;
          toShare: number;
          change: { difference: number; confidenceInterval: Interval | null };
        }[];
        mean: { difference: number; confidenceInterval: Interval | null } | null;
        npsScore: { difference: number; confidenceInterval: Interval | null } | null;
      } | null;
    }[];
  };
}

export const INSIGHTS_WAVES = /* GraphQL */ `
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
