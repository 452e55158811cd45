'use client';

import { useEffect, useRef, useState } from 'react';

interface CsvExportProps {
  /** The web's own export route (it adds the staff token). */
  href: string;
  filename: string;
  label: string;
  /** Rows the file should have (the poll's responses), for a progress bar; null when unknown. */
  expectedRows: number | null;
  locale: string;
  text: {
    downloading: string;
    /** "{rows}" and "{size}" are filled in. */
    received: string;
    done: string;
    save: string;
    failed: string;
    expired: string;
    signIn: string;
    signInHref: string;
    cancel: string;
  };
}

type State =
  | { phase: 'idle' }
  | { phase: 'loading'; bytes: number; rows: number }
  | { phase: 'done'; bytes: number; rows: number; url: string }
  | { phase: 'failed'; expired: boolean };

const CR_LF = 10; // "\n": the export ends every row with CRLF

/**
 * Downloads a CSV export while showing how much has arrived: the file is streamed by the API (a
 * large poll takes a while), so the page reads the stream itself, counts bytes and rows, and then
 * offers the file. Without JavaScript the link downloads the file directly.
 */
export function CsvExport({ href, filename, label, expectedRows, locale, text }: CsvExportProps) {
  const [state, setState] = useState<State>({ phase: 'idle' });
  const abort = useRef<AbortController | null>(null);
  const saveLink = useRef<HTMLAnchorElement>(null);
  const offerOnce = useRef(false);

  // Offer the file as soon as it is complete; the link stays for saving it again.
  useEffect(() => {
    if (state.phase === 'done' && offerOnce.current) {
      offerOnce.current = false;
      saveLink.current?.click();
    }
  }, [state]);
  const fill = (template: string, rows: number, bytes: number) =>
    template.replace('{rows}', number.format(rows)).replace('{size}', size(bytes));
  const number = new Intl.NumberFormat(locale === 'fa' ? 'fa-IR' : 'en-GB');
  const size = (bytes: number) =>
    bytes < 1024 * 1024
      ? `${number.format(Math.ceil(bytes / 1024))} KB`
      : `${new Intl.NumberFormat(locale === 'fa' ? 'fa-IR' : 'en-GB', { maximumFractionDigits: 1 }).format(bytes / 1024 / 1024)} MB`;

  async function start(event: React.MouseEvent<HTMLAnchorElement>) {
    event.preventDefault();
    if (state.phase === 'loading') return;
    if (state.phase === 'done') URL.revokeObjectURL(state.url);
    const controller = new AbortController();
    abort.current = controller;
    setState({ phase: 'loading', bytes: 0, rows: 0 });
    try {
      const response = await fetch(href, { signal: controller.signal, cache: 'no-store' });
      if (response.status === 401) {
        setState({ phase: 'failed', expired: true });
        return;
      }
      if (!response.ok || !response.body) throw new Error(`export answered ${response.status}`);
      const reader = response.body.getReader();
      const chunks: Uint8Array<ArrayBuffer>[] = [];
      let bytes = 0;
      let lines = 0;
      let lastPaint = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value as Uint8Array<ArrayBuffer>);
        bytes += value.byteLength;
        for (let i = 0; i < value.length; i++) if (value[i] === CR_LF) lines++;
        const now = performance.now();
        if (now - lastPaint > 100) {
          lastPaint = now;
          setState({ phase: 'loading', bytes, rows: Math.max(0, lines - 1) });
        }
      }
      const url = URL.createObjectURL(new Blob(chunks, { type: 'text/csv;charset=utf-8' }));
      offerOnce.current = true;
      setState({ phase: 'done', bytes, rows: Math.max(0, lines - 1), url });
    } catch (error) {
      if ((error as Error).name === 'AbortError') setState({ phase: 'idle' });
      else setState({ phase: 'failed', expired: false });
    } finally {
      abort.current = null;
    }
  }

  return (
    <div className="staff-progress">
      <div className="staff-actions">
        <a
          className="staff-button staff-button--quiet"
          href={href}
          download={filename}
          onClick={start}
          aria-disabled={state.phase === 'loading' || undefined}
        >
          {label}
        </a>
        {state.phase === 'loading' && (
          <button type="button" className="staff-button staff-button--danger staff-button--small" onClick={() => abort.current?.abort()}>
            {text.cancel}
          </button>
        )}
      </div>
      <div aria-live="polite">
        {state.phase === 'loading' && (
          <>
            <progress
              max={expectedRows && expectedRows > 0 ? expectedRows : undefined}
              value={expectedRows && expectedRows > 0 ? Math.min(state.rows, expectedRows) : undefined}
              aria-label={text.downloading}
            />
            <p className="staff-small" data-export-progress>
              {fill(text.received, state.rows, state.bytes)}
            </p>
          </>
        )}
        {state.phase === 'done' && (
          <p className="staff-small" data-export-done>
            {fill(text.done, state.rows, state.bytes)}{' '}
            <a ref={saveLink} href={state.url} download={filename}>
              {text.save}
            </a>
          </p>
        )}
        {state.phase === 'failed' && (
          <p className="staff-small" role="alert">
            {state.expired ? (
              <>
                {text.expired} <a href={text.signInHref}>{text.signIn}</a>
              </>
            ) : (
              text.failed
            )}
          </p>
        )}
      </div>
    </div>
  );
}
