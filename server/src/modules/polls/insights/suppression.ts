/**
 * Complementary cell suppression, as a pure function over one table.
 *
 * A table is a vector of non-negative integer counts (its cells) and a list of statistics that
 * could be published about it: the cells themselves, margins (row, column and overall totals),
 * sums that another breakdown publishes (an option's total is also the sum of its column in a
 * district crosstab), means (Σ value·count). Some statistics are withheld from the start (primary
 * suppression: counts under 5, rows under the poll's minimum). Publishing the others must not pin
 * a withheld one down: a reader knowing every published statistic, that counts are non-negative
 * integers, and nothing else, must be able to think of another table in which the withheld one
 * has a different value. (A withheld cell of 0 is exempt: a zero describes no one, and is shown
 * where it is not withheld with its row. That holds only when the cells withheld together do not
 * add up to a known group of one to k − 1 people: beside such a group a zero gives the others'
 * answers away. Breakdowns see to it before cells are protected: the union of their withheld rows
 * holds no one or at least k answers, protectRows in breakdown-disclosure.ts.)
 *
 * `protect` withholds more statistics (cheapest first: small cells before totals) until that is
 * true. It proves it for each withheld statistic with a witness: an integer change `d` of the
 * withheld cells that leaves every published statistic unchanged, keeps every count non-negative
 * (x + d ≥ 0 or x − d ≥ 0) and changes the withheld statistic. The witnesses are taken from a basis
 * of the published statistics' null space and the sums and differences of two of its vectors, so the
 * proof is sufficient, not necessary: it may withhold more than a perfect optimiser would, never less.
 */

export interface Statistic {
  /** Coefficients over the table's cells: a cell is [[i, 1]], a total [[i, 1], [j, 1], …]. */
  terms: ReadonlyArray<readonly [cell: number, coefficient: number]>;
  /** Withheld from the start. */
  hidden: boolean;
  /** Whether protect may withhold it to protect another (false: it is published, or withheld, whatever happens). */
  hideable: boolean;
  /** What withholding it costs: protect withholds the cheapest candidate first. Defaults to 1e6 (a total). */
  cost?: number;
  /** Statistics published or withheld together (a mean and its interval): the same group key. */
  group?: string;
}

const EPS = 1e-9;
/** The cheapest patterns `protect` tries for one exposed statistic before it falls back to one at a time. */
const PATTERNS_TRIED = 60;
/** Witness checks `protect` spends on patterns in all (each a null space): past it, one at a time only. */
const PATTERN_CHECKS = 300;

/** A cell statistic: [[cell, 1]]. */
export const cellTerms = (cell: number): Statistic['terms'] => [[cell, 1]];

/** A plain sum of cells. */
export const sumTerms = (cells: number[]): Statistic['terms'] => cells.map((c) => [c, 1] as const);

function isCell(s: Statistic): number | null {
  return s.terms.length === 1 && s.terms[0][1] === 1 ? s.terms[0][0] : null;
}

/**
 * A basis of { d : P·d = 0 } over the free cells (cells no published cell statistic fixes), each
 * vector scaled to integers; vectors that do not scale to small integers are left out (the proof
 * is then only weaker). `rows` are the published non-cell statistics restricted to the free cells.
 */
function nullSpace(rows: number[][], width: number): number[][] {
  const m = rows.map((r) => r.slice());
  const pivots: number[] = [];
  let rank = 0;
  for (let col = 0; col < width && rank < m.length; col++) {
    let best = rank;
    for (let r = rank + 1; r < m.length; r++) if (Math.abs(m[r][col]) > Math.abs(m[best][col])) best = r;
    if (Math.abs(m[best][col]) < EPS) continue;
    [m[rank], m[best]] = [m[best], m[rank]];
    const p = m[rank][col];
    for (let c = col; c < width; c++) m[rank][c] /= p;
    for (let r = 0; r < m.length; r++) {
      if (r === rank || Math.abs(m[r][col]) < EPS) continue;
      const f = m[r][col];
      for (let c = col; c < width; c++) m[r][c] -= f * m[rank][c];
    }
    pivots.push(col);
    rank++;
  }
  const pivotSet = new Set(pivots);
  const basis: number[][] = [];
  for (let free = 0; free < width; free++) {
    if (pivotSet.has(free)) continue;
    const d = new Array<number>(width).fill(0);
    d[free] = 1;
    pivots.forEach((col, r) => (d[col] = -m[r][free]));
    const scaled = toIntegers(d);
    if (scaled) basis.push(scaled);
  }
  return basis;
}

function toIntegers(d: number[]): number[] | null {
  for (let k = 1; k <= 60; k++) {
    if (d.every((v) => Math.abs(v * k - Math.round(v * k)) < 1e-6)) return d.map((v) => Math.round(v * k));
  }
  return null;
}

/**
 * Which statistics to withhold: `hidden` from the start plus what protects them. `values` are the
 * cells' true counts. Returns one flag per statistic.
 */
export function protect(values: readonly number[], stats: readonly Statistic[], patterns?: (exposed: number) => number[][]): boolean[] {
  const hidden = stats.map((s) => s.hidden);
  const groups = new Map<string, number[]>();
  stats.forEach((s, i) => s.group !== undefined && groups.set(s.group, [...(groups.get(s.group) ?? []), i]));
  const hide = (i: number) => {
    for (const j of stats[i].group !== undefined ? groups.get(stats[i].group!)! : [i]) hidden[j] = true;
  };
  for (let i = 0; i < stats.length; i++) if (hidden[i]) hide(i);
  const given = new Set<number>(); // withheld statistics only unhideable ones pin down: nothing left to withhold for them
  let patternChecks = 0;

  /** For the statistics withheld in `flags`: whether a witness shows each one could be otherwise. */
  const checker = (flags: readonly boolean[]) => {
    // Cells a published cell statistic fixes are known; the rest are free.
    const known = new Set<number>();
    stats.forEach((s, i) => {
      const c = isCell(s);
      if (!flags[i] && c !== null) known.add(c);
    });
    const free: number[] = [];
    for (let c = 0; c < values.length; c++) if (!known.has(c)) free.push(c);
    const column = new Map(free.map((c, k) => [c, k]));
    const restrict = (s: Statistic) => {
      const row = new Array<number>(free.length).fill(0);
      for (const [c, a] of s.terms) if (column.has(c)) row[column.get(c)!] += a;
      return row;
    };
    const published = stats
      .flatMap((s, i) => (!flags[i] && isCell(s) === null ? [restrict(s)] : []))
      .filter((r) => r.some((v) => Math.abs(v) > EPS));
    const basis = nullSpace(published, free.length);
    const x = free.map((c) => values[c]);
    const works = (f: number[], d: number[]) => {
      let change = 0;
      for (let k = 0; k < d.length; k++) change += f[k] * d[k];
      if (Math.abs(change) < EPS) return false;
      return x.every((v, k) => v + d[k] >= 0) || x.every((v, k) => v - d[k] >= 0);
    };
    // Basis vectors, then sums and differences of two: a witness often needs a cycle through cells
    // that no single basis vector (fixed by the elimination's pivots) goes around in the right direction.
    const witnessed = (s: Statistic) => {
      const f = restrict(s);
      if (basis.some((d) => works(f, d))) return true;
      for (let i = 0; i < basis.length; i++) {
        for (let j = i + 1; j < basis.length; j++) {
          if (
            works(
              f,
              basis[i].map((v, k) => v + basis[j][k]),
            ) ||
            works(
              f,
              basis[i].map((v, k) => v - basis[j][k]),
            )
          )
            return true;
        }
      }
      return false;
    };
    return witnessed;
  };

  for (;;) {
    const witnessed = checker(hidden);
    // A withheld zero cell need not be protected: a zero describes no one (zeros are shown anyway).
    const exposed = stats.findIndex(
      (s, i) => hidden[i] && !given.has(i) && !(isCell(s) !== null && values[isCell(s)!] === 0) && !witnessed(s),
    );
    if (exposed < 0) return hidden;

    // The caller's patterns first (for a table: the same few columns in two rows), cheapest first:
    // the first that protects the exposed statistic by itself is withheld whole. Withholding one
    // statistic at a time, cheapest first, as below, spreads over cells that protect nothing.
    if (patterns && patternChecks < PATTERN_CHECKS) {
      const costOf = (set: number[]) => set.reduce((sum, i) => sum + (hidden[i] ? 0 : (stats[i].cost ?? 1e6)), 0);
      const options = patterns(exposed)
        .filter((set) => set.every((i) => hidden[i] || stats[i].hideable))
        .map((set) => ({ set, cost: costOf(set) }))
        .sort((x, y) => x.cost - y.cost);
      const fits = options.slice(0, PATTERNS_TRIED).find(({ set }) => {
        if (++patternChecks > PATTERN_CHECKS) return false;
        const trial = hidden.slice();
        for (const i of set) trial[i] = true;
        return checker(trial)(stats[exposed]);
      });
      if (fits) {
        for (const i of fits.set) hide(i);
        continue;
      }
    }

    // Withhold the cheapest published statistic near the exposed one: the cells of every published
    // statistic that shares a cell with it, and those statistics themselves.
    const near = new Set(stats[exposed].terms.map(([c]) => c));
    const touching = stats.filter((s, i) => !hidden[i] && s.terms.some(([c]) => near.has(c)));
    const nearCells = new Set(touching.flatMap((s) => s.terms.map(([c]) => c)));
    // A cell inside a published total of 0 is 0 whether shown or not: withholding it protects nothing.
    const fixedAtZero = (s: Statistic) => {
      const c = isCell(s);
      return (
        c !== null &&
        stats.some(
          (t, k) =>
            !hidden[k] &&
            t.terms.length > 1 &&
            t.terms.every(([, a]) => a > 0) &&
            t.terms.some(([u]) => u === c) &&
            t.terms.every(([u]) => values[u] === 0),
        )
      );
    };
    const candidates = (wide: boolean) =>
      stats
        .map((s, i) => ({ s, i }))
        .filter(
          ({ s, i }) =>
            !hidden[i] &&
            s.hideable &&
            !fixedAtZero(s) &&
            (wide || touching.includes(s) || (isCell(s) !== null && nearCells.has(isCell(s)!))),
        );
    const pick = [...candidates(false), ...(candidates(false).length ? [] : candidates(true))].sort(
      (a, b) => (a.s.cost ?? 1e6) - (b.s.cost ?? 1e6) || a.i - b.i,
    )[0];
    if (pick) hide(pick.i);
    else given.add(exposed);
  }
}

/** Cost of withholding a cell: small counts first (the next smallest is the usual complement). */
export const cellCost = (count: number) => count + 1;
