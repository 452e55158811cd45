import { badInput } from '../../common/errors';
import { pollHasResponses } from './poll.errors';
import { type PollOption, type PollQuestion, type Poll } from './poll.entity';
import { QuestionKind } from './poll.enums';
import { type PollQuestionInput } from './poll.inputs';

export const DEFAULT_TEXT_MAX_LENGTH = 1000;
const CHOICE_KINDS = new Set<QuestionKind>([QuestionKind.SINGLE_CHOICE, QuestionKind.MULTIPLE_CHOICE]);

export const isChoice = (kind: QuestionKind) => CHOICE_KINDS.has(kind);

/** A poll with its questions and their options, in order: what a submission is checked against. */
export interface PollDefinition {
  poll: Poll;
  questions: Array<PollQuestion & { options: PollOption[] }>;
}

/** Checks a question list's shape; throws BAD_USER_INPUT naming the first field at fault. */
export function validateQuestions(questions: PollQuestionInput[]): void {
  questions.forEach((q, i) => {
    const at = `input.questions[${i}]`;
    if (isChoice(q.kind)) {
      if (q.options.length < 2) throw badInput(`A ${q.kind} question needs at least 2 options.`, `${at}.options`);
    } else if (q.options.length > 0) {
      throw badInput(`A ${q.kind} question takes no options.`, `${at}.options`);
    }
    if (q.maxChoices != null) {
      if (q.kind !== QuestionKind.MULTIPLE_CHOICE) throw badInput('maxChoices is for MULTIPLE_CHOICE questions only.', `${at}.maxChoices`);
      if (q.maxChoices > q.options.length) throw badInput('maxChoices is more than the number of options.', `${at}.maxChoices`);
    }
    if (q.maxLength != null && q.kind !== QuestionKind.FREE_TEXT)
      throw badInput('maxLength is for FREE_TEXT questions only.', `${at}.maxLength`);
  });
  const ids = questions.map((q) => q.id).filter(Boolean);
  if (new Set(ids).size !== ids.length) throw badInput('A question id appears twice.', 'input.questions');
}

/**
 * Once a poll has responses, an edit may reword and add, but not remove a question or an option,
 * nor change a question's kind: every stored answer must still mean what it meant.
 */
export function assertCompatible(existing: PollDefinition['questions'], next: PollQuestionInput[]): void {
  const byId = new Map(next.filter((q) => q.id).map((q) => [q.id!, q]));
  for (const question of existing) {
    const kept = byId.get(question.id);
    if (!kept) throw pollHasResponses(`question ${question.position} has answers and cannot be removed.`);
    if (kept.kind !== question.kind) throw pollHasResponses(`question ${question.position} has answers; its kind cannot change.`);
    const keptOptions = new Set(kept.options.map((o) => o.id).filter(Boolean));
    for (const option of question.options) {
      if (!keptOptions.has(option.id))
        throw pollHasResponses(`an option of question ${question.position} has answers and cannot be removed.`);
    }
  }
}
