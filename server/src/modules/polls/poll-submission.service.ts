import { type DataSource } from 'typeorm';
import { AppError, badInput, ErrorCode, notFound } from '../../common/errors';
import { type Viewer } from '../staff/staff.policy';
import { type Poll } from './poll.entity';
import { canReadResults } from './poll.policy';
import { type Limiter } from '../../common/rate-limit';
import { type AnswerInput, type SubmitPollResponseInput } from './poll.inputs';
import { NPS_RANGE, PollStatus, QuestionKind, RATING_RANGE, ResultsVisibility } from './poll.enums';
import { alreadyResponded, districtNotEligible, pollClosed, pollNotOpen } from './poll.errors';
import { isChoice, type PollDefinition } from './poll-definition';
import { effectiveStatus, SQL_STATUS } from './poll-status';
import { type PollService } from './poll.service';
import { type RespondentKeys } from './respondent';

/** The rows one response becomes: parallel arrays, inserted with unnest() in one statement. */
interface AnswerRows {
  questionIds: string[];
  optionIds: Array<string | null>;
  numbers: Array<number | null>;
  texts: Array<string | null>;
}

export interface SubmissionResult {
  pollId: string;
  respondentToken: string;
  /** True when the token was issued by this submission (the web then sets its cookie). */
  tokenIssued: boolean;
}

/**
 * One statement does the whole write, atomically: it checks that the poll is open, records the
 * participation (the primary key refuses a second one), and only then stores the response, its
 * answers and its place in the tally queue. Nothing shared is updated, so concurrent submissions
 * never queue behind one another's row locks.
 */
const SUBMIT_SQL = `
WITH open_poll AS (
  SELECT p.id FROM poll p WHERE p.id = $1 AND ${SQL_STATUS[PollStatus.OPEN]}
), participation AS (
  INSERT INTO poll_participation (poll_id, respondent_key)
  SELECT id, $2 FROM open_poll
  ON CONFLICT DO NOTHING
  RETURNING poll_id
), response AS (
  INSERT INTO poll_response (poll_id, district_id, submitted_at)
  SELECT poll_id, $3, date_trunc('hour', now()) FROM participation
  RETURNING id
), answers AS (
  INSERT INTO poll_answer (response_id, question_id, option_id, number, text)
  SELECT response.id, a.question_id, a.option_id, a.number, a.text
  FROM response, unnest($4::uuid[], $5::uuid[], $6::smallint[], $7::text[]) AS a(question_id, option_id, number, text)
), queued AS (
  INSERT INTO poll_tally_queue (response_id) SELECT id FROM response
)
SELECT (SELECT count(*) FROM open_poll)::int AS open, (SELECT count(*) FROM participation)::int AS accepted`;

export class PollSubmissionService {
  constructor(
    private readonly db: DataSource,
    private readonly polls: PollService,
    private readonly keys: RespondentKeys,
    private readonly limiter: Limiter,
    private readonly onAccepted: (pollId: string) => void,
  ) {}

  async submit(input: SubmitPollResponseInput, meta: { clientKey: string; cookieToken?: string }): Promise<SubmissionResult> {
    await this.limiter.consume(meta.clientKey);

    const definition = await this.polls.definition(input.pollId);
    const status = definition ? effectiveStatus(definition.poll) : PollStatus.DRAFT;
    if (!definition || status === PollStatus.DRAFT) throw notFound('Poll');
    if (status === PollStatus.SCHEDULED) throw pollNotOpen(definition.poll.opensAt);
    if (status === PollStatus.CLOSED) throw pollClosed();

    const districtId = this.checkDistrict(definition, input.districtId ?? null);
    const rows = toAnswerRows(definition, input.answers);

    let token = input.respondentToken ?? meta.cookieToken ?? null;
    if (input.respondentToken && !this.keys.isValid(input.respondentToken)) {
      throw badInput('respondentToken was not issued by this service; omit it to get a new one.', 'input.respondentToken');
    }
    if (token && !this.keys.isValid(token)) token = null; // a stale or foreign cookie: start afresh
    const tokenIssued = !token;
    token ??= this.keys.issue();

    const [result] = (await this.db.query(SUBMIT_SQL, [
      definition.poll.id,
      this.keys.participationKey(definition.poll.id, token),
      districtId,
      rows.questionIds,
      rows.optionIds,
      rows.numbers,
      rows.texts,
    ])) as Array<{ open: number; accepted: number }>;

    if (!result.open) {
      // Closed (or unpublished) between the cached check and the write.
      this.polls.forgetDefinition(definition.poll.id);
      throw pollClosed();
    }
    if (!result.accepted) throw alreadyResponded();
    this.onAccepted(definition.poll.id);
    return { pollId: definition.poll.id, respondentToken: token, tokenIssued };
  }

  /** Whether the holder of this token has answered the poll (for AFTER_RESPONSE results). */
  async hasResponded(pollId: string, token: string | null | undefined): Promise<boolean> {
    if (!token || !this.keys.isValid(token)) return false;
    const rows = await this.db.query('SELECT 1 FROM poll_participation WHERE poll_id = $1 AND respondent_key = $2', [pollId, this.keys.participationKey(pollId, token)]);
    return rows.length > 0;
  }

  /** FORBIDDEN unless the poll's results visibility lets this caller read them. */
  async assertMayReadResults(viewer: Viewer | null, poll: Poll, token: string | null | undefined): Promise<void> {
    const responded = !viewer && poll.resultsVisibility === ResultsVisibility.AFTER_RESPONSE ? await this.hasResponded(poll.id, token) : false;
    if (!canReadResults(viewer, poll.resultsVisibility, responded)) {
      throw new AppError(
        ErrorCode.FORBIDDEN,
        poll.resultsVisibility === ResultsVisibility.AFTER_RESPONSE ? 'These results are shown after answering the poll.' : 'These results are for staff only.',
      );
    }
  }

  private checkDistrict(definition: PollDefinition, districtId: string | null): string | null {
    const { poll } = definition;
    if (!poll.asksDistrict) {
      if (districtId) throw badInput('This poll does not ask for a district.', 'input.districtId');
      return null;
    }
    if (!districtId) throw badInput('This poll asks which district the respondent lives in.', 'input.districtId');
    if (poll.districtIds.length && !poll.districtIds.includes(districtId)) throw districtNotEligible();
    return districtId;
  }
}

/**
 * Checks every answer against the poll's definition and turns them into rows. Any fault throws
 * BAD_USER_INPUT naming the answer at fault, before anything is written.
 */
export function toAnswerRows(definition: PollDefinition, answers: AnswerInput[]): AnswerRows {
  const rows: AnswerRows = { questionIds: [], optionIds: [], numbers: [], texts: [] };
  const push = (questionId: string, optionId: string | null, number: number | null, text: string | null) => {
    rows.questionIds.push(questionId);
    rows.optionIds.push(optionId);
    rows.numbers.push(number);
    rows.texts.push(text);
  };
  const questions = new Map(definition.questions.map((q) => [q.id, q]));
  const answered = new Set<string>();

  answers.forEach((answer, i) => {
    const at = `input.answers[${i}]`;
    const question = questions.get(answer.questionId);
    if (!question) throw badInput('This question is not part of the poll.', `${at}.questionId`);
    if (answered.has(question.id)) throw badInput('This question is answered twice.', `${at}.questionId`);
    answered.add(question.id);

    const given = [answer.optionIds != null, answer.number != null, answer.text != null].filter(Boolean).length;
    if (given !== 1) throw badInput('Give exactly one of optionIds, number or text.', at);

    if (isChoice(question.kind)) {
      if (answer.optionIds == null) throw badInput(`A ${question.kind} answer takes optionIds.`, `${at}.optionIds`);
      const ids = answer.optionIds;
      if (new Set(ids).size !== ids.length) throw badInput('An option is picked twice.', `${at}.optionIds`);
      if (ids.length === 0) throw badInput('Pick at least one option.', `${at}.optionIds`);
      if (question.kind === QuestionKind.SINGLE_CHOICE && ids.length !== 1) throw badInput('Pick exactly one option.', `${at}.optionIds`);
      const max = question.maxChoices ?? question.options.length;
      if (ids.length > max) throw badInput(`Pick at most ${max} options.`, `${at}.optionIds`);
      const valid = new Set(question.options.map((o) => o.id));
      const bad = ids.findIndex((id) => !valid.has(id));
      if (bad >= 0) throw badInput('This option does not belong to the question.', `${at}.optionIds[${bad}]`);
      ids.forEach((id) => push(question.id, id, null, null));
    } else if (question.kind === QuestionKind.RATING || question.kind === QuestionKind.NPS) {
      const range = question.kind === QuestionKind.RATING ? RATING_RANGE : NPS_RANGE;
      const n = answer.number;
      if (n == null) throw badInput(`A ${question.kind} answer takes a number.`, `${at}.number`);
      if (!Number.isInteger(n) || n < range.min || n > range.max) throw badInput(`The number must be a whole number from ${range.min} to ${range.max}.`, `${at}.number`);
      push(question.id, null, n, null);
    } else {
      const text = answer.text?.trim();
      if (answer.text == null) throw badInput('A FREE_TEXT answer takes text.', `${at}.text`);
      if (!text) throw badInput('The text is empty.', `${at}.text`);
      const max = question.maxLength ?? Infinity;
      if ([...text].length > max) throw badInput(`The text is longer than ${max} characters.`, `${at}.text`);
      push(question.id, null, null, text);
    }
  });

  const missing = definition.questions.find((q) => q.required && !answered.has(q.id));
  if (missing) throw badInput(`Question ${missing.position} is required.`, 'input.answers');
  if (!rows.questionIds.length) throw badInput('Answer at least one question.', 'input.answers');
  return rows;
}
