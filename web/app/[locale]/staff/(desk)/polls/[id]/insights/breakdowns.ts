// Shared by the page (a server component) and the crosstab form (a client component).

export interface BreakdownQuestion {
  id: string;
  kind: string;
  prompt: string;
}

const isChoice = (kind: string) => kind === 'SINGLE_CHOICE' || kind === 'MULTIPLE_CHOICE';

/**
 * What a question can be broken down by, besides districts (offered only when the poll asks the
 * district): another choice question when the question itself is a choice question (RATING and NPS
 * by district only); never the question itself.
 */
export function breakdownsFor(question: BreakdownQuestion | undefined, questions: BreakdownQuestion[]): BreakdownQuestion[] {
  if (!question || !isChoice(question.kind)) return [];
  return questions.filter((q) => q.id !== question.id && isChoice(q.kind));
}

/** The questions a crosstab can be made of: all of them when the poll asks the district, else those with another question to break them down by. */
export function crosstabQuestions<Q extends BreakdownQuestion>(questions: Q[], all: BreakdownQuestion[], asksDistrict: boolean): Q[] {
  return asksDistrict ? questions : questions.filter((q) => breakdownsFor(q, all).length > 0);
}
