export type Cell = string | number | null | undefined;

function format(value: Cell): string {
  if (value === null || value === undefined) return '–';
  if (typeof value === 'number') {
    if (Number.isInteger(value)) return String(value);
    // Three significant digits below 10 (ratios such as 0.0213 keep their meaning), one decimal above.
    return Math.abs(value) < 10 ? String(Number(value.toPrecision(3))) : value.toFixed(1);
  }
  return value;
}

/** Prints rows as an aligned text table (columns from the first row's keys; numbers right-aligned). */
export function printTable(
  rows: Array<Record<string, Cell>>,
  out: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
): void {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]);
  const cells = rows.map((row) => columns.map((c) => format(row[c])));
  const numeric = columns.map((c) => rows.every((row) => typeof row[c] === 'number' || row[c] == null));
  const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((r) => r[i].length)));
  const line = (values: string[]) =>
    values
      .map((v, i) => (numeric[i] ? v.padStart(widths[i]) : v.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  out(line(columns));
  out(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of cells) out(line(r));
}
