import { AppError, badInput, ErrorCode } from '../../common/errors';
import { isBlank, isCleanText } from '../../common/validation';
import { type AnswerInput } from './poll.inputs';
import { NPS_RANGE, QuestionKind, RATING_RANGE } from './poll.enums';
import { isChoice, type PollDefinition } from './poll-definition';

/** The rows one response becomes: parallel arrays, inserted with unnest() in one statement. */
export interface AnswerRows {
  questionIds: string[];
  optionIds: Array<string | null>;
  numbers: Array<number | null>;
  texts: Array<string | null>;
}

/**
 * The answer rows of several responses as one set of parallel columns, as SQL's unnest() takes
 * them: each row with its response's index in the list (`ns`) and its place in the response (`seqs`, from 1).
 */
export function answerColumns(responses: AnswerRows[]): AnswerRows & { ns: number[]; seqs: number[] } {
  const columns = {
    ns: [] as number[],
    seqs: [] as number[],
    questionIds: [] as string[],
    optionIds: [] as Array<string | null>,
    numbers: [] as Array<number | null>,
    texts: [] as Array<string | null>,
  };
  responses.forEach((rows, n) => {
    for (let j = 0; j < rows.questionIds.length; j++) {
      columns.ns.push(n);
      columns.seqs.push(j + 1);
      columns.questionIds.push(rows.questionIds[j]);
      columns.optionIds.push(rows.optionIds[j] ?? null);
      columns.numbers.push(rows.numbers[j] ?? null);
      columns.texts.push(rows.texts[j] ?? null);
    }
  });
  return columns;
}

/** Base64url (or base64) text to bytes, BAD_USER_INPUT unless it decodes to a length within bounds. */
export function decodeBase64Url(text: string, field: string, min: number, max: number): Buffer {
  if (typeof text !== 'string' || !/^[A-Za-z0-9_\-+/]*={0,2}$/.test(text)) throw badInput('Expected base64url text.', field);
  const bytes = Buffer.from(text, 'base64url');
  if (bytes.length < min || bytes.length > max)
    throw badInput(min === max ? `Expected ${min} bytes (base64url).` : `Expected ${min} to ${max} bytes (base64url).`, field);
  return bytes;
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
      if (!Number.isInteger(n) || n < range.min || n > range.max)
        throw badInput(`The number must be a whole number from ${range.min} to ${range.max}.`, `${at}.number`);
      push(question.id, null, n, null);
    } else {
      if (answer.text == null) throw badInput('A FREE_TEXT answer takes text.', `${at}.text`);
      const text = answer.text.trim();
      if (isBlank(text)) throw badInput('The text is empty.', `${at}.text`);
      if (!isCleanText(text)) throw badInput('The text contains control characters.', `${at}.text`);
      const max = question.maxLength ?? Infinity;
      if ([...text].length > max) throw badInput(`The text is longer than ${max} characters.`, `${at}.text`);
      push(question.id, null, null, text);
    }
  });

  const missing = definition.questions.find((q) => q.required && !answered.has(q.id));
  if (missing)
    throw new AppError(ErrorCode.BAD_USER_INPUT, `Question ${missing.position} is required.`, {
      field: 'input.answers',
      questionId: missing.id,
    });
  if (!rows.questionIds.length) throw badInput('Answer at least one question.', 'input.answers');
  return rows;
}
