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
  description: "Who may read a poll's results.",
  valuesConfig: {
    PUBLIC: { description: 'Anyone, at any time.' },
    AFTER_RESPONSE: { description: 'Staff, and a respondent once they have answered.' },
    STAFF_ONLY: { description: 'Staff only.' },
  },
});

export const RATING_RANGE = { min: 1, max: 5 } as const;
export const NPS_RANGE = { min: 0, max: 10 } as const;

/** How sure the city is that each answer is one person's only answer; chosen per poll by its editor. */
export enum PollAssurance {
  OPEN = 'OPEN',
  VERIFIED_PHONE = 'VERIFIED_PHONE',
  RESIDENT_LIST = 'RESIDENT_LIST',
}
registerEnumType(PollAssurance, {
  name: 'PollAssurance',
  description: 'What a respondent must prove before answering. See docs/privacy.md for what each level stores.',
  valuesConfig: {
    OPEN: {
      description:
        'Anyone may answer once per respondent token; a proof-of-work challenge (`altchaChallenge`) marks answers as challenged. Answers without it are accepted, marked unchallenged and held to a tighter per-address limit.',
    },
    VERIFIED_PHONE: {
      description:
        'One answer per Iranian mobile number: a one-time SMS code (`requestVerificationCode`) buys one blindly signed poll token (`issuePollToken`), spent by `submitPollResponse`.',
    },
    RESIDENT_LIST: {
      description:
        "One answer per identifier on the poll's eligibility list (national code or member number): entering it buys one blindly signed poll token (`issuePollToken`).",
    },
  },
});

/** What one stored answer proved. */
export enum ResponseAssurance {
  UNCHALLENGED = 'UNCHALLENGED',
  CHALLENGED = 'CHALLENGED',
  PHONE = 'PHONE',
  RESIDENT = 'RESIDENT',
}
registerEnumType(ResponseAssurance, {
  name: 'ResponseAssurance',
  description: 'What a stored response proved when it was given.',
  valuesConfig: {
    UNCHALLENGED: {
      description: "An OPEN poll's answer without a solved proof-of-work challenge (for example a form sent without JavaScript).",
    },
    CHALLENGED: { description: "An OPEN poll's answer with a solved proof-of-work challenge." },
    PHONE: { description: 'Verified by a one-time code sent to a mobile number.' },
    RESIDENT: { description: "Verified against the poll's eligibility list." },
  },
});

/** Which identifiers an eligibility list holds. */
export enum EligibilityKind {
  NATIONAL_CODE = 'NATIONAL_CODE',
  MEMBER_NUMBER = 'MEMBER_NUMBER',
}
registerEnumType(EligibilityKind, {
  name: 'EligibilityKind',
  description: 'The kind of identifier an eligibility list holds.',
  valuesConfig: {
    NATIONAL_CODE: { description: 'Iranian national codes (کد ملی): ten digits with a check digit.' },
    MEMBER_NUMBER: { description: 'Member numbers of an organisation: 3 to 32 letters, digits or dashes.' },
  },
});
