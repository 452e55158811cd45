'use client';

import { useActionState, useEffect, useRef, useState } from 'react';
import { RecoveryCodes } from '@/components/staff/recovery-codes';
import type { EnrolState } from '@/lib/staff/security-actions';
import { SubmitRow } from '@/components/staff/buttons';

interface EnrolFormProps {
  enrol: (state: EnrolState, form: FormData) => Promise<EnrolState>;
  finish: (form: FormData) => Promise<void>;
  next: string;
  /** The account has a second factor already (nothing to begin). */
  enabled: boolean;
  text: {
    already: string;
    accountHref: string;
    accountLabel: string;
    start: string;
    step1: string;
    qrAlt: string;
    manual: string;
    account: string;
    step2: string;
    code: string;
    confirm: string;
    codesTitle: string;
    codesIntro: string;
    saved: string;
    continue: string;
  };
}

/**
 * Enrolling a second factor in three steps on one page: begin (the API makes a secret; the QR code
 * and the key for typing by hand appear), confirm with the app's first code, then the recovery
 * codes, shown this once, and "I saved them" before going on. Plain form posts without JavaScript.
 */
export function EnrolForm({ enrol, finish, next, enabled, text }: EnrolFormProps) {
  const [state, action, pending] = useActionState(enrol, { step: 'start' });
  // Confirming signs the person in (a new session cookie), and the page renders again as a signed-in
  // one: where to go afterwards, and the recovery codes in this state, must outlive that.
  const [destination] = useState(next);
  const alert = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.error) alert.current?.focus();
  }, [state.attempt, state.error]);

  const error = state.error && (
    <div className="staff-alert staff-alert--error" role="alert" tabIndex={-1} ref={alert}>
      <p>{state.error}</p>
    </div>
  );

  if (state.step === 'codes' && state.codes) {
    return (
      <section aria-labelledby="codes-title" data-enrol-step="codes">
        <h2 id="codes-title">{text.codesTitle}</h2>
        <p>{text.codesIntro}</p>
        <RecoveryCodes codes={state.codes} />
        <form action={finish} className="staff-form">
          <input type="hidden" name="next" value={destination} />
          <label className="staff-check">
            <input type="checkbox" name="saved" required />
            {text.saved}
          </label>
          <SubmitRow>{text.continue}</SubmitRow>
        </form>
      </section>
    );
  }

  if (state.step === 'confirm' && state.secret) {
    return (
      <div data-enrol-step="confirm">
        {error}
        <p>{text.step1}</p>
        {state.qr && (
          // eslint-disable-next-line @next/next/no-img-element -- a data: URL made on the server, not an optimisable image
          <img src={state.qr} alt={text.qrAlt} width={220} height={220} className="staff-qr" data-qr />
        )}
        <p>{text.manual}</p>
        <p>
          <code dir="ltr" data-totp-secret className="staff-secret">
            {state.secret.replace(/(.{4})/g, '$1 ').trim()}
          </code>
        </p>
        <p className="staff-muted staff-small">
          {text.account}: <bdi dir="ltr">{state.accountName}</bdi>
        </p>
        <form action={action} className="staff-form" aria-busy={pending || undefined}>
          <input type="hidden" name="intent" value="confirm" />
          <p>{text.step2}</p>
          <div className="staff-field">
            <label htmlFor="enrol-code">{text.code}</label>
            <input
              id="enrol-code"
              name="code"
              autoComplete="one-time-code"
              inputMode="numeric"
              pattern="[0-9۰-۹ ]{6,7}"
              maxLength={7}
              required
              autoFocus
              dir="ltr"
            />
          </div>
          <SubmitRow>{text.confirm}</SubmitRow>
        </form>
      </div>
    );
  }

  if (enabled) {
    return (
      <div className="staff-alert staff-alert--ok" role="status">
        <p>{text.already}</p>
        <p>
          <a href={text.accountHref}>{text.accountLabel}</a>
        </p>
      </div>
    );
  }

  return (
    <form action={action} className="staff-form" aria-busy={pending || undefined} data-enrol-step="start">
      {error}
      <input type="hidden" name="intent" value="start" />
      <SubmitRow>{text.start}</SubmitRow>
    </form>
  );
}
