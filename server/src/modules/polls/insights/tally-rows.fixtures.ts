// Fixtures of the insights' unit tests (left out of the build): tally rows as the tally service
// reads them, and the one-way result the insights are checked against.
import { oneWayCounts, oneWayDisclosure } from '../poll-disclosure';
import { type PollDefinition } from '../poll-definition';
import { buildQuestionResults } from '../poll-results.service';
import { ANSWERED, type TallyRow } from '../poll-tally.service';
import { type OneWay } from './crosstab';

export type Question = PollDefinition['questions'][number];

/** Where a tally row counts: a district (crosstabs) or a day (trends); the other stays null. */
export type TallyPlace = { districtId: string | null } | { day: string };

/** A row at `place`: an option's count, or (no option) the question's answered count unless `number` says a value. */
export function tallyRow(
  place: TallyPlace,
  optionId: string | null,
  count: number,
  questionId = 'q',
  number: number | null = optionId ? null : ANSWERED,
): TallyRow {
  return { questionId, optionId, number, districtId: null, day: null, ...place, count };
}

/** A choice question's rows at `place`: its answered count (the options' sum) first, then each option's count in order. */
export function choiceRows(place: TallyPlace, counts: Record<string, number>, questionId = 'q'): TallyRow[] {
  const options = Object.entries(counts);
  const answered = options.reduce((sum, [, n]) => sum + n, 0);
  return [tallyRow(place, null, answered, questionId), ...options.map(([optionId, n]) => tallyRow(place, optionId, n, questionId))];
}

/** The question's own counts and disclosure, from the same rows summed over districts and days (as the results are). */
export function oneWayOf(question: Question, rows: TallyRow[], k: number): OneWay {
  const raw = buildQuestionResults(
    { poll: { minResponses: k }, questions: [question] } as unknown as PollDefinition,
    rows.map((r) => ({ ...r, districtId: null, day: null })),
  )[0];
  return { counts: oneWayCounts(raw), answered: raw.answeredCount, disclosure: oneWayDisclosure(question, raw, k) };
}
