import { isChoice, type PollDefinition } from '../poll-definition';
import { NPS_RANGE, QuestionKind, RATING_RANGE } from '../poll.enums';
import { ANSWERED, type TallyRow } from '../poll-tally.service';
import { mean, nps } from '../stats';
import { baseCount, isSmall } from './cells';
import { optionCells, type OptionCell } from './crosstab';

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
 */
export function questionTrend(question: Question, rows: TallyRow[]): TrendDayData[] {
  const byDay = new Map<string, { base: number; options: Map<string, number>; values: Map<number, number> }>();
  for (const r of rows) {
    if (r.questionId !== question.id || !r.day) continue;
    let d = byDay.get(r.day);
    if (!d) byDay.set(r.day, (d = { base: 0, options: new Map(), values: new Map() }));
    if (r.number === ANSWERED) d.base += r.count;
    else if (r.optionId) d.options.set(r.optionId, (d.options.get(r.optionId) ?? 0) + r.count);
    else if (r.number !== null) d.values.set(r.number, (d.values.get(r.number) ?? 0) + r.count);
  }
  if (!byDay.size) return [];
  const days = [...byDay.keys()].sort();
  return daysBetween(days[0], days[days.length - 1]).map((day) => {
    const d = byDay.get(day) ?? { base: 0, options: new Map(), values: new Map() };
    const shown = !isSmall(d.base);
    const inRange = (range: { min: number; max: number }) => new Map([...d.values].filter(([v]) => v >= range.min && v <= range.max));
    return {
      day,
      answeredCount: baseCount(d.base),
      suppressed: !shown,
      options: isChoice(question.kind) ? optionCells(question, d) : [],
      mean: shown && question.kind === QuestionKind.RATING ? mean(inRange(RATING_RANGE)) : null,
      npsScore: shown && question.kind === QuestionKind.NPS ? nps(inRange(NPS_RANGE)).score : null,
    };
  });
}
