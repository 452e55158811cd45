import { NPS_RANGE, QuestionKind, RATING_RANGE } from '../poll.enums';
import { oneWayStatistics, type OneWayDisclosure } from '../poll-disclosure';
import { isSmallCount } from './cells';
import { cellCost, cellTerms, protect, type Statistic, sumTerms } from './suppression';

/**
 * Disclosure control of a breakdown of one question's answers (rows: districts, days, or the
 * options of another question; columns: the question's options or values), in two steps:
 *   1. rows: a row is shown only with `rowMinimum` answers (the poll's k for districts and
 *      options, 5 for days), and more rows are withheld until no withheld row's count follows from
 *      the question's answered count minus the rows shown ("hidden districts from public totals"),
 *      and until the withheld rows taken together, which do follow from it, hold no one or at least
 *      `rowMinimum` answers (see protectRows);
 *   2. cells: counts under 5 are withheld, with their complements, against the row counts, the
 *      column totals (the question's own published counts: a column's total is the option's count
 *      in the results, and a withheld one must stay withheld here too), the overall total, and
 *      for RATING/NPS the rows' means or scores and the question's own.
 * Step 1 depends on the row counts alone, so two breakdowns with the same row counts withhold the
 * same rows. Zeros (a row or a cell nobody is in) are shown: they describe no one's answer; a zero
 * may still be withheld as a complement. Inside the withheld rows a zero cell needs no complement
 * either: their union's split by option may follow from the question's counts, but the union holds
 * at least `rowMinimum` answers, so it describes a group of that size, as a shown row does.
 */

export interface BreakdownInput {
  kind: QuestionKind;
  rows: Array<{ base: number; counts: number[] }>;
  /** Fewest answers a row needs to be shown (a row of 0 is shown as such). */
  rowMinimum: number;
  /** Whether the row counts add up to the question's answered count (every answer is in exactly one row). */
  rowsPartitionAnswers: boolean;
  /** Whether each column adds up to the question's own count for that column (then its one-way figures bind it). */
  columnsAddUpToOneWay: boolean;
  /** The question's own counts per column and what of them is published. */
  oneWay: { counts: number[]; answered: number; disclosure: OneWayDisclosure };
}

export interface BreakdownDisclosure {
  rowHidden: boolean[];
  cellHidden: boolean[][];
  /** RATING/NPS rows: the row's mean or score withheld. */
  rowSummaryHidden: boolean[];
}

const valuesOf = (kind: QuestionKind) => {
  const range = kind === QuestionKind.RATING ? RATING_RANGE : NPS_RANGE;
  return Array.from({ length: range.max - range.min + 1 }, (_, i) => range.min + i);
};

/**
 * Step 1: which rows to withhold. `unionDerivable`: whether the withheld rows taken together follow
 * from what is published (their answers are the question's answered count, or its options' counts,
 * minus the shown rows'). Such a union is a group of its own: it must hold no one or at least
 * `rowMinimum` answers. Beside a withheld union of one, a withheld zero describes someone after all:
 * with the other rows and the question's counts shown, the union's split by option gives that
 * person's answer. So while the union holds from 1 to `rowMinimum` − 1 answers, the smallest shown
 * row that is not empty is withheld as well (then complements again), until it holds enough or
 * every row is withheld. This still depends on the row counts alone.
 */
export function protectRows(
  bases: number[],
  rowMinimum: number,
  partition: boolean,
  withheld: boolean,
  unionDerivable: boolean = partition,
): boolean[] {
  const stats: Statistic[] = bases.map((n, i) => ({
    terms: cellTerms(i),
    hidden: withheld || (n > 0 && n < rowMinimum),
    hideable: true,
    cost: cellCost(n),
  }));
  if (partition) stats.push({ terms: sumTerms(bases.map((_, i) => i)), hidden: false, hideable: false });
  for (;;) {
    const hidden = protect(bases, stats).slice(0, bases.length);
    if (!unionDerivable) return hidden;
    const union = bases.reduce((sum, n, i) => sum + (hidden[i] ? n : 0), 0);
    if (union === 0 || union >= rowMinimum) return hidden;
    const smallest = bases.reduce((best, n, i) => (!hidden[i] && n > 0 && (best < 0 || n < bases[best]) ? i : best), -1);
    if (smallest < 0) return hidden;
    // What protect withheld stays withheld: the next round only adds to it.
    hidden.forEach((h, i) => h && (stats[i].hidden = true));
    stats[smallest].hidden = true;
  }
}

export function protectBreakdown(input: BreakdownInput): BreakdownDisclosure {
  const { kind, rows, oneWay } = input;
  const rowHidden = protectRows(
    rows.map((r) => r.base),
    input.rowMinimum,
    input.rowsPartitionAnswers,
    oneWay.disclosure.withheld,
    // The withheld rows' answers by option are the question's counts minus the shown rows'.
    input.rowsPartitionAnswers || input.columnsAddUpToOneWay,
  );
  const width = oneWay.counts.length;
  const at = (r: number, c: number) => r * width + c;
  const values = rows.flatMap((r) => Array.from({ length: width }, (_, c) => r.counts[c] ?? 0));
  const stats: Statistic[] = values.map((n, i) => ({
    terms: cellTerms(i),
    hidden: rowHidden[Math.floor(i / width)] || isSmallCount(n),
    hideable: true,
    cost: cellCost(n),
  }));
  const allRows = rows.map((_, r) => r);
  const columnCells = (c: number) => allRows.map((r) => at(r, c));
  const sumKind = kind !== QuestionKind.MULTIPLE_CHOICE;
  // Row counts, as decided in step 1 (unhideable here).
  if (sumKind)
    rows.forEach((_, r) =>
      stats.push({ terms: sumTerms(Array.from({ length: width }, (_, c) => at(r, c))), hidden: rowHidden[r], hideable: false }),
    );
  // The question's own published figures, over every row: its counts, total, mean, NPS groups and score.
  if (input.columnsAddUpToOneWay) {
    const oneWayStats = oneWayStatistics(kind, oneWay.counts, oneWay.disclosure.withheld);
    const withheld = [...oneWay.disclosure.cells, ...(sumKind ? [false] : [])];
    if (oneWayStats.mean !== undefined) withheld.push(oneWay.disclosure.meanHidden, oneWay.disclosure.meanHidden);
    if (oneWayStats.groups)
      withheld.push(
        oneWay.disclosure.npsGroupsHidden,
        oneWay.disclosure.npsGroupsHidden,
        oneWay.disclosure.npsGroupsHidden,
        oneWay.disclosure.npsScoreHidden,
      );
    oneWayStats.stats.forEach((s, k) =>
      stats.push({
        terms: s.terms.flatMap(([c, a]) => columnCells(c).map((cell) => [cell, a] as const)),
        hidden: oneWay.disclosure.withheld || withheld[k],
        hideable: false,
      }),
    );
  }
  // RATING/NPS rows publish their mean or score: Σ value·count (or ±count) over the row.
  const summaries: number[] = [];
  const v = kind === QuestionKind.RATING || kind === QuestionKind.NPS ? valuesOf(kind) : [];
  const weight = (c: number) => (kind === QuestionKind.RATING ? v[c] : v[c] >= 9 ? 1 : v[c] <= 6 ? -1 : 0);
  if (kind === QuestionKind.RATING || kind === QuestionKind.NPS) {
    rows.forEach((_, r) =>
      summaries.push(
        stats.push({
          terms: Array.from({ length: width }, (_, c) => [at(r, c), weight(c)] as const),
          hidden: rowHidden[r],
          hideable: true,
        }) - 1,
      ),
    );
  }
  // Patterns for narrow tables (choice questions of a few options, ratings), and for NPS within
  // one group of values (detractors 0–6, passives, promoters: the values of one weight in the
  // score), which move a count without moving the row's score. Across all eleven values there
  // would be too many to try.
  const hidden = protect(
    values,
    stats,
    kind === QuestionKind.NPS
      ? (exposed) => complementPatterns(exposed, rows.length, width, weight)
      : width <= PATTERN_WIDTH
        ? (exposed) => complementPatterns(exposed, rows.length, width)
        : undefined,
  );
  return {
    rowHidden,
    cellHidden: rows.map((_, r) => Array.from({ length: width }, (_, c) => hidden[at(r, c)])),
    rowSummaryHidden: rows.map((_, r) => (summaries.length ? hidden[summaries[r]] : rowHidden[r])),
  };
}

/** The largest number of columns a complement pattern spans. */
const PATTERN_COLUMNS = 4;
/** The widest table `protectBreakdown` tries patterns on. */
const PATTERN_WIDTH = 6;

/**
 * The usual complements of a withheld cell (the statistic index of a cell is its index, row by
 * row): the same 2 to 4 columns, its own among them, in its row and in one other row. Two columns
 * protect a cell against the row and column totals; a third keeps a row's mean as well (three
 * values with the same count and the same sum), a fourth also a mean's interval. With `group`,
 * only columns of the cell's own group (values that count alike in the row's summary).
 */
export function complementPatterns(exposed: number, rowCount: number, width: number, group?: (column: number) => number): number[][] {
  if (exposed >= rowCount * width) return [];
  const row = Math.floor(exposed / width);
  const column = exposed % width;
  const others = Array.from({ length: width }, (_, c) => c).filter((c) => c !== column && (!group || group(c) === group(column)));
  const columnSets: number[][] = [];
  const extend = (from: number, set: number[]) => {
    if (set.length > 0) columnSets.push([column, ...set]);
    if (set.length + 1 >= PATTERN_COLUMNS) return;
    for (let k = from; k < others.length; k++) extend(k + 1, [...set, others[k]]);
  };
  extend(0, []);
  const patterns: number[][] = [];
  for (let partner = 0; partner < rowCount; partner++) {
    if (partner === row) continue;
    for (const columns of columnSets) patterns.push(columns.flatMap((c) => [row * width + c, partner * width + c]));
  }
  return patterns;
}
