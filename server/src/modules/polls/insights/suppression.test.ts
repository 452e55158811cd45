import { complementPatterns, protectRows } from './breakdown-disclosure';
import { cellCost, cellTerms, protect, type Statistic, sumTerms } from './suppression';

/** mulberry32: a failure can be replayed from its seed. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let r = Math.imul(a ^ (a >>> 15), 1 | a);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

const value = (s: Statistic, x: readonly number[]) => s.terms.reduce((sum, [c, a]) => sum + a * x[c], 0);

/**
 * Every non-negative integer table that agrees with what is published (the shown statistics), found
 * by backtracking over the hidden cells; null when the search grows past `limit` nodes.
 */
function consistentTables(
  x: readonly number[],
  stats: readonly Statistic[],
  hidden: readonly boolean[],
  limit = 30_000,
): number[][] | null {
  const shown = stats.filter((_, i) => !hidden[i]);
  const known = new Set(shown.flatMap((s) => (s.terms.length === 1 ? [s.terms[0][0]] : [])));
  const unknown = x.map((_, c) => c).filter((c) => !known.has(c));
  const target = new Map(shown.map((s) => [s, value(s, x)]));
  // A cell is at most the smallest published total (of positive coefficients) it is part of.
  const bound = (c: number) =>
    Math.min(...shown.filter((s) => s.terms.some(([t]) => t === c) && s.terms.every(([, a]) => a >= 1)).map((s) => target.get(s)!));
  // Assigning a cell can only break the statistics it is part of: those are the ones to check.
  const touching = new Map(unknown.map((c) => [c, shown.filter((s) => s.terms.some(([t]) => t === c))]));
  const tops = new Map(unknown.map((c) => [c, bound(c)]));
  const found: number[][] = [];
  const y = x.map((v, c) => (known.has(c) ? v : 0));
  let nodes = 0;
  const assigned = new Set(known);
  // A complete statistic must come out exactly; a partial one with only positive coefficients must not be passed yet.
  const ok = (c: number) =>
    touching.get(c)!.every((s) => {
      const v = value(s, y);
      if (s.terms.every(([t]) => assigned.has(t))) return v === target.get(s);
      return s.terms.some(([, a]) => a < 0) || v <= target.get(s)!;
    });
  const walk = (k: number): boolean => {
    if (++nodes > limit) return false;
    if (k === unknown.length) {
      found.push(y.slice());
      return true;
    }
    const c = unknown[k];
    assigned.add(c);
    for (let v = 0, top = tops.get(c)!; v <= top; v++) {
      y[c] = v;
      if (ok(c) && !walk(k + 1)) return false;
    }
    y[c] = 0;
    assigned.delete(c);
    return true;
  };
  return walk(0) ? found : null;
}

/** Columns' weights in an NPS-like score: −1, −1, 0, +1 (a detractor pair, a passive, a promoter). */
const scoreWeight = (c: number) => [-1, -1, 0, 1][c % 4];

/**
 * A rows × columns table with its row, column and grand totals. Column totals and the grand total
 * are another table's cells (a question's one-way results), protected there first: unhideable
 * here, withheld as that table withheld them. With `rowMinimum`, rows are withheld first as a
 * breakdown's are (protectRows: under the minimum, with complements), and with them their cells.
 */
function crosstab(rows: number[][], { rowMeans = false, rowScores = false, rowMinimum = 0 } = {}) {
  const values = rows.flat();
  const width = rows[0].length;
  const at = (r: number, c: number) => r * width + c;
  const bases = rows.map((row) => row.reduce((s, v) => s + v, 0));
  const rowHidden = rowMinimum
    ? protectRows(bases, rowMinimum, true, bases.reduce((s, n) => s + n, 0) < rowMinimum)
    : rows.map(() => false);
  const stats: Statistic[] = values.map((v, i) => ({
    terms: cellTerms(i),
    hidden: rowHidden[Math.floor(i / width)] || (v > 0 && v < 5),
    hideable: true,
    cost: cellCost(v),
  }));
  const rowStats = rows.map(
    (_, r) => stats.push({ terms: sumTerms(rows[r].map((_, c) => at(r, c))), hidden: rowHidden[r], hideable: !rowMinimum }) - 1,
  );
  const totals = rows[0].map((_, c) => rows.reduce((s, row) => s + row[c], 0));
  const oneWay = protect(totals, [
    ...totals.map((v, c) => ({ terms: cellTerms(c), hidden: v > 0 && v < 5, hideable: true, cost: cellCost(v) })),
    { terms: sumTerms(totals.map((_, c) => c)), hidden: false, hideable: false },
  ]);
  const columnStats = rows[0].map(
    (_, c) => stats.push({ terms: sumTerms(rows.map((_, r) => at(r, c))), hidden: oneWay[c], hideable: false }) - 1,
  );
  stats.push({ terms: sumTerms(values.map((_, i) => i)), hidden: false, hideable: false });
  // A rating's rows publish their means: Σ value·count over the row (values 1, 2, 3 …).
  if (rowMeans)
    rows.forEach((row, r) => stats.push({ terms: row.map((_, c) => [at(r, c), c + 1] as const), hidden: false, hideable: true }));
  // An NPS row publishes its score: promoters − detractors, each value weighing −1, 0 or +1.
  if (rowScores)
    rows.forEach((row, r) => stats.push({ terms: row.map((_, c) => [at(r, c), scoreWeight(c)] as const), hidden: false, hideable: true }));
  return { values, stats, rowStats, columnStats, at, rowHidden };
}

describe('complementary suppression', () => {
  it('hides a complement so a small cell cannot be recovered as total − shown cells (25 − 10 − 12 = 3)', () => {
    const values = [10, 12, 3];
    const stats: Statistic[] = [
      ...values.map((v, i) => ({ terms: cellTerms(i), hidden: v < 5, hideable: true, cost: cellCost(v) })),
      { terms: sumTerms([0, 1, 2]), hidden: false, hideable: false },
    ];
    const hidden = protect(values, stats);
    expect(hidden.slice(0, 3)).toEqual([true, false, true]); // the 10, the smaller of the others, goes with the 3
    const tables = consistentTables(values, stats, hidden)!;
    expect(new Set(tables.map((t) => t[2])).size).toBeGreaterThan(1);
  });

  it('needs no complement for a withheld zero: a zero describes no one', () => {
    const values = [20, 0, 0];
    const stats: Statistic[] = [
      ...values.map((v, i) => ({ terms: cellTerms(i), hidden: v < 5, hideable: true, cost: cellCost(v) })),
      { terms: sumTerms([0, 1, 2]), hidden: false, hideable: false },
    ];
    expect(protect(values, stats).slice(0, 3)).toEqual([false, true, true]);
  });

  it('a published mean is a constraint too: it is withheld when it would pin the hidden counts', () => {
    // Ratings 1–5: [0, 0, 0, 2, 12], mean and the second moment (its interval) published unless withheld.
    const values = [0, 0, 0, 2, 12];
    const stats: Statistic[] = [
      ...values.map((v, i) => ({ terms: cellTerms(i), hidden: v < 5, hideable: true, cost: cellCost(v) })),
      { terms: sumTerms([0, 1, 2, 3, 4]), hidden: false, hideable: false },
      { terms: values.map((_, i) => [i, i + 1] as const), hidden: false, hideable: true, group: 'mean' },
      { terms: values.map((_, i) => [i, (i + 1) ** 2] as const), hidden: false, hideable: true, group: 'mean' },
    ];
    const hidden = protect(values, stats);
    const tables = consistentTables(values, stats, hidden, 3_000_000)!;
    expect(hidden[6]).toBe(true); // 2 fours and 12 fives: the mean would pin the hidden counts
    stats.forEach((s, i) => hidden[i] && expect(new Set(tables.map((t) => value(s, t))).size).toBeGreaterThan(1));
  });

  // Without and with the complement patterns a breakdown tries first (two rows, the same columns),
  // and with rows that publish a rating's mean too.
  it.each([
    ['one statistic at a time', false, 'none', 80],
    ['complement patterns first', true, 'none', 80],
    ["complement patterns first, with each row's mean published", true, 'means', 12],
    ["complement patterns within a score's groups, with each row's score published", true, 'scores', 12],
    ['complement patterns first, rows under a minimum withheld first (as a breakdown withholds them)', true, 'minimum', 80],
  ])(
    'on random tables no hidden cell or total is pinned down by what is shown (brute force over every consistent table): %s',
    (_, withPatterns, summary, wanted) => {
      const rowMeans = summary === 'means';
      const rowScores = summary === 'scores';
      const withMinimum = summary === 'minimum';
      const next = random(20251210);
      let checked = 0;
      for (let trial = 0; trial < 300 && checked < wanted; trial++) {
        const rowCount = 2 + Math.floor(next() * 3);
        const columnCount = 2 + Math.floor(next() * 3);
        // With a row minimum, some rows are small (a district where one or two answered).
        const top = () => (withMinimum && next() < 0.4 ? 2 : 12);
        const rows = Array.from({ length: rowCount }, () => {
          const most = top();
          return Array.from({ length: columnCount }, () => Math.floor(next() ** 2 * most));
        });
        const rowMinimum = withMinimum ? 5 + Math.floor(next() * 6) : 0;
        const { values, stats, rowStats, columnStats, at, rowHidden } = crosstab(rows, { rowMeans, rowScores, rowMinimum });
        const patterns = (exposed: number) => complementPatterns(exposed, rowCount, columnCount, rowScores ? scoreWeight : undefined);
        const hidden = protect(values, stats, withPatterns ? patterns : undefined);
        const tables = consistentTables(values, stats, hidden);
        if (!tables) continue; // too many to enumerate: another table
        checked++;
        expect(tables).toContainEqual(values);
        // A count inside a published total of 0 (a column nobody is in, shown by the results) is 0 whatever is withheld: not a disclosure.
        const inZeroTotal = (s: Statistic) =>
          stats.some(
            (t, k) => !hidden[k] && !t.hideable && value(t, values) === 0 && s.terms.every(([c]) => t.terms.some(([u]) => u === c)),
          );
        const zeroCell = (s: Statistic) => s.terms.length === 1 && values[s.terms[0][0]] === 0;
        const pinned = stats.flatMap((s, i) =>
          hidden[i] && !inZeroTotal(s) && !zeroCell(s) && new Set(tables.map((t) => value(s, t))).size < 2 ? [i] : [],
        );
        expect({ rows, hidden: hidden.map(Number).join(''), pinned }).toEqual({ rows, hidden: hidden.map(Number).join(''), pinned: [] });
        // The simple rule follows: a row or column with a hidden cell has another one, or its total is hidden.
        // (A withheld zero needs no partner: it describes no one.)
        for (let r = 0; r < rowCount; r++) {
          const inRow = rows[r].map((_, c) => at(r, c)).filter((i) => hidden[i]);
          if (inRow.length === 1 && values[inRow[0]] > 0) expect(hidden[rowStats[r]]).toBe(true);
        }
        for (let c = 0; c < columnCount; c++) {
          const inColumn = rows.map((_, r) => at(r, c)).filter((i) => hidden[i]);
          expect(inColumn.length === 1 && values[inColumn[0]] > 0 && !hidden[columnStats[c]]).toBe(false);
        }
        // Nothing from 1 to 4 is shown.
        values.forEach((v, i) => v > 0 && v < 5 && expect(hidden[i]).toBe(true));
        if (withMinimum) {
          // No shown row is under the minimum, and the withheld rows taken together (the grand total
          // minus the shown rows, the same in every consistent table) hold no one or at least k, or
          // are every row (a question under k answers, whose results are withheld whole).
          const size = (r: number) => rows[r].reduce((s, v) => s + v, 0);
          rows.forEach((_, r) => size(r) > 0 && size(r) < rowMinimum && expect(rowHidden[r]).toBe(true));
          const union = (t: number[]) => rows.reduce((s, _, r) => s + (rowHidden[r] ? value(stats[rowStats[r]], t) : 0), 0);
          expect(new Set(tables.map(union)).size).toBe(1);
          const held = union(values);
          expect({ rows, rowMinimum, held, ok: held === 0 || held >= rowMinimum || rowHidden.every(Boolean) }).toEqual({
            rows,
            rowMinimum,
            held,
            ok: true,
          });
        }
      }
      expect(checked).toBe(wanted);
    },
  );

  it("withholds a few complements, not the table: the demo survey's cleanliness rating by district", () => {
    // Ratings 1–5 by the demo's eight districts: three counts under 5, all in the first column.
    const rows = [
      [1, 15, 54, 63, 62],
      [2, 13, 70, 72, 32],
      [3, 34, 53, 55, 22],
      [24, 62, 85, 58, 14],
      [7, 36, 51, 33, 9],
      [10, 34, 49, 45, 10],
      [10, 40, 32, 39, 8],
      [16, 31, 48, 19, 6],
    ];
    const { values, stats } = crosstab(rows, { rowMeans: true });
    const alone = protect(values, stats);
    const patterned = protect(values, stats, (exposed) => complementPatterns(exposed, rows.length, 5));
    const cellsHidden = (hidden: boolean[]) => hidden.slice(0, values.length).filter(Boolean).length;
    expect(cellsHidden(alone)).toBeGreaterThan(30); // one at a time, cheapest first: nearly every cell
    expect(cellsHidden(patterned)).toBeLessThanOrEqual(12);
    // Every row's mean stays published.
    expect(stats.flatMap((s, i) => (s.terms.length === 5 && s.terms[0][1] === 1 && s.terms[1][1] === 2 ? [patterned[i]] : []))).toEqual(
      rows.map(() => false),
    );
  });
});
