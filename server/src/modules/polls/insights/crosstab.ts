import { type District } from '../../districts/district.entity';
import { type PollOption } from '../poll.entity';
import { isChoice, type PollDefinition } from '../poll-definition';
import { NPS_RANGE, QuestionKind, RATING_RANGE } from '../poll.enums';
import { type OneWayDisclosure } from '../poll-disclosure';
import { ANSWERED, type PairTallyRow, type TallyRow } from '../poll-tally.service';
import { mean, nps, type Interval, wilson } from '../stats';
import { type BreakdownDisclosure, protectBreakdown } from './breakdown-disclosure';
import { SUPPRESSED, type ShareCell } from './cells';

type Question = PollDefinition['questions'][number];

export interface OptionCell extends ShareCell {
  option: PollOption;
}

export interface ValueCell {
  value: number;
  count: number | null;
  share: number | null;
  confidenceInterval: Interval | null;
  suppressed: boolean;
}

export interface CrosstabRowData {
  district: District | null;
  byOption: PollOption | null;
  answeredCount: number | null;
  suppressed: boolean;
  cells: OptionCell[];
  values: ValueCell[];
  mean: number | null;
  npsScore: number | null;
}

/** A question's own counts (from its one-way results) and what of them is published: what every breakdown of it must respect. */
export interface OneWay {
  counts: number[];
  answered: number;
  disclosure: OneWayDisclosure;
}

interface Counts {
  base: number;
  /** By option id, or by value (as a string) for RATING/NPS. */
  cells: Map<string, number>;
}

const empty = (): Counts => ({ base: 0, cells: new Map() });

/** The columns of a breakdown of `question`: its options' ids, or its values. */
export function columnsOf(question: Question): string[] {
  if (isChoice(question.kind)) return question.options.map((o) => o.id);
  const range = question.kind === QuestionKind.RATING ? RATING_RANGE : NPS_RANGE;
  return Array.from({ length: range.max - range.min + 1 }, (_, i) => String(range.min + i));
}

/** A shown cell: count ÷ the row's base with its Wilson interval; or withheld. */
function cell(count: number, base: number, hidden: boolean): ShareCell {
  if (hidden) return { ...SUPPRESSED };
  return { count, share: base ? count / base : null, confidenceInterval: wilson(count, base), suppressed: false };
}

/** Adds a tally row to its breakdown row's counts (the ANSWERED row is the base). */
export function addTallyRow(counts: Counts, r: Pick<TallyRow, 'optionId' | 'number' | 'count'>): void {
  if (r.number === ANSWERED) counts.base += r.count;
  else if (r.optionId) counts.cells.set(r.optionId, (counts.cells.get(r.optionId) ?? 0) + r.count);
  else if (r.number !== null) counts.cells.set(String(r.number), (counts.cells.get(String(r.number)) ?? 0) + r.count);
}

/** Rows of counts → disclosure-controlled breakdown rows. */
export function breakdownRows(
  question: Question,
  rows: Array<{ counts: Counts; district?: District | null; byOption?: PollOption | null }>,
  oneWay: OneWay,
  options: { rowMinimum: number; rowsPartitionAnswers: boolean; columnsAddUpToOneWay: boolean },
): { rows: CrosstabRowData[]; disclosure: BreakdownDisclosure } {
  const columns = columnsOf(question);
  const disclosure = protectBreakdown({
    kind: question.kind,
    rows: rows.map((r) => ({ base: r.counts.base, counts: columns.map((c) => r.counts.cells.get(c) ?? 0) })),
    oneWay,
    ...options,
  });
  const choice = isChoice(question.kind);
  return {
    disclosure,
    rows: rows.map((r, i) => {
      const hidden = disclosure.rowHidden[i];
      const summaryShown = !disclosure.rowSummaryHidden[i];
      const distribution = new Map(columns.map((c) => [Number(c), r.counts.cells.get(c) ?? 0]));
      return {
        district: r.district ?? null,
        byOption: r.byOption ?? null,
        answeredCount: hidden ? null : r.counts.base,
        suppressed: hidden,
        cells: choice
          ? question.options.map((option, c) => ({
              option,
              ...cell(r.counts.cells.get(option.id) ?? 0, r.counts.base, disclosure.cellHidden[i][c]),
            }))
          : [],
        values: choice
          ? []
          : columns.map((v, c) => ({ value: Number(v), ...cell(r.counts.cells.get(v) ?? 0, r.counts.base, disclosure.cellHidden[i][c]) })),
        mean: question.kind === QuestionKind.RATING && summaryShown ? mean(distribution) : null,
        npsScore: question.kind === QuestionKind.NPS && summaryShown ? nps(distribution).score : null,
      };
    }),
  };
}

/**
 * A question by district, from district-keyed tally rows (any questions; others are ignored). One
 * row per district given, in that order, then one for respondents who gave no district, when there
 * are any. Choice questions have a cell per option, RATING and NPS a cell per value and the row's
 * mean or score.
 */
export function districtCrosstab(
  question: Question,
  rows: TallyRow[],
  districts: District[],
  oneWay: OneWay,
  minResponses: number,
): CrosstabRowData[] {
  return districtBreakdown(question, rows, districts, oneWay, minResponses).rows;
}

export function districtBreakdown(question: Question, rows: TallyRow[], districts: District[], oneWay: OneWay, minResponses: number) {
  const byDistrict = new Map<string | null, Counts>();
  for (const r of rows) {
    if (r.questionId !== question.id) continue;
    let counts = byDistrict.get(r.districtId);
    if (!counts) byDistrict.set(r.districtId, (counts = empty()));
    addTallyRow(counts, r);
  }
  const keyed: Array<{ counts: Counts; district: District | null }> = districts.map((district) => ({
    counts: byDistrict.get(district.id) ?? empty(),
    district,
  }));
  const none = byDistrict.get(null);
  if (none?.base) keyed.push({ counts: none, district: null });
  return breakdownRows(question, keyed, oneWay, { rowMinimum: minResponses, rowsPartitionAnswers: true, columnsAddUpToOneWay: true });
}

/**
 * A choice question by the options picked in another choice question, from pair-tally rows. Its
 * columns add up to the question's own counts when the other question is single choice and
 * everyone answered both: assumed, so the question's withheld counts stay withheld here.
 */
export function questionCrosstab(
  question: Question,
  byQuestion: Question,
  rows: PairTallyRow[],
  oneWay: OneWay,
  minResponses: number,
): CrosstabRowData[] {
  const byOption = new Map<string, Counts>();
  for (const r of rows) {
    let counts = byOption.get(r.byOptionId);
    if (!counts) byOption.set(r.byOptionId, (counts = empty()));
    if (r.optionId === null) counts.base += r.count;
    else counts.cells.set(r.optionId, (counts.cells.get(r.optionId) ?? 0) + r.count);
  }
  const keyed = byQuestion.options.map((option) => ({ counts: byOption.get(option.id) ?? empty(), byOption: option }));
  return breakdownRows(question, keyed, oneWay, {
    rowMinimum: minResponses,
    rowsPartitionAnswers: false,
    columnsAddUpToOneWay: byQuestion.kind === QuestionKind.SINGLE_CHOICE,
  }).rows;
}
