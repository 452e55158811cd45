import { registerEnumType } from 'type-graphql';

/** What an editor set. The status callers see is derived from it and the schedule (PollStatus). */
export enum PollState {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
  CLOSED = 'CLOSED',
}

export enum PollStatus {
  DRAFT = 'DRAFT',
  SCHEDULED = 'SCHEDULED',
  OPEN = 'OPEN',
  CLOSED = 'CLOSED',
}
registerEnumType(PollStatus, {
  name: 'PollStatus',
  description: 'Where a poll stands. A published poll opens and closes by itself at its scheduled times.',
  valuesConfig: {
    DRAFT: { description: 'Being written; staff only.' },
    SCHEDULED: { description: 'Published, opening at `opensAt`.' },
    OPEN: { description: 'Taking answers.' },
    CLOSED: { description: 'No longer taking answers.' },
  },
});

export enum QuestionKind {
  SINGLE_CHOICE = 'SINGLE_CHOICE',
  MULTIPLE_CHOICE = 'MULTIPLE_CHOICE',
  RATING = 'RATING',
  NPS = 'NPS',
  FREE_TEXT = 'FREE_TEXT',
}
registerEnumType(QuestionKind, {
  name: 'QuestionKind',
  description: 'How a question is answered.',
  valuesConfig: {
    SINGLE_CHOICE: { description: 'Exactly one option (`optionIds` with one id).' },
    MULTIPLE_CHOICE: { description: 'One or more options, at most `maxChoices`.' },
    RATING: { description: 'A whole number from 1 to 5 (`number`).' },
    NPS: { description: 'Net Promoter Score: a whole number from 0 to 10 (`number`).' },
    FREE_TEXT: { description: 'Text of at most `maxLength` characters (`text`).' },
  },
});

export enum ResultsVisibility {
  PUBLIC = 'PUBLIC',
  AFTER_RESPONSE = 'AFTER_RESPONSE',
  STAFF_ONLY = 'STAFF_ONLY',
}
registerEnumType(ResultsVisibility, {
  name: 'ResultsVisibility',
  description: 'Who may read a poll\'s results.',
  valuesConfig: {
    PUBLIC: { description: 'Anyone, at any time.' },
    AFTER_RESPONSE: { description: 'Staff, and a respondent once they have answered.' },
    STAFF_ONLY: { description: 'Staff only.' },
  },
});

export const RATING_RANGE = { min: 1, max: 5 } as const;
export const NPS_RANGE = { min: 0, max: 10 } as const;
