'use client';

import { useEffect, useState } from 'react';
import type {} from 'altcha/types/react';
import type { Locale } from '@/lib/i18n/locales';
import { pollText } from '@/lib/i18n/poll-text';

/** The field the widget's payload is posted in (the server action reads it). */
export const CHALLENGE_FIELD = 'altcha';

/** What the poll form needs of the widget: its state, and solving on demand. */
interface AltchaElement extends HTMLElement {
  getState(): string;
  verify(): Promise<{ payload: string } | null>;
}

/**
 * Solves the form's proof-of-work challenge before it is sent, when the widget is on the page:
 * true once the widget's payload is in the form (or there is no widget to wait for).
 */
export async function solveChallenge(form: HTMLFormElement): Promise<boolean> {
  const widget = form.querySelector<AltchaElement>('altcha-widget');
  if (!widget || typeof widget.verify !== 'function') return true;
  if (widget.getState() === 'verified') return true;
  try {
    const result = await widget.verify();
    // The widget fills its hidden field itself, maybe a tick later: the form goes out at once.
    const field = form.elements.namedItem(CHALLENGE_FIELD);
    if (result?.payload && field instanceof HTMLInputElement) field.value = result.payload;
  } catch {
    // A browser that cannot solve it answers unchallenged: the API still takes the answer.
  }
  return true;
}

/**
 * The ALTCHA widget of an OPEN poll, fed the challenge the page was rendered with (no request of
 * its own). Its code is loaded after the page, so the poll's first JavaScript stays small; without
 * JavaScript the form is sent without it and the answer counts as unchallenged.
 */
export function ProofOfWork({ challenge, locale }: { challenge: string; locale: Locale }) {
  const [loaded, setLoaded] = useState(false);

  useEffect(() => {
    let live = true;
    import('@/lib/polls/altcha-widget')
      .then(() => live && setLoaded(true))
      .catch((error: unknown) => console.error('proof of work: the widget did not load', error));
    return () => {
      live = false;
    };
  }, []);

  return (
    <div className="proof-of-work" aria-label={pollText[locale].assurance.proofOfWork} role="group">
      {loaded && (
        <altcha-widget
          challenge={challenge}
          name={CHALLENGE_FIELD}
          language={locale}
          auto="onfocus"
          configuration={JSON.stringify({ hideFooter: true })}
        />
      )}
    </div>
  );
}
