// The parts of the GraphQL contract the web names by hand. Every type here comes from the code
// generated from schema/schema.graphql (lib/api/graphql.generated.ts, `npm run codegen -w web`), so
// a schema change that breaks a page fails the web's type check.
import type { GoalCategory, GoalsPageQuery } from './graphql.generated';

export type {
  AnswerInput,
  EventKind,
  EventStatus,
  GoalCategory,
  GoalFilter,
  GoalStatus,
  Locale as GraphqlLocale,
  PollStatus,
  QuestionKind,
  ResultsVisibility,
} from './graphql.generated';

/** A connection's page information, as every list query selects it. */
export type PageInfo = GoalsPageQuery['goals']['pageInfo'];

/** Every category, in the order the goals page offers them; the type check fails when the schema adds one. */
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
] as const satisfies readonly GoalCategory[];

// Fails to compile when GoalCategory gains a value the list above lacks.
const everyCategoryListed: Exclude<GoalCategory, (typeof goalCategories)[number]> extends never ? true : false = true;
void everyCategoryListed;

export function isGoalCategory(value: string): value is GoalCategory {
  return (goalCategories as readonly string[]).includes(value);
}
