import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Poll, PollOption, PollQuestion } from './poll.entity';
import { ResponseAssurance } from './poll.enums';

@ObjectType({ description: 'A 95 % confidence interval.' })
export class ConfidenceInterval {
  @Field(() => Float, { description: 'Lower bound.' })
  low: number;

  @Field(() => Float, { description: 'Upper bound.' })
  high: number;
}

@ObjectType({ description: 'How often one option was picked.' })
export class OptionResult {
  @Field(() => PollOption, { description: 'The option.' })
  option: PollOption;

  @Field(() => Int, { description: 'Responses that picked it.' })
  count: number;

  @Field(() => Float, {
    description: 'count ÷ responses that answered the question, from 0 to 1. For multiple choice the shares can add up to more than 1.',
  })
  share: number;

  @Field(() => ConfidenceInterval, {
    nullable: true,
    description: '95 % Wilson interval of the share; null without answers or when suppressed.',
  })
  confidenceInterval: ConfidenceInterval | null;

  @Field({
    description:
      'Disclosure control: true when the count is withheld (under 5, or hidden so that another withheld count cannot be worked out from the totals). count and share then read 0, the interval null.',
  })
  suppressed: boolean;
}

@ObjectType({ description: 'How often one value (a rating or an NPS score) was given.' })
export class ValueResult {
  @Field(() => Int, { description: 'The value.' })
  value: number;

  @Field(() => Int, { description: 'Responses that gave it.' })
  count: number;

  @Field(() => Float, { description: 'count ÷ responses that answered the question.' })
  share: number;

  @Field({
    description:
      'Disclosure control: true when the count is withheld (under 5, or hidden so that another withheld count cannot be worked out). count and share then read 0.',
  })
  suppressed: boolean;
}

@ObjectType({ description: "A rating question's (1–5) summary." })
export class RatingResult {
  @Field(() => Float, { nullable: true, description: 'The mean rating; null without answers.' })
  mean: number | null;

  @Field(() => ConfidenceInterval, { nullable: true, description: '95 % interval of the mean; null with fewer than 2 answers.' })
  confidenceInterval: ConfidenceInterval | null;

  @Field(() => [ValueResult], { description: 'Every value from 1 to 5 with its count.' })
  distribution: ValueResult[];

  @Field({
    description:
      'Disclosure control: true when the mean and its interval are withheld (null), because with the counts shown they would give a withheld count away.',
  })
  suppressed: boolean;
}

@ObjectType({ description: "A Net Promoter Score question's (0–10) summary." })
export class NpsResult {
  @Field(() => Float, { nullable: true, description: '% promoters (9–10) − % detractors (0–6), from −100 to 100; null without answers.' })
  score: number | null;

  @Field(() => Int, { description: 'Answers of 9 or 10.' })
  promoters: number;

  @Field(() => Int, { description: 'Answers of 7 or 8.' })
  passives: number;

  @Field(() => Int, { description: 'Answers of 0 to 6.' })
  detractors: number;

  @Field(() => [ValueResult], { description: 'Every value from 0 to 10 with its count.' })
  distribution: ValueResult[];

  @Field({
    description:
      'Disclosure control: true when promoters, passives and detractors are withheld (they read 0): one of them is under 5, or would give a withheld count away. The score is null when it is withheld too.',
  })
  suppressed: boolean;
}

@ObjectType({ description: 'The results of one question.' })
export class QuestionResult {
  @Field(() => PollQuestion, { description: 'The question.' })
  question: PollQuestion;

  @Field(() => Int, { description: 'Responses that answered it.' })
  answeredCount: number;

  @Field(() => [OptionResult], { description: 'Choice questions: each option in order. Empty for other kinds.' })
  options: OptionResult[];

  @Field(() => RatingResult, { nullable: true, description: 'RATING questions only.' })
  rating: RatingResult | null;

  @Field(() => NpsResult, { nullable: true, description: 'NPS questions only.' })
  nps: NpsResult | null;

  @Field({
    description:
      "Disclosure control: true while fewer than the poll's `minResponses` answered the question. Then only answeredCount is shown: every count reads 0 with `suppressed`, means and scores null.",
  })
  withheld: boolean;

  @Field(() => Int, { description: 'How many more answers the question needs before its results are shown; 0 once they are.' })
  responsesNeeded: number;
}

@ObjectType({ description: "A poll's results, counted from precomputed tallies: reading them never recounts all responses." })
export class PollResults {
  @Field(() => Poll, { description: 'The poll.' })
  poll: Poll;

  @Field(() => Int, { description: 'All responses so far.' })
  responseCount: number;

  @Field(() => [QuestionResult], { description: 'Each question in order (free-text answers are listed separately, for staff).' })
  questions: QuestionResult[];
}

@ObjectType({ description: 'The result of submitting a response.' })
export class SubmitPollResponsePayload {
  @Field(() => ID, { description: 'The poll answered.' })
  pollId: string;

  @Field({
    description:
      'The anonymous respondent token this response was recorded under. Keep it (per user, on the device) and send it with the next submission: it is how the service refuses a second answer to the same poll. It identifies no one.',
  })
  respondentToken: string;

  @Field(() => ResponseAssurance, { description: 'What this response proved, as stored with it.' })
  assurance: ResponseAssurance;

  /** Whether the respondent may see the results now; `results` is computed only when selected. */
  resultsVisible: boolean;
}

@ObjectType({ description: 'The created poll.' })
export class CreatePollPayload {
  @Field(() => Poll, { description: 'The poll as stored.' })
  poll: Poll;
}

@ObjectType({ description: 'The changed poll.' })
export class UpdatePollPayload {
  @Field(() => Poll, { description: 'The poll as stored after the change.' })
  poll: Poll;
}

@ObjectType({ description: 'The published poll.' })
export class PublishPollPayload {
  @Field(() => Poll, { description: 'The poll, now SCHEDULED or OPEN.' })
  poll: Poll;
}

@ObjectType({ description: 'The closed poll.' })
export class ClosePollPayload {
  @Field(() => Poll, { description: 'The poll, now CLOSED.' })
  poll: Poll;
}

@ObjectType({ description: 'The new wave of a survey.' })
export class StartPollWavePayload {
  @Field(() => Poll, { description: 'The new wave, a draft.' })
  poll: Poll;
}
