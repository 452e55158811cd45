// Types of the public GraphQL contract (schema/schema.graphql) that the web uses.
// Hand-written until codegen is wired up; keep in step with the server's SDL.

export type GraphqlLocale = 'FA' | 'EN';

export const goalCategories = [
  'AWARENESS',
  'REPUTATION',
  'CITIZEN_PARTICIPATION',
  'PUBLIC_OPINION',
  'MEDIA_RELATIONS',
  'INTERNAL_COMMUNICATION',
  'EVENTS_AND_OCCASIONS',
  'CRISIS_MANAGEMENT',
  'MANAGEMENT_SUPPORT',
  'CULTURE',
] as const;

export type GoalCategory = (typeof goalCategories)[number];

export function isGoalCategory(value: string): value is GoalCategory {
  return (goalCategories as readonly string[]).includes(value);
}

export type GoalStatus = 'DRAFT' | 'ACTIVE' | 'COMPLETED' | 'ARCHIVED';

export interface GoalFilter {
  search?: string;
  category?: GoalCategory;
}

export interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

export type PollStatus = 'DRAFT' | 'SCHEDULED' | 'OPEN' | 'CLOSED';

export type QuestionKind = 'SINGLE_CHOICE' | 'MULTIPLE_CHOICE' | 'RATING' | 'NPS' | 'FREE_TEXT';

export type ResultsVisibility = 'PUBLIC' | 'AFTER_RESPONSE' | 'STAFF_ONLY';

/** One answer of submitPollResponse's input. Give exactly the field the question's kind needs. */
export interface AnswerInput {
  questionId: string;
  optionIds?: string[];
  number?: number;
  text?: string;
}

/** The `extensions.code` values the web turns into messages for people. */
export type ApiErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'FORBIDDEN'
  | 'RATE_LIMITED'
  | 'ALREADY_RESPONDED'
  | 'POLL_CLOSED'
  | 'POLL_NOT_OPEN'
  | 'DISTRICT_NOT_ELIGIBLE';

export type EventKind =
  'CRISIS_NOTICE' | 'CULTURAL_EVENT' | 'MAYOR_APPEARANCE' | 'NATIONAL_OCCASION' | 'OTHER' | 'PRESS_CONFERENCE' | 'RELIGIOUS_OCCASION';

export type EventStatus = 'DRAFT' | 'PUBLISHED' | 'CANCELLED';
