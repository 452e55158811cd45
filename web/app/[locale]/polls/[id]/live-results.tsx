'use client';

import { useEffect, useState } from 'react';
import { PollResultsChart, type PollResultsFields } from '@/components/poll-results';
import { formatNumber } from '@/lib/format';
import type { Locale } from '@/lib/i18n/locales';
import { pollText } from '@/lib/i18n/poll-text';

interface LiveResultsProps {
  initial: PollResultsFields;
  locale: Locale;
  /** The server-sent events stream of this poll's results (./live/route.ts). */
  streamUrl: string;
}

/**
 * The results, kept current while the page is open. The first render is the server's (the page
 * reads the same without JavaScript); then an EventSource brings every update, relayed by the
 * web server from the API's pollResultsUpdated subscription.
 */
export function LiveResults({ initial, locale, streamUrl }: LiveResultsProps) {
  const t = pollText[locale].results;
  const [results, setResults] = useState(initial);
  const [live, setLive] = useState(false);

  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource(streamUrl);
    source.addEventListener('results', (event) => {
      setResults(JSON.parse((event as MessageEvent<string>).data) as PollResultsFields);
      setLive(true);
    });
    // The stream says "end" when it will send nothing more (the poll closed or went away).
    source.addEventListener('end', () => {
      source.close();
      setLive(false);
    });
    source.onerror = () => setLive(false);
    return () => source.close();
  }, [streamUrl]);

  return (
    <div className="live-results">
      <p className={live ? 'live-badge live-badge--on' : 'live-badge'} aria-hidden={!live}>
        {live ? t.live : ''}
      </p>
      {/* Announce the new total only, not the whole chart, and not more often than it changes. */}
      <p className="visually-hidden" aria-live="polite">
        {live ? t.updated(formatNumber(results.responseCount, locale)) : ''}
      </p>
      <PollResultsChart results={results} locale={locale} headingLevel="h3" />
    </div>
  );
}
