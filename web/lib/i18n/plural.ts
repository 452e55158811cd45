/**
 * An English count with its noun: ("1", "answer", "answers") → "1 answer"; any other count takes
 * the plural. The count comes formatted (as the dictionaries receive it), so one is "1".
 */
export const countOf = (count: string, one: string, other: string): string => `${count} ${count === '1' ? one : other}`;
