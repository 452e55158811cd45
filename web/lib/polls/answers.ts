import type { AnswerInput, QuestionKind } from '../api/schema';

// Reading and checking a poll form. Shared by the form (checks before sending, with JavaScript)
// and the server action (checks every submission, with or without JavaScript), so both give the
// same messages. The API checks everything again; these checks exist to name every fault at once.

export const RATING_VALUES = [1, 2, 3, 4, 5] as const;
export const NPS_VALUES = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;

/** What the form needs to know about a question to read and check its answer. */
export interface QuestionRules {
  id: string;
  kind: QuestionKind;
  required: boolean;
  maxChoices: number | null;
  maxLength: number | null;
  options: { id: string }[];
}

export interface PollRules {
  asksDistrict: boolean;
  /** Districts the respondent may pick; every district when the poll is for the whole city. */
  districtIds: string[];
  questions: QuestionRules[];
}

export type FieldError =
  | { code: 'REQUIRED' }
  | { code: 'TOO_MANY'; max: number }
  | { code: 'TOO_LONG'; max: number }
  | { code: 'INVALID' }
  | { code: 'DISTRICT_REQUIRED' }
  | { code: 'DISTRICT_NOT_ELIGIBLE' };

/** The raw values of the form: field name → the values given (several for checkboxes). */
export type FormValues = Record<string, string[]>;

export const DISTRICT_FIELD = 'district';

/** The form field of a question (also its fieldset's id prefix). */
export function questionField(questionId: string): string {
  return `q-${questionId}`;
}

/** Strings from FormData under the poll's own field names; anything else (action ids) is ignored. */
export function readValues(formData: FormData, rules: PollRules): FormValues {
  const values: FormValues = {};
  const names = [...rules.questions.map((q) => questionField(q.id)), DISTRICT_FIELD];
  for (const name of names) {
    const given = formData.getAll(name).filter((v): v is string => typeof v === 'string');
    if (given.length) values[name] = given;
  }
  return values;
}

// Control characters are never text and the API refuses them; tabs and new lines are kept.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

export interface CheckedAnswers {
  answers: AnswerInput[];
  districtId: string | null;
  /** By field name (questionField(id) or DISTRICT_FIELD); empty when everything is right. */
  errors: Record<string, FieldError>;
  /** No fault, but nothing answered either (every question optional): the API wants one answer. */
  empty: boolean;
}

export function checkAnswers(rules: PollRules, values: FormValues): CheckedAnswers {
  const errors: Record<string, FieldError> = {};
  const answers: AnswerInput[] = [];

  for (const question of rules.questions) {
    const field = questionField(question.id);
    const given = (values[field] ?? []).map((v) => v.trim()).filter((v) => v !== '');
    if (given.length === 0) {
      if (question.required) errors[field] = { code: 'REQUIRED' };
      continue;
    }
    switch (question.kind) {
      case 'SINGLE_CHOICE':
      case 'MULTIPLE_CHOICE': {
        const ids = [...new Set(given)];
        const valid = new Set(question.options.map((o) => o.id));
        const max = question.kind === 'SINGLE_CHOICE' ? 1 : (question.maxChoices ?? question.options.length);
        if (ids.some((id) => !valid.has(id))) errors[field] = { code: 'INVALID' };
        else if (ids.length > max) errors[field] = { code: 'TOO_MANY', max };
        else answers.push({ questionId: question.id, optionIds: ids });
        break;
      }
      case 'RATING':
      case 'NPS': {
        const allowed: readonly number[] = question.kind === 'RATING' ? RATING_VALUES : NPS_VALUES;
        const n = Number(given[0]);
        if (given.length !== 1 || !/^\d{1,2}$/.test(given[0]) || !allowed.includes(n)) errors[field] = { code: 'INVALID' };
        else answers.push({ questionId: question.id, number: n });
        break;
      }
      case 'FREE_TEXT': {
        const text = given[0].replace(CONTROL_CHARACTERS, '').trim();
        const max = question.maxLength ?? Infinity;
        if (!text) {
          if (question.required) errors[field] = { code: 'REQUIRED' };
        } else if ([...text].length > max) errors[field] = { code: 'TOO_LONG', max };
        else answers.push({ questionId: question.id, text });
        break;
      }
    }
  }

  let districtId: string | null = null;
  if (rules.asksDistrict) {
    const given = values[DISTRICT_FIELD]?.[0] ?? '';
    if (!given) errors[DISTRICT_FIELD] = { code: 'DISTRICT_REQUIRED' };
    else if (!rules.districtIds.includes(given)) errors[DISTRICT_FIELD] = { code: 'DISTRICT_NOT_ELIGIBLE' };
    else districtId = given;
  }

  return { answers, districtId, errors, empty: Object.keys(errors).length === 0 && answers.length === 0 };
}
