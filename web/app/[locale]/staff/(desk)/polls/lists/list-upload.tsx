'use client';

import { useState, type FormEvent } from 'react';
import type { Locale } from '@/lib/i18n/locales';
import { staffFormat } from '@/lib/staff/format';
import { participationText } from '@/lib/staff/participation-text';
import { addListChunk, createListChunk, type BadRow, type ChunkResult } from './list-actions';

/** The API takes at most this many lines a call. */
const CHUNK_LINES = 5_000;
/** A city's register, not more: a bigger file is a mistake (or a wrong file). */
const MAX_LINES = 2_000_000;

interface ListUploadProps {
  locale: Locale;
}

type Status =
  | { kind: 'idle' }
  | { kind: 'sending'; done: number; total: number }
  | { kind: 'done'; name: string; added: number }
  | { kind: 'refused'; rows: BadRow[]; message: string };

/**
 * Makes an eligibility list from a CSV or text file: the file is read in the browser (never
 * uploaded whole), its first column taken, and sent in chunks of 5,000 lines — the first chunk
 * creates the list, the others add to it. Bad lines are shown by their line in the file.
 */
export function ListUpload({ locale }: ListUploadProps) {
  const t = participationText[locale];
  const format = (n: number) => staffFormat(locale).number(n);
  // The API's own (English) words are shown on English pages only.
  const english = locale === 'en';
  const [status, setStatus] = useState<Status>({ kind: 'idle' });

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (status.kind === 'sending') return;
    const form = new FormData(event.currentTarget);
    const name = String(form.get('name') ?? '').trim();
    const kind = String(form.get('kind') ?? 'NATIONAL_CODE');
    const file = form.get('file');
    if (!(file instanceof File)) return;
    // Line numbers stay those of the file: blank lines are sent (the API skips them).
    const lines = (await file.text())
      .replace(/^\uFEFF/, '')
      .split(/\r\n|\r|\n/)
      .map((line) =>
        line
          .split(/[,;\t]/)[0]
          .replace(/^"|"$/g, '')
          .trim(),
      );
    while (lines.length && !lines[lines.length - 1]) lines.pop();
    if (!lines.some(Boolean)) return setStatus({ kind: 'refused', rows: [], message: t.empty });
    if (lines.length > MAX_LINES) return setStatus({ kind: 'refused', rows: [], message: t.tooManyLines });

    let listId: string | null = null;
    let added = 0;
    for (let start = 0; start < lines.length; start += CHUNK_LINES) {
      setStatus({ kind: 'sending', done: start, total: lines.length });
      const chunk = lines.slice(start, start + CHUNK_LINES).join('\n');
      const result: ChunkResult | null = await (listId ? addListChunk(listId, chunk) : createListChunk(name, kind, chunk)).catch(
        () => null,
      );
      if (!result) return setStatus({ kind: 'refused', rows: [], message: t.failed });
      if (!result.ok) {
        // The API numbers lines within the chunk it was sent.
        return setStatus({ kind: 'refused', rows: result.rows.map((r) => ({ ...r, line: r.line + start })), message: result.message });
      }
      listId = result.listId;
      added += result.added;
    }
    setStatus({ kind: 'done', name, added });
  }

  return (
    <form className="staff-form staff-panel" onSubmit={onSubmit} aria-labelledby="new-list-title">
      <h2 id="new-list-title">{t.newList}</h2>
      <div className="staff-fields">
        <div className="staff-field">
          <label htmlFor="list-name">{t.listName}</label>
          <input id="list-name" name="name" required maxLength={200} />
        </div>
        <div className="staff-field">
          <label htmlFor="list-kind">{t.kind}</label>
          <select id="list-kind" name="kind" defaultValue="NATIONAL_CODE">
            <option value="NATIONAL_CODE">{t.kinds.NATIONAL_CODE}</option>
            <option value="MEMBER_NUMBER">{t.kinds.MEMBER_NUMBER}</option>
          </select>
        </div>
        <div className="staff-field">
          <label htmlFor="list-file">{t.file}</label>
          <input id="list-file" name="file" type="file" accept=".csv,.txt,text/csv,text/plain" required aria-describedby="list-file-hint" />
          <span className="staff-field__hint" id="list-file-hint">
            {t.fileHint}
          </span>
        </div>
      </div>
      <p>
        <button className="staff-button" type="submit" aria-disabled={status.kind === 'sending'}>
          {t.create}
        </button>
      </p>
      <div role="status" aria-live="polite">
        {status.kind === 'sending' && <p>{t.uploading(format(status.done), format(status.total))}</p>}
        {status.kind === 'done' && <p className="notice notice--success">{t.created(status.name, format(status.added))}</p>}
      </div>
      {status.kind === 'refused' && (
        <div className="notice notice--warning" role="alert">
          {status.rows.length ? (
            <>
              <p>{t.badRows}</p>
              <ul className="staff-bad-rows">
                {status.rows.slice(0, 200).map((row) => (
                  <li key={row.line}>{`${t.line(format(row.line))}: ${english ? row.message : t.invalidIdentifier}`}</li>
                ))}
              </ul>
            </>
          ) : (
            <p>{english || status.message === t.empty || status.message === t.tooManyLines ? status.message : t.failed}</p>
          )}
        </div>
      )}
    </form>
  );
}
