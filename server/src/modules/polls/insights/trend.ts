import { isChoice, type PollDefinition } from '../poll-definition';
import { NPS_RANGE, QuestionKind, RATING_RANGE } from '../poll.enums';
import { type TallyRow } from '../poll-tally.service';
import { mean, nps } from '../stats';
import { protectRows } from './breakdown-disclosure';
import { MIN_CELL } from './cells';
import { addTallyRow, breakdownRows, type OneWay, type OptionCell } from './crosstab';

type Question = PollDefinition['questions'][number];

export interface TrendDayData {
  day: string;
  answeredCount: number | null;
  suppressed: boolean;
  options: OptionCell[];
  mean: number | null;
  npsScore: number | null;
}

/** The calendar days from `first` to `last` inclusive (YYYY-MM-DD). */
export function daysBetween(first: string, last: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${first}T00:00:00Z`), end = Date.parse(`${last}T00:00:00Z`); t <= end; t += 86_400_000) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}

/**
 * A question day by day, from day-keyed tally rows (days in the city's time zone), from its first
 * day with answers to its last; a day without answers is listed as suppressed. Each option's share
 * is its count ÷ that day's answers; RATING days carry the mean, NPS days the score.
 * Disclosure control: days are rows of a breakdown (breakdown-disclosure.ts) with at least 5
 * answers each, whose counts add up to the question's answered count; a day's mean or score is
 * shown only when the question's own is (the days' sums would otherwise give it away).
 */
export function questionTrend(question: Question, rows: TallyRow[], oneWay: OneWay): TrendDayData[] {
  const byDay = new Map<string, { base: number; cells: Map<string, number> }>();
  for (const r of rows) {
    if (r.questionId !== question.id || !r.day) continue;
    let d = byDay.get(r.day);
    if (!d) byDay.set(r.day, (d = { base: 0, cells: new Map() }));
    addTallyRow(d, r);
  }
  if (!byDay.size) return [];
  const days = [...byDay.keys()].sort();
  const all = daysBetween(days[0], days[days.length - 1]);
  const counts = all.map((day) => byDay.get(day) ?? { base: 0, cells: new Map<string, number>() });
  if (isChoice(question.kind)) {
    const { rows: out } = breakdownRows(
      question,
      counts.map((c) => ({ counts: c })),
      oneWay,
      { rowMinimum: MIN_CELL, rowsPartitionAnswers: true, columnsAddUpToOneWay: true },
    );
    return out.map((row, i) => ({
      day: all[i],
      answeredCount: row.answeredCount,
      suppressed: row.suppressed,
      options: row.cells,
      mean: null,
      npsScore: null,
    }));
  }
  const hidden = protectRows(
    counts.map((c) => c.base),
    MIN_CELL,
    true,
    oneWay.disclosure.withheld,
  );
  const summaryHidden = question.kind === QuestionKind.RATING ? oneWay.disclosure.meanHidden : oneWay.disclosure.npsScoreHidden;
  return counts.map((d, i) => {
    const shown = !hidden[i] && !summaryHidden;
    const values = new Map([...d.cells].map(([v, n]) => [Number(v), n]));
    const inRange = (range: { min: number; max: number }) => new Map([...values].filter(([v]) => v >= range.min && v <= range.max));
    return {
      day: all[i],
      answeredCount: hidden[i] ? null : d.base,
      suppressed: hidden[i],
      options: [],
      mean: shown && question.kind === QuestionKind.RATING ? mean(inRange(RATING_RANGE)) : null,
      npsScore: shown && question.kind === QuestionKind.NPS ? nps(inRange(NPS_RANGE)).score : null,
    };
  });
}
