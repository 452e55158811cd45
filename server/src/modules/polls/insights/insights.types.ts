import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Connection } from '../../../common/pagination';
import { District } from '../../districts/district.entity';
import { Poll, PollOption, PollQuestion } from '../poll.entity';
import { ConfidenceInterval, QuestionResult } from '../poll.types';
import { MIN_CELL } from './cells';
import { type PollDefinition } from '../poll-definition';

const SUPPRESSED_NOTE = `null when suppressed (under ${MIN_CELL}, or a complement that keeps another suppressed count from being worked out)`;

@ObjectType({
  description: `One option in a breakdown (a crosstab row or a day). A count under ${MIN_CELL} is suppressed, and so are the complements that keep it from being worked out from the totals: count, share and interval are null and \`suppressed\` is true.`,
})
export class BreakdownCell {
  @Field(() => PollOption, { description: 'The option.' })
  option: PollOption;

  @Field(() => Int, { nullable: true, description: `Answers in the row that picked the option; ${SUPPRESSED_NOTE}.` })
  count: number | null;

  @Field(() => Float, { nullable: true, description: `count ÷ the row's answeredCount (the row share), from 0 to 1; ${SUPPRESSED_NOTE}.` })
  share: number | null;

  @Field(() => ConfidenceInterval, { nullable: true, description: `95 % Wilson interval of the share; ${SUPPRESSED_NOTE}.` })
  confidenceInterval: ConfidenceInterval | null;

  @Field({ description: `True when the count is withheld: under ${MIN_CELL}, a complement, or in a withheld row.` })
  suppressed: boolean;
}

@ObjectType({ description: 'One value (a rating 1–5 or an NPS score 0–10) in a breakdown row. Suppressed like a BreakdownCell.' })
export class BreakdownValueCell {
  @Field(() => Int, { description: 'The value.' })
  value: number;

  @Field(() => Int, { nullable: true, description: `Answers in the row that gave it; ${SUPPRESSED_NOTE}.` })
  count: number | null;

  @Field(() => Float, { nullable: true, description: `count ÷ the row's answeredCount; ${SUPPRESSED_NOTE}.` })
  share: number | null;

  @Field(() => ConfidenceInterval, { nullable: true, description: `95 % Wilson interval of the share; ${SUPPRESSED_NOTE}.` })
  confidenceInterval: ConfidenceInterval | null;

  @Field({ description: 'True when the count is withheld.' })
  suppressed: boolean;
}

@ObjectType({ description: 'One row of a crosstab: the answers of one district, or of those who picked one option of the other question.' })
export class CrosstabRow {
  @Field(() => District, {
    nullable: true,
    description: 'By district: the district; null for respondents who gave none (and in a crosstab by question).',
  })
  district: District | null;

  @Field(() => PollOption, {
    nullable: true,
    description: 'By question: the option of the other question this row is about; null in a crosstab by district.',
  })
  byOption: PollOption | null;

  @Field(() => Int, {
    nullable: true,
    description: `Responses in the row that answered the question (the base of the row shares); ${SUPPRESSED_NOTE}.`,
  })
  answeredCount: number | null;

  @Field({
    description:
      "True when the row is withheld (fewer answers than the poll's `minResponses`, or withheld so that another withheld row cannot be worked out from the total): then every cell is suppressed too.",
  })
  suppressed: boolean;

  @Field(() => [BreakdownCell], {
    description: 'Choice questions: one cell per option of the question, in order. Empty for RATING and NPS.',
  })
  cells: BreakdownCell[];

  @Field(() => [BreakdownValueCell], {
    description: 'RATING and NPS questions (by district): one cell per value, lowest first. Empty for choice questions.',
  })
  values: BreakdownValueCell[];

  @Field(() => Float, { nullable: true, description: "RATING questions: the row's mean; null otherwise or when withheld." })
  mean: number | null;

  @Field(() => Float, { nullable: true, description: "NPS questions: the row's Net Promoter Score; null otherwise or when withheld." })
  npsScore: number | null;
}

@ObjectType({
  description: 'A question broken down by district (any kind but FREE_TEXT) or by another choice question, counted from tallies.',
})
export class Crosstab {
  @Field(() => PollQuestion, { description: 'The question whose options are the columns.' })
  question: PollQuestion;

  @Field(() => PollQuestion, { nullable: true, description: 'The question whose options are the rows; null when the rows are districts.' })
  byQuestion: PollQuestion | null;

  @Field(() => [CrosstabRow], {
    description:
      'By district: every district the poll covers, by number, then respondents without a district when there are any. By question: each option of `byQuestion`, in order.',
  })
  rows: CrosstabRow[];
}

@ObjectType({ description: "One day of a question's trend (the day in the city's time zone)." })
export class TrendDay {
  @Field({ description: "The day, as a LocalDate (YYYY-MM-DD) in the city's time zone." })
  day: string;

  @Field(() => Int, { nullable: true, description: `Responses that answered the question that day; ${SUPPRESSED_NOTE}.` })
  answeredCount: number | null;

  @Field({
    description: `True when the day is withheld: fewer than ${MIN_CELL} answered, or withheld so that another withheld day cannot be worked out from the total. Every figure of the day is then null.`,
  })
  suppressed: boolean;

  @Field(() => [BreakdownCell], { description: "Choice questions: each option's share of the day's answers. Empty for other kinds." })
  options: BreakdownCell[];

  @Field(() => Float, { nullable: true, description: "RATING questions: the day's mean rating; null otherwise or when suppressed." })
  mean: number | null;

  @Field(() => Float, { nullable: true, description: "NPS questions: the day's Net Promoter Score; null otherwise or when suppressed." })
  npsScore: number | null;
}

@ObjectType({ description: 'A question day by day.' })
export class QuestionTrend {
  @Field(() => PollQuestion, { description: 'The question.' })
  question: PollQuestion;

  @Field(() => [TrendDay], {
    description: 'Every day from the first with answers to the last, oldest first (days without answers included, suppressed).',
  })
  days: TrendDay[];
}

@ObjectType({ description: 'How one district enters the weighted figures.' })
export class WeightingInput {
  @Field(() => District, { description: 'The district.' })
  district: District;

  @Field(() => Int, { description: 'Its residents: the figure the weights were computed with.' })
  population: number;

  @Field(() => String, { nullable: true, description: 'Where that figure comes from (e.g. "Census 1395"), to reproduce the analysis.' })
  populationSource: string | null;

  @Field(() => Int, { nullable: true, description: 'The year that figure describes.' })
  populationYear: number | null;

  @Field(() => Date, {
    description: "When that figure was entered: its version in the district's populationHistory (valid from this instant).",
  })
  populationAsOf: Date;

  @Field(() => Float, {
    nullable: true,
    description: 'population ÷ the population of the districts in the weighted figure; null when the district is left out.',
  })
  populationShare: number | null;

  @Field(() => Int, { nullable: true, description: `Answers to the question from the district; ${SUPPRESSED_NOTE}.` })
  answeredCount: number | null;

  @Field(() => Float, { nullable: true, description: 'answeredCount ÷ the weighted base; null when the district is left out.' })
  sampleShare: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'populationShare ÷ sampleShare: what each answer from the district counts for; null when the district is left out.',
  })
  weight: number | null;

  @Field({
    description:
      "True when the district's row is withheld (as in the crosstab by district: under the poll's `minResponses`, or a complement): it is left out of the weighted figure and its count withheld. A shown district with a suppressed cell is left out too (populationShare null): the weighted figure would give the cell away.",
  })
  suppressed: boolean;
}

@ObjectType({ description: "One option's share, raw and weighted by district population." })
export class WeightedOptionResult {
  @Field(() => PollOption, { description: 'The option.' })
  option: PollOption;

  @Field(() => Float, { description: 'The raw share (all respondents who answered, as in `questions`).' })
  rawShare: number;

  @Field(() => ConfidenceInterval, { nullable: true, description: '95 % Wilson interval of the raw share.' })
  rawConfidenceInterval: ConfidenceInterval | null;

  @Field(() => Float, {
    nullable: true,
    description: 'The share weighted by district population; null when no district has enough answers.',
  })
  weightedShare: number | null;

  @Field(() => ConfidenceInterval, {
    nullable: true,
    description: '95 % Wilson interval of the weighted share at the effective sample size.',
  })
  weightedConfidenceInterval: ConfidenceInterval | null;

  @Field({ description: 'True when the raw count is suppressed (as in `questions`): rawShare then reads 0 and its interval null.' })
  suppressed: boolean;
}

@ObjectType({ description: "A RATING question's mean, raw and weighted." })
export class WeightedRating {
  @Field(() => Float, { nullable: true, description: 'The raw mean.' })
  rawMean: number | null;

  @Field(() => Float, { nullable: true, description: 'The mean weighted by district population.' })
  weightedMean: number | null;

  @Field(() => ConfidenceInterval, { nullable: true, description: '95 % interval of the weighted mean (stratified variance).' })
  weightedConfidenceInterval: ConfidenceInterval | null;
}

@ObjectType({ description: "An NPS question's score, raw and weighted." })
export class WeightedNps {
  @Field(() => Float, { nullable: true, description: 'The raw Net Promoter Score.' })
  rawScore: number | null;

  @Field(() => Float, { nullable: true, description: 'The Net Promoter Score weighted by district population.' })
  weightedScore: number | null;
}

@ObjectType({
  description:
    'A question\'s results weighted by district population (post-stratification), beside the raw ones. See docs/api.md, "Insights", for the formulas.',
})
export class WeightedQuestionResult {
  @Field(() => PollQuestion, { description: 'The question.' })
  question: PollQuestion;

  @Field(() => Int, { description: 'Responses that answered it (the raw base).' })
  answeredCount: number;

  @Field(() => Int, { description: 'Answers in the weighted figure: from districts with enough answers.' })
  weightedBase: number;

  @Field(() => Int, {
    description: 'Answers left out because the respondent gave no district; 0 when withheld (see withoutDistrictSuppressed).',
  })
  withoutDistrictCount: number;

  @Field({ description: 'True when the count of answers without a district is withheld, like its row in the crosstab by district.' })
  withoutDistrictSuppressed: boolean;

  @Field(() => Int, { description: 'Districts left out because their row is withheld (see WeightingInput.suppressed).' })
  smallDistrictCount: number;

  @Field(() => Int, {
    description:
      'Districts left out because a cell, the mean or the score of their row is withheld (the weighted figure would give it away), though the row itself is shown.',
  })
  partlyWithheldDistrictCount: number;

  @Field(() => Float, { description: "Share of the covered districts' population that the weighted figure represents, from 0 to 1." })
  populationCoverage: number;

  @Field(() => Float, { nullable: true, description: "Kish's effective sample size of the weighted figure, (Σw)² ÷ Σw²." })
  effectiveSampleSize: number | null;

  @Field(() => [WeightedOptionResult], { description: 'Choice questions: each option in order. Empty for other kinds.' })
  options: WeightedOptionResult[];

  @Field(() => WeightedRating, { nullable: true, description: 'RATING questions only.' })
  rating: WeightedRating | null;

  @Field(() => WeightedNps, { nullable: true, description: 'NPS questions only.' })
  nps: WeightedNps | null;

  @Field(() => [WeightingInput], { description: 'Every district the poll covers, with its weight.' })
  districts: WeightingInput[];
}

@ObjectType({ description: 'One free-text answer. Personal opinion: staff only.' })
export class FreeTextAnswer {
  @Field(() => ID, { description: 'Opaque identifier.' })
  id: string;

  @Field({ description: 'The answer as written.' })
  text: string;

  @Field({ description: "The day it was given, as a LocalDate (YYYY-MM-DD) in the city's time zone." })
  day: string;

  /** Resolved by FreeTextAnswerResolver through the district loader. */
  districtId: string | null;
}

export const FreeTextAnswerConnection = Connection(FreeTextAnswer, 'FreeTextAnswer');

@ObjectType({ description: "How often one word occurs in a question's free-text answers." })
export class WordCount {
  @Field({
    description:
      'The word, normalised (Arabic ي/ك as Persian ی/ک, without diacritics, lower case); half-spaces (ZWNJ) are kept: «پیاده‌روها».',
  })
  word: string;

  @Field(() => Int, { description: 'Occurrences over all answers.' })
  count: number;

  @Field(() => Int, { description: 'Answers (so respondents) that use it at least once. API keys see only words with 5 or more.' })
  answerCount: number;
}

@ObjectType({ description: 'The most frequent words of a free-text question, stop words left out.' })
export class WordFrequency {
  @Field(() => PollQuestion, { description: 'The question.' })
  question: PollQuestion;

  @Field(() => Int, { description: 'Free-text answers counted.' })
  answerCount: number;

  @Field(() => [WordCount], { description: 'The most frequent words, most frequent first (ties alphabetical).' })
  words: WordCount[];
}

@ObjectType({ description: 'A difference between two waves, with its 95 % interval.' })
export class WaveDifference {
  @Field(() => Float, { description: 'Later wave minus earlier wave.' })
  difference: number;

  @Field(() => ConfidenceInterval, {
    nullable: true,
    description: '95 % interval of the difference; null when a wave has too few answers.',
  })
  confidenceInterval: ConfidenceInterval | null;
}

@ObjectType({ description: "How one option's share changed between two waves." })
export class OptionChange {
  @Field(() => PollOption, { description: 'The option, as in the later wave.' })
  option: PollOption;

  @Field(() => Float, { description: 'Its share in the earlier wave.' })
  fromShare: number;

  @Field(() => Float, { description: 'Its share in the later wave.' })
  toShare: number;

  @Field(() => WaveDifference, { description: "toShare − fromShare, with Newcombe's interval." })
  change: WaveDifference;
}

@ObjectType({ description: 'The change of a question between the last two waves that have answers to it.' })
export class WaveChange {
  @Field(() => Poll, { description: 'The earlier wave.' })
  from: Poll;

  @Field(() => Poll, { description: 'The later wave.' })
  to: Poll;

  @Field(() => [OptionChange], {
    description: 'Choice questions: each option of the later wave that the earlier one had at the same position.',
  })
  options: OptionChange[];

  @Field(() => WaveDifference, { nullable: true, description: 'RATING questions: the change of the mean.' })
  mean: WaveDifference | null;

  @Field(() => WaveDifference, { nullable: true, description: 'NPS questions: the change of the score, in points.' })
  npsScore: WaveDifference | null;
}

@ObjectType({ description: "A question's results in one wave of its survey." })
export class QuestionWave {
  @Field(() => Poll, { description: 'The wave (a poll of the series).' })
  poll: Poll;

  @Field(() => QuestionResult, {
    nullable: true,
    description: "The results of the wave's copy of the question; null when that wave does not ask it.",
  })
  result: QuestionResult | null;
}

@ObjectType({ description: 'One question compared across the waves of its survey.' })
export class QuestionWaves {
  @Field(() => PollQuestion, { description: 'The question, as in this poll.' })
  question: PollQuestion;

  @Field(() => [QuestionWave], { description: 'Every wave of the series, first wave first.' })
  waves: QuestionWave[];

  @Field(() => WaveChange, {
    nullable: true,
    description: 'The change between the last two waves with answers to the question; null with fewer than two.',
  })
  change: WaveChange | null;
}

@ObjectType({
  description: `Opinion analysis of one poll, for staff. Each field is computed only when asked for; breakdowns withhold counts under ${MIN_CELL}. Formulas: docs/api.md, "Insights".`,
})
export class PollInsights {
  @Field(() => Poll, { description: 'The poll.' })
  poll: Poll;

  @Field(() => Int, {
    description:
      "The smallest count a breakdown shows; smaller ones are suppressed, with complements. (Rows need the poll's `minResponses`.)",
  })
  minCellSize: number;

  /** What the fields read: the poll and its questions (not a GraphQL field). */
  definition: PollDefinition;
}
