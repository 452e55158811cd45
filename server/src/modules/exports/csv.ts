/**
 * CSV as RFC 4180 describes it (CRLF line ends; a field with a comma, quote, CR or LF is quoted and
 * its quotes doubled), written for spreadsheets: a UTF-8 byte order mark so Excel reads Persian as
 * UTF-8, and text that a spreadsheet would run as a formula neutralised (OWASP "CSV injection").
 */

export type Cell = string | number | null | undefined;

/** Excel needs it to read the file as UTF-8 rather than the system code page. */
export const UTF8_BOM = '\uFEFF';

/** A cell starting with one of these is run as a formula by Excel, LibreOffice or Google Sheets. */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One field. Text that would start a formula gets a leading apostrophe, which spreadsheets show as
 * text and do not display. Numbers are written as they are: they are ours, never user text, so a
 * negative number stays a number.
 */
export function csvField(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(cells: readonly Cell[]): string {
  return `${cells.map(csvField).join(',')}\r\n`;
}

/**
 * Encodes rows as they come, in chunks of about `chunkBytes`, so a consumer that stops reading stops
 * the producer (a Readable built from this pulls the next chunk only when its buffer has room).
 */
export async function* csvChunks(rows: AsyncIterable<readonly Cell[]>, chunkBytes = 64 * 1024): AsyncGenerator<Buffer> {
  let pending = UTF8_BOM;
  for await (const row of rows) {
    pending += csvRow(row);
    if (pending.length >= chunkBytes / 2) {
      yield Buffer.from(pending, 'utf8');
      pending = '';
    }
  }
  if (pending) yield Buffer.from(pending, 'utf8');
}
