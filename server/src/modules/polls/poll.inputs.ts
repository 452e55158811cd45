import { ArrayMaxSize, ArrayMinSize, IsOptional, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { IdInput, IdsInput, TextInput } from '../../common/validation';
import { PollAssurance, PollStatus, QuestionKind, ResultsVisibility } from './poll.enums';

export const LIMITS = {
  title: 300,
  description: 10_000,
  prompt: 500,
  label: 300,
  questions: 50,
  options: 30,
  districts: 100,
  answerText: 5000,
  minResponses: { min: 5, max: 1000 },
} as const;

@InputType({ description: 'An answer option of a choice question.' })
export class PollOptionInput {
  @IdInput({ description: 'An existing option to keep (when editing); omit for a new option.', optional: true })
  id?: string | null;

  @TextInput({ description: `Persian label, at most ${LIMITS.label} characters.`, max: LIMITS.label })
  labelFa: string;

  @TextInput({ description: 'English label.', max: LIMITS.label, optional: true, allowBlank: true })
  labelEn?: string | null;
}

@InputType({ description: 'A question of a poll.' })
export class PollQuestionInput {
  @IdInput({ description: 'An existing question to keep (when editing); omit for a new question.', optional: true })
  id?: string | null;

  @Field(() => QuestionKind, { description: 'How the question is answered.' })
  kind: QuestionKind;

  @TextInput({ description: `Persian question text, at most ${LIMITS.prompt} characters.`, max: LIMITS.prompt })
  promptFa: string;

  @TextInput({ description: 'English question text.', max: LIMITS.prompt, optional: true, allowBlank: true })
  promptEn?: string | null;

  @Field({ defaultValue: true, description: 'Whether every response must answer it.' })
  required: boolean = true;

  @Field(() => Int, { nullable: true, description: 'MULTIPLE_CHOICE only: the most options one may pick.' })
  @IsOptional()
  @Min(1)
  @Max(LIMITS.options)
  maxChoices?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: `FREE_TEXT only: the longest answer, 1 to ${LIMITS.answerText} characters (default 1000).`,
  })
  @IsOptional()
  @Min(1)
  @Max(LIMITS.answerText)
  maxLength?: number | null;

  @Field(() => [PollOptionInput], {
    defaultValue: [],
    description: `Choice questions: 2 to ${LIMITS.options} options, in order. Others: none.`,
  })
  @ArrayMaxSize(LIMITS.options)
  @ValidateNested({ each: true })
  options: PollOptionInput[];
}

/** The texts other than the Persian title, declared alike for a new poll and for changes to one (blank clears). */
@InputType()
abstract class PollTexts {
  @TextInput({ description: 'English title.', max: LIMITS.title, optional: true, allowBlank: true })
  titleEn?: string | null;

  @TextInput({ description: 'Persian introduction.', max: LIMITS.description, optional: true, allowBlank: true })
  descriptionFa?: string | null;

  @TextInput({ description: 'English introduction.', max: LIMITS.description, optional: true, allowBlank: true })
  descriptionEn?: string | null;
}

@InputType({ description: 'A new poll or survey. It starts as a draft.' })
export class CreatePollInput extends PollTexts {
  @TextInput({ description: `Persian title, at most ${LIMITS.title} characters.`, max: LIMITS.title })
  titleFa: string;

  @Field(() => ResultsVisibility, { defaultValue: ResultsVisibility.PUBLIC, description: 'Who may read the results.' })
  resultsVisibility: ResultsVisibility = ResultsVisibility.PUBLIC;

  @Field({ defaultValue: false, description: 'Ask respondents which district they live in.' })
  asksDistrict: boolean = false;

  @Field(() => PollAssurance, { defaultValue: PollAssurance.OPEN, description: 'What a respondent must prove before answering.' })
  assurance: PollAssurance = PollAssurance.OPEN;

  @Field(() => Int, {
    nullable: true,
    description: `Disclosure control: answers a question (and a district's row) needs before its results are shown, ${LIMITS.minResponses.min} to ${LIMITS.minResponses.max}; 10 when omitted.`,
  })
  @IsOptional()
  @Min(LIMITS.minResponses.min)
  @Max(LIMITS.minResponses.max)
  minResponses?: number | null;

  @IdInput({
    description:
      'RESIDENT_LIST polls: the eligibility list (`eligibilityLists`) whose identifiers may answer. Required there, refused elsewhere.',
    optional: true,
  })
  eligibilityListId?: string | null;

  @IdsInput({
    description: 'Limit the poll to these districts (then respondents must say their district); empty for the whole city.',
    max: LIMITS.districts,
    emptyByDefault: true,
  })
  districtIds: string[];

  @Field(() => Date, { nullable: true, description: 'When it opens once published; at publishing when null.' })
  @IsOptional()
  opensAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it closes by itself; never when null.' })
  @IsOptional()
  closesAt?: Date | null;

  @Field(() => [PollQuestionInput], { description: `1 to ${LIMITS.questions} questions, in order.` })
  @ArrayMinSize(1)
  @ArrayMaxSize(LIMITS.questions)
  @ValidateNested({ each: true })
  questions: PollQuestionInput[];
}

@InputType({
  description:
    'Changes to a poll. Omitted fields keep their value. Once a poll has responses, its questions and options can be reworded and added to, but not removed or changed in kind.',
})
export class UpdatePollInput extends PollTexts {
  @IdInput({ description: 'The poll to change.' })
  id: string;

  @TextInput({ description: 'Persian title; cannot be cleared.', max: LIMITS.title, optional: true })
  titleFa?: string | null;

  @Field(() => ResultsVisibility, { nullable: true, description: 'Who may read the results.' })
  @IsOptional()
  resultsVisibility?: ResultsVisibility | null;

  @Field(() => Boolean, { nullable: true, description: 'Ask respondents which district they live in.' })
  @IsOptional()
  asksDistrict?: boolean | null;

  @Field(() => PollAssurance, {
    nullable: true,
    description: 'What a respondent must prove before answering; fixed once the poll has responses (POLL_HAS_RESPONSES).',
  })
  @IsOptional()
  assurance?: PollAssurance | null;

  @Field(() => Int, {
    nullable: true,
    description: `Disclosure control: answers a question (and a district's row) needs before its results are shown, ${LIMITS.minResponses.min} to ${LIMITS.minResponses.max}.`,
  })
  @IsOptional()
  @Min(LIMITS.minResponses.min)
  @Max(LIMITS.minResponses.max)
  minResponses?: number | null;

  @IdInput({ description: 'RESIDENT_LIST polls: the eligibility list; fixed once the poll has responses.', optional: true })
  eligibilityListId?: string | null;

  @IdsInput({ description: 'Limit the poll to these districts; empty for the whole city.', max: LIMITS.districts, optional: true })
  districtIds?: string[] | null;

  @Field(() => Date, { nullable: true, description: 'When it opens.' })
  @IsOptional()
  opensAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it closes by itself.' })
  @IsOptional()
  closesAt?: Date | null;

  @Field(() => [PollQuestionInput], {
    nullable: true,
    description: 'The full new list of questions, in order. Keep an existing question or option by passing its id.',
  })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(LIMITS.questions)
  @ValidateNested({ each: true })
  questions?: PollQuestionInput[] | null;
}

@InputType({ description: 'The poll to publish.' })
export class PublishPollInput {
  @IdInput({ description: 'The poll to publish.' })
  id: string;
}

@InputType({ description: 'The poll to close now.' })
export class ClosePollInput {
  @IdInput({ description: 'The poll to close.' })
  id: string;
}

@InputType({ description: 'Run a survey again: a new draft poll with the same questions, in the same series, as the next wave.' })
export class StartPollWaveInput {
  @IdInput({ description: 'Any wave of the survey to run again.' })
  pollId: string;

  @Field(() => Date, { nullable: true, description: 'When the new wave opens once published.' })
  @IsOptional()
  opensAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the new wave closes.' })
  @IsOptional()
  closesAt?: Date | null;
}

@InputType({ description: 'The answer to one question. Give exactly the field its kind needs.' })
export class AnswerInput {
  @IdInput({ description: 'The question answered.' })
  questionId: string;

  @IdsInput({ description: 'SINGLE_CHOICE (one id) and MULTIPLE_CHOICE: the options picked.', max: LIMITS.options, optional: true })
  optionIds?: string[] | null;

  @Field(() => Int, { nullable: true, description: 'RATING (1–5) and NPS (0–10).' })
  @IsOptional()
  number?: number | null;

  @TextInput({ description: 'FREE_TEXT.', max: LIMITS.answerText, optional: true, allowBlank: true })
  text?: string | null;
}

@InputType({ description: 'A poll token: the message and its unblinded signature (RFC 9474), both base64url. See `issuePollToken`.' })
export class PollTokenInput {
  @Field({
    description: 'The prepared message the token signs (the 32-byte random prefix and the message, as `prepare` returns it), base64url.',
  })
  @MaxLength(700)
  message: string;

  @Field({ description: 'The finalized (unblinded) signature over `message`, base64url (256 bytes).' })
  @MaxLength(400)
  signature: string;
}

@InputType({ description: "One respondent's answers to a poll." })
export class SubmitPollResponseInput {
  @IdInput({ description: 'The poll answered.' })
  pollId: string;

  @Field(() => String, {
    nullable: true,
    description:
      'The anonymous respondent token the server issued earlier (returned by a previous submitPollResponse). Partner apps keep it per user; the web uses a cookie instead. Omit it the first time: a new one is issued.',
  })
  @IsOptional()
  @MaxLength(128)
  respondentToken?: string | null;

  @IdInput({
    description: 'The district the respondent lives in, when the poll asks for it (`asksDistrict`) or is limited to some districts.',
    optional: true,
  })
  districtId?: string | null;

  @Field(() => [AnswerInput], { description: 'One answer per answered question.' })
  @ArrayMaxSize(LIMITS.questions)
  @ValidateNested({ each: true })
  answers: AnswerInput[];

  @Field(() => String, {
    nullable: true,
    description:
      "OPEN polls: a solved proof-of-work challenge (the ALTCHA widget's payload: base64 JSON `{ challenge, solution }`; get a challenge from `altchaChallenge`). With it the answer is stored as CHALLENGED; without it as UNCHALLENGED, under a tighter per-address limit. One challenge buys one answer (CHALLENGE_REUSED).",
  })
  @IsOptional()
  @MaxLength(4096)
  challenge?: string | null;

  @Field(() => PollTokenInput, {
    nullable: true,
    description:
      'VERIFIED_PHONE and RESIDENT_LIST polls: the poll token obtained with `issuePollToken` (required there, refused elsewhere).',
  })
  @IsOptional()
  pollToken?: PollTokenInput | null;
}

@InputType({ description: 'Which polls to list.' })
export class PollFilter {
  @Field(() => [PollStatus], {
    nullable: true,
    description:
      'Only polls in these statuses. Without a staff session DRAFT polls never appear, and CLOSED ones only for 30 days after closing.',
  })
  @IsOptional()
  @ArrayMaxSize(4)
  statuses?: PollStatus[] | null;

  @IdInput({ description: 'Only the waves of this survey series.', optional: true })
  seriesId?: string | null;

  @IdInput({ description: 'Only polls limited to this district (whole-city polls are left out).', optional: true })
  districtId?: string | null;
}
