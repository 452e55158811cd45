// Shared by the page (a server component) and the crosstab form (a client component).

export interface BreakdownQuestion {
  id: string;
  kind: string;
  prompt: string;
}

const isChoice = (kind: string) => kind === 'SINGLE_CHOICE' || kind === 'MULTIPLE_CHOICE';

/**
 * What a question can be broken down by: districts always; another choice question when the
 * question itself is a choice question (RATING and NPS by district only); never the question itself.
 */
export function breakdownsFor(question: BreakdownQuestion | undefined, questions: BreakdownQuestion[]): BreakdownQuestion[] {
  if (!question || !isChoice(question.kind)) return [];
  return questions.filter((q) => q.id !== question.id && isChoice(q.kind));
}
