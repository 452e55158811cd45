'use client';

import { useEffect, useId, useState, type FormEvent } from 'react';
import { formatNumber, localDigits } from '@/lib/format';
import type { Locale } from '@/lib/i18n/locales';
import { pollText, type VerifyError } from '@/lib/i18n/poll-text';
import { forgetToken, storedToken, storeToken, type PollToken } from '@/lib/polls/token-storage';
import { PollForm, type PollFormProps } from './poll-form';
import { issueToken, requestCode, type TokenProof } from './verification-actions';

type VerifiedAssurance = 'VERIFIED_PHONE' | 'RESIDENT_LIST';

interface VerifiedPollProps extends Omit<PollFormProps, 'pollToken' | 'onFormError' | 'challenge'> {
  assurance: VerifiedAssurance;
  /** The poll's blind-signature key: SPKI DER, base64url. */
  publicKey: string;
}

/**
 * A VERIFIED_PHONE or RESIDENT_LIST poll: first the person proves who they are (an SMS code, or an
 * identifier on the poll's list) and the browser gets a blindly signed poll token; then the poll
 * form, sent with that token. The token stays in this tab's sessionStorage until the answer is
 * accepted, so a reload does not lose it.
 */
export function VerifiedPoll({ assurance, publicKey, ...form }: VerifiedPollProps) {
  const t = pollText[form.locale].assurance;
  const [token, setToken] = useState<PollToken | null>(null);

  useEffect(() => {
    setToken(storedToken(form.pollId));
  }, [form.pollId]);

  if (!token) {
    return <Verification assurance={assurance} publicKey={publicKey} pollId={form.pollId} locale={form.locale} onVerified={setToken} />;
  }
  return (
    <>
      <p className="notice notice--success verification__done" role="status">
        {t.verified}
      </p>
      <PollForm
        {...form}
        pollToken={token}
        onFormError={(code) => {
          // A token the API does not take (spent, or from another key) is of no further use.
          if (code === 'TOKEN_INVALID') {
            forgetToken(form.pollId);
            setToken(null);
          }
        }}
      />
    </>
  );
}

interface VerificationProps {
  assurance: VerifiedAssurance;
  publicKey: string;
  pollId: string;
  locale: Locale;
  onVerified: (token: PollToken) => void;
}

function Verification({ assurance, publicKey, pollId, locale, onVerified }: VerificationProps) {
  const t = pollText[locale].assurance;
  const id = useId();
  const [hydrated, setHydrated] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<VerifyError | null>(null);
  const [phone, setPhone] = useState('');
  const [sent, setSent] = useState<{ maskedPhone: string; minutes: number } | null>(null);
  const n = (value: number) => formatNumber(value, locale);

  useEffect(() => setHydrated(true), []);

  async function sendCode(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const value = String(new FormData(event.currentTarget).get('phone') ?? '');
    // Nothing typed: say so, rather than send it and be told it is not an Iranian number.
    if (!value.trim()) {
      setError({ code: 'PHONE_REQUIRED' });
      return;
    }
    setBusy(true);
    setError(null);
    const result = await requestCode(pollId, value).catch(() => ({ ok: false as const, error: { code: 'UNAVAILABLE' as const } }));
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setPhone(value);
    const minutes = Math.max(1, Math.round((Date.parse(result.expiresAt) - Date.now()) / 60_000));
    setSent({ maskedPhone: result.maskedPhone, minutes });
  }

  async function verify(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const data = new FormData(event.currentTarget);
    const proof: TokenProof =
      assurance === 'RESIDENT_LIST'
        ? { residentId: String(data.get('residentId') ?? '') }
        : { phone, code: String(data.get('code') ?? '') };
    if (assurance === 'VERIFIED_PHONE' && !proof.code?.trim()) {
      setError({ code: 'CODE_REQUIRED' });
      return;
    }
    if (assurance === 'RESIDENT_LIST' && !proof.residentId?.trim()) {
      setError({ code: 'RESIDENT_ID_REQUIRED' });
      return;
    }
    if (!globalThis.crypto?.subtle) {
      setError({ code: 'NO_CRYPTO' });
      return;
    }
    setBusy(true);
    setError(null);
    try {
      // Blinded here, in the browser: neither the website nor the API sees the token being signed.
      const { blindRequest } = await import('@/lib/polls/poll-token');
      const request = await blindRequest(publicKey);
      const result = await issueToken(pollId, request.blindedMessage, proof);
      if (!result.ok) {
        setError(result.error);
        if (result.error.code === 'CODE_EXPIRED') setSent(null);
        return;
      }
      const token = await request.finalize(result.blindSignature);
      storeToken(pollId, token);
      onVerified(token);
    } catch (caught) {
      console.error('verification: could not make the poll token', caught);
      setError({ code: 'UNAVAILABLE' });
    } finally {
      setBusy(false);
    }
  }

  const message = error && (
    <p className="field-error" id={`${id}-error`} role="alert">
      {t.error(error, n)}
    </p>
  );
  const describedBy = (hint: string) => (error ? `${hint} ${id}-error` : hint);

  if (assurance === 'RESIDENT_LIST') {
    return (
      <form className="verification" onSubmit={verify} noValidate>
        <div className={error ? 'question question--invalid' : 'question'}>
          <label className="question__prompt" htmlFor={`${id}-resident`}>
            {t.residentLabel}
          </label>
          <p className="question__hint" id={`${id}-resident-hint`}>
            {t.residentHint}
          </p>
          {message}
          <input
            id={`${id}-resident`}
            name="residentId"
            className="input verification__input"
            type="text"
            inputMode="numeric"
            autoComplete="off"
            dir="ltr"
            maxLength={64}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy(`${id}-resident-hint`)}
          />
        </div>
        <p className="poll-form__actions">
          <button className="button" type="submit" disabled={!hydrated} aria-disabled={busy}>
            {busy ? t.verifying : t.verify}
          </button>
        </p>
      </form>
    );
  }

  if (!sent) {
    return (
      <form className="verification" onSubmit={sendCode} noValidate>
        <div className={error ? 'question question--invalid' : 'question'}>
          <label className="question__prompt" htmlFor={`${id}-phone`}>
            {t.phoneLabel}
          </label>
          <p className="question__hint" id={`${id}-phone-hint`}>
            {t.phoneHint}
          </p>
          {message}
          <input
            id={`${id}-phone`}
            name="phone"
            className="input verification__input"
            type="tel"
            inputMode="numeric"
            autoComplete="tel"
            dir="ltr"
            maxLength={20}
            defaultValue={phone}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy(`${id}-phone-hint`)}
          />
        </div>
        <p className="poll-form__actions">
          <button className="button" type="submit" disabled={!hydrated} aria-disabled={busy}>
            {busy ? t.sendingCode : t.sendCode}
          </button>
        </p>
      </form>
    );
  }

  return (
    <form className="verification" onSubmit={verify} noValidate>
      <p className="verification__sent" role="status">
        {t.codeSent(localDigits(sent.maskedPhone, locale), n(sent.minutes))}
      </p>
      <div className={error ? 'question question--invalid' : 'question'}>
        <label className="question__prompt" htmlFor={`${id}-code`}>
          {t.codeLabel}
        </label>
        <p className="question__hint" id={`${id}-code-hint`}>
          {t.codeHint}
        </p>
        {message}
        <input
          id={`${id}-code`}
          name="code"
          className="input verification__input"
          type="text"
          inputMode="numeric"
          autoComplete="one-time-code"
          dir="ltr"
          maxLength={12}
          autoFocus
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(`${id}-code-hint`)}
        />
      </div>
      <p className="poll-form__actions">
        <button className="button" type="submit" aria-disabled={busy}>
          {busy ? t.verifying : t.verify}
        </button>{' '}
        <button
          className="button button--light"
          type="button"
          onClick={() => {
            setSent(null);
            setError(null);
          }}
        >
          {t.otherNumber}
        </button>
      </p>
    </form>
  );
}
