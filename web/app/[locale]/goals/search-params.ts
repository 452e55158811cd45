import { isGoalCategory, type GoalCategory, type GoalFilter } from '@/lib/api/schema';

/** Longer searches are cut rather than sent to the API, which bounds every input string. */
export const SEARCH_MAX_LENGTH = 100;

// Control characters are never text and the API rejects them: a pasted one must not fail the page.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/g;

export interface GoalSearch {
  q: string;
  category: GoalCategory | null;
}

type SearchParams = Record<string, string | string[] | undefined>;

function single(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value) ?? '';
}

/** Reads `?q=&category=` from the goals page URL; unknown categories are ignored. */
export function parseGoalSearch(params: SearchParams): GoalSearch {
  const cleaned = single(params.q).replace(CONTROL_CHARACTERS, ' ').trim();
  // Cut by code point, so an emoji is never split into a lone surrogate.
  const q = Array.from(cleaned).slice(0, SEARCH_MAX_LENGTH).join('').trim();
  const category = single(params.category);
  return { q, category: isGoalCategory(category) ? category : null };
}

export function toGoalFilter({ q, category }: GoalSearch): GoalFilter {
  return {
    ...(q && { search: q }),
    ...(category && { category }),
  };
}
