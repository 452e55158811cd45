import { type EnumValue, graphqlEnum } from '../../common/graphql-enum';
import { selfNamed } from '../../common/self-named';

/** What an editor set. The status callers see is derived from it and the schedule (PollStatus). */
export const PollState = selfNamed('DRAFT', 'PUBLISHED', 'CLOSED');
export type PollState = EnumValue<typeof PollState>;

export const PollStatus = graphqlEnum(
  'PollStatus',
  'Where a poll stands. A published poll opens and closes by itself at its scheduled times.',
  {
    DRAFT: 'Being written; staff only.',
    SCHEDULED: 'Published, opening at `opensAt`.',
    OPEN: 'Taking answers.',
    CLOSED: 'No longer taking answers.',
  },
);
export type PollStatus = EnumValue<typeof PollStatus>;

export const QuestionKind = graphqlEnum('QuestionKind', 'How a question is answered.', {
  SINGLE_CHOICE: 'Exactly one option (`optionIds` with one id).',
  MULTIPLE_CHOICE: 'One or more options, at most `maxChoices`.',
  RATING: 'A whole number from 1 to 5 (`number`).',
  NPS: 'Net Promoter Score: a whole number from 0 to 10 (`number`).',
  FREE_TEXT: 'Text of at most `maxLength` characters (`text`).',
});
export type QuestionKind = EnumValue<typeof QuestionKind>;

export const ResultsVisibility = graphqlEnum('ResultsVisibility', "Who may read a poll's results.", {
  PUBLIC: 'Anyone, at any time.',
  AFTER_RESPONSE:
    'Staff, and a respondent once they have answered. OPEN polls only (a verified poll keeps nothing that says who answered).',
  STAFF_ONLY: 'Staff only.',
});
export type ResultsVisibility = EnumValue<typeof ResultsVisibility>;

export const RATING_RANGE = { min: 1, max: 5 } as const;
export const NPS_RANGE = { min: 0, max: 10 } as const;

/** How sure the city is that each answer is one person's only answer; chosen per poll by its editor. */
export const PollAssurance = graphqlEnum(
  'PollAssurance',
  'What a respondent must prove before answering. See docs/privacy.md for what each level stores.',
  {
    OPEN: 'Anyone may answer once per respondent token; a proof-of-work challenge (`altchaChallenge`) marks answers as challenged. Answers without it are accepted, marked unchallenged and held to a tighter per-address limit.',
    VERIFIED_PHONE:
      'One answer per Iranian mobile number: a one-time SMS code (`requestVerificationCode`) buys one blindly signed poll token (`issuePollToken`), spent by `submitPollResponse`.',
    RESIDENT_LIST:
      "One answer per identifier on the poll's eligibility list (national code or member number): entering it buys one blindly signed poll token (`issuePollToken`).",
  },
);
export type PollAssurance = EnumValue<typeof PollAssurance>;

/** What one stored answer proved. */
export const ResponseAssurance = graphqlEnum('ResponseAssurance', 'What a stored response proved when it was given.', {
  UNCHALLENGED: "An OPEN poll's answer without a solved proof-of-work challenge (for example a form sent without JavaScript).",
  CHALLENGED: "An OPEN poll's answer with a solved proof-of-work challenge.",
  PHONE: 'Verified by a one-time code sent to a mobile number.',
  RESIDENT: "Verified against the poll's eligibility list.",
});
export type ResponseAssurance = EnumValue<typeof ResponseAssurance>;

/** Which identifiers an eligibility list holds. */
export const EligibilityKind = graphqlEnum('EligibilityKind', 'The kind of identifier an eligibility list holds.', {
  NATIONAL_CODE: 'Iranian national codes (کد ملی): ten digits with a check digit.',
  MEMBER_NUMBER: 'Member numbers of an organisation: 3 to 32 letters, digits or dashes.',
});
export type EligibilityKind = EnumValue<typeof EligibilityKind>;
