// Types of the public GraphQL contract (schema/schema.graphql) that the web uses.
// Hand-written until codegen is wired up; keep in step with the server's SDL.

export type GraphqlLocale = "FA" | "EN";

export const goalCategories = [
  "AWARENESS",
  "REPUTATION",
  "CITIZEN_PARTICIPATION",
  "PUBLIC_OPINION",
  "MEDIA_RELATIONS",
  "INTERNAL_COMMUNICATION",
  "EVENTS_AND_OCCASIONS",
  "CRISIS_MANAGEMENT",
  "MANAGEMENT_SUPPORT",
  "CULTURE",
] as const;

export type GoalCategory = (typeof goalCategories)[number];

export function isGoalCategory(value: string): value is GoalCategory {
  return (goalCategories as readonly string[]).includes(value);
}

export type GoalStatus = "DRAFT" | "ACTIVE" | "COMPLETED" | "ARCHIVED";

export interface GoalFilter {
  search?: string;
  category?: GoalCategory;
}

export interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}
