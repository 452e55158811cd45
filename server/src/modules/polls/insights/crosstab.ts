import { type District } from '../../districts/district.entity';
import { type PollOption } from '../poll.entity';
import { type PollDefinition } from '../poll-definition';
import { ANSWERED, type PairTallyRow, type TallyRow } from '../poll-tally.service';
import { baseCount, isSmall, shareCell, type ShareCell } from './cells';

type Question = PollDefinition['questions'][number];

export interface OptionCell extends ShareCell {
  option: PollOption;
}

export interface CrosstabRowData {
  district: District | null;
  byOption: PollOption | null;
  answeredCount: number | null;
  suppressed: boolean;
  cells: OptionCell[];
}

interface Counts {
  base: number;
  options: Map<string, number>;
}

/** One row: each option's count ÷ the row's base (those in the row who answered the question). */
export function optionCells(question: Question, counts: Counts): OptionCell[] {
  return question.options.map((option) => ({ option, ...shareCell(counts.options.get(option.id) ?? 0, counts.base) }));
}

function toRow(question: Question, counts: Counts, key: { district?: District | null; byOption?: PollOption | null }): CrosstabRowData {
  return {
    district: key.district ?? null,
    byOption: key.byOption ?? null,
    answeredCount: baseCount(counts.base),
    suppressed: isSmall(counts.base),
    cells: optionCells(question, counts),
  };
}

const empty = (): Counts => ({ base: 0, options: new Map() });

/**
 * A choice question by district, from district-keyed tally rows (any questions; others are
 * ignored). One row per district given, in that order, then one for respondents who gave no
 * district, when there are any.
 */
export function districtCrosstab(question: Question, rows: TallyRow[], districts: District[]): CrosstabRowData[] {
  const byDistrict = new Map<string | null, Counts>();
  for (const r of rows) {
    if (r.questionId !== question.id) continue;
    let counts = byDistrict.get(r.districtId);
    if (!counts) byDistrict.set(r.districtId, (counts = empty()));
    if (r.number === ANSWERED) counts.base += r.count;
    else if (r.optionId) counts.options.set(r.optionId, (counts.options.get(r.optionId) ?? 0) + r.count);
  }
  const out = districts.map((district) => toRow(question, byDistrict.get(district.id) ?? empty(), { district }));
  const none = byDistrict.get(null);
  if (none?.base) out.push(toRow(question, none, { district: null }));
  return out;
}

/** A choice question by the options picked in another choice question, from pair-tally rows. */
export function questionCrosstab(question: Question, byQuestion: Question, rows: PairTallyRow[]): CrosstabRowData[] {
  const byOption = new Map<string, Counts>();
  for (const r of rows) {
    let counts = byOption.get(r.byOptionId);
    if (!counts) byOption.set(r.byOptionId, (counts = empty()));
    if (r.optionId === null) counts.base += r.count;
    else counts.options.set(r.optionId, (counts.options.get(r.optionId) ?? 0) + r.count);
  }
  return byQuestion.options.map((option) => toRow(question, byOption.get(option.id) ?? empty(), { byOption: option }));
}
