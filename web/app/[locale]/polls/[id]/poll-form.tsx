'use client';

import { useActionState, useEffect, useRef, useState, type FormEvent } from 'react';
import type { QuestionKind } from '@/lib/api/schema';
import { formatNumber } from '@/lib/format';
import type { Locale } from '@/lib/i18n/locales';
import { pollText, type FormErrorCode } from '@/lib/i18n/poll-text';
import { localePath } from '@/lib/i18n/routing';
import {
  checkAnswers,
  DISTRICT_FIELD,
  NPS_VALUES,
  questionField,
  RATING_VALUES,
  readValues,
  type FieldError,
  type PollRules,
} from '@/lib/polls/answers';
import type { PollToken } from '@/lib/polls/token-storage';
import { submitPollAnswer } from './actions';
import { initialPollFormState } from './poll-form-state';
import { ProofOfWork, solveChallenge } from './proof-of-work';

export interface PollFormQuestion {
  id: string;
  kind: QuestionKind;
  prompt: string;
  required: boolean;
  maxChoices: number | null;
  maxLength: number | null;
  options: { id: string; label: string }[];
}

export interface PollFormProps {
  pollId: string;
  locale: Locale;
  questions: PollFormQuestion[];
  asksDistrict: boolean;
  /** The districts a respondent may pick, when the poll asks. */
  districts: { id: string; name: string }[];
  /** OPEN polls: the ALTCHA challenge (JSON) the page was rendered with. */
  challenge?: string | null;
  /** Verified polls: the poll token the answer is sent with. */
  pollToken?: PollToken;
  /** Told of each refusal of the whole answer (the verified poll drops a refused token). */
  onFormError?: (code: FormErrorCode) => void;
}

interface Messages {
  errors: Record<string, FieldError>;
  formError: FormErrorCode | null;
}

/**
 * The poll form. Without JavaScript it is a plain form post to the server action, which answers
 * with the page again (messages and answers filled in) or a redirect to the results. With
 * JavaScript the same checks run before sending, so most mistakes are named at once.
 */
export function PollForm({ pollId, locale, questions, asksDistrict, districts, challenge, pollToken, onFormError }: PollFormProps) {
  const t = pollText[locale];
  const [state, formAction, pending] = useActionState(submitPollAnswer, initialPollFormState);
  // The challenge to solve: the page's, or a fresh one after the API refused a stale one.
  const currentChallenge = state.challenge ?? challenge ?? null;
  const [solving, setSolving] = useState(false);
  const solveTried = useRef<string | null>(null);
  // The state above is for the button; this is for the submit handler, which runs again before a re-render.
  const solvingNow = useRef(false);
  // Messages from the check made before sending; null once a submission has gone to the server.
  const [checked, setChecked] = useState<Messages | null>(null);
  const [focusRequest, setFocusRequest] = useState(0);
  const summary = useRef<HTMLDivElement>(null);
  const shown: Messages = checked ?? state;
  const fieldErrors = Object.entries(shown.errors);
  const n = (value: number) => formatNumber(value, locale);

  const rules: PollRules = {
    asksDistrict,
    districtIds: districts.map((d) => d.id),
    questions,
  };

  // Move focus to the messages after each refused attempt, so keyboard and screen-reader users
  // learn at once what is wrong.
  useEffect(() => {
    if (focusRequest > 0) summary.current?.focus();
  }, [focusRequest]);
  useEffect(() => {
    if (state.attempt > 0) setFocusRequest((r) => r + 1);
  }, [state.attempt]);
  useEffect(() => {
    if (state.formError) onFormError?.(state.formError);
    // Only a new refusal counts, not a new callback.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state.attempt]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    if (pending || solvingNow.current) {
      // One answer at a time: a second click while sending would only be refused as a repeat.
      event.preventDefault();
      return;
    }
    const result = checkAnswers(rules, readValues(new FormData(event.currentTarget), rules));
    if (Object.keys(result.errors).length > 0 || result.empty) {
      event.preventDefault();
      setChecked({ errors: result.errors, formError: result.empty ? 'EMPTY' : null });
      setFocusRequest((r) => r + 1);
      return;
    }
    setChecked(null);
    // Solve the proof of work first (once per challenge), then send the form with its payload.
    if (currentChallenge && solveTried.current !== currentChallenge) {
      event.preventDefault();
      solveTried.current = currentChallenge;
      const form = event.currentTarget;
      setSolving(true);
      solvingNow.current = true;
      void solveChallenge(form).finally(() => {
        solvingNow.current = false;
        setSolving(false);
        // In a task of its own: sent again from within this submit's handling, React drops it.
        setTimeout(() => form.requestSubmit(), 0);
      });
    }
  }

  const value = (field: string) => state.values[field] ?? [];
  const hasMessages = fieldErrors.length > 0 || shown.formError !== null;

  return (
    <form className="poll-form" action={formAction} onSubmit={onSubmit} noValidate>
      <input type="hidden" name="pollId" value={pollId} />
      <input type="hidden" name="locale" value={locale} />
      {pollToken && (
        <>
          <input type="hidden" name="pollTokenMessage" value={pollToken.message} />
          <input type="hidden" name="pollTokenSignature" value={pollToken.signature} />
        </>
      )}

      <div
        ref={summary}
        className={hasMessages ? 'error-summary' : 'visually-hidden'}
        tabIndex={-1}
        role="alert"
        aria-labelledby={hasMessages ? 'poll-form-errors-title' : undefined}
      >
        {hasMessages && (
          <>
            <p id="poll-form-errors-title" className="error-summary__title">
              {shown.formError ? t.formError[shown.formError] : t.errorSummary}
            </p>
            {fieldErrors.length > 0 && (
              <ul>
                {fieldErrors.map(([field, error]) => (
                  <li key={field}>
                    <a href={`#${field}-input`}>{summaryLabel(field, error)}</a>
                  </li>
                ))}
              </ul>
            )}
            {shown.formError === 'ALREADY_RESPONDED' && (
              <p>
                <a href={localePath(locale, `/polls/${pollId}/results`)}>{t.seeResults}</a>
              </p>
            )}
          </>
        )}
      </div>

      {questions.map((question, index) => (
        <Question
          key={question.id}
          question={question}
          number={index + 1}
          locale={locale}
          values={value(questionField(question.id))}
          error={shown.errors[questionField(question.id)]}
        />
      ))}

      {asksDistrict && (
        <div className={shown.errors[DISTRICT_FIELD] ? 'question question--invalid' : 'question'}>
          <label className="question__prompt" htmlFor={`${DISTRICT_FIELD}-input`}>
            {t.districtLabel}
          </label>
          <p className="question__hint" id="district-hint">
            {t.districtHint}
          </p>
          {shown.errors[DISTRICT_FIELD] && (
            <p className="field-error" id="district-error">
              {t.fieldError(shown.errors[DISTRICT_FIELD], n)}
            </p>
          )}
          <select
            id={`${DISTRICT_FIELD}-input`}
            name={DISTRICT_FIELD}
            className="select"
            defaultValue={value(DISTRICT_FIELD)[0] ?? ''}
            aria-invalid={shown.errors[DISTRICT_FIELD] ? true : undefined}
            aria-describedby={shown.errors[DISTRICT_FIELD] ? 'district-hint district-error' : 'district-hint'}
          >
            <option value="">{t.districtPlaceholder}</option>
            {districts.map((district) => (
              <option key={district.id} value={district.id}>
                {district.name}
              </option>
            ))}
          </select>
        </div>
      )}

      <p className="poll-form__actions">
        <button className="button" type="submit" aria-disabled={pending || solving}>
          {pending || solving ? t.submitting : t.submit}
        </button>
      </p>

      {/* After the button: the check runs by itself (its label says there is nothing to do), and Tab
          from the last answer reaches "send". A new challenge (after a refused one) makes a new widget. */}
      {currentChallenge && <ProofOfWork key={currentChallenge} challenge={currentChallenge} locale={locale} />}
    </form>
  );

  function summaryLabel(field: string, error: FieldError): string {
    if (field === DISTRICT_FIELD) return t.fieldError(error, n);
    const index = questions.findIndex((q) => questionField(q.id) === field);
    return `${n(index + 1)}. ${t.fieldError(error, n)}`;
  }
}

interface QuestionProps {
  question: PollFormQuestion;
  number: number;
  locale: Locale;
  values: string[];
  error: FieldError | undefined;
}

function Question({ question, number, locale, values, error }: QuestionProps) {
  const t = pollText[locale];
  const n = (value: number) => formatNumber(value, locale);
  const field = questionField(question.id);
  const hintId = `${field}-hint`;
  const errorId = `${field}-error`;
  const describedBy = error ? `${hintId} ${errorId}` : hintId;
  const className = error ? 'question question--invalid' : 'question';
  const prompt = (
    <>
      <span className="question__number">{n(number)}.</span> {question.prompt}
      {!question.required && <span className="question__optional"> {t.optional}</span>}
    </>
  );
  const message = error && (
    <p className="field-error" id={errorId}>
      {t.fieldError(error, n)}
    </p>
  );

  if (question.kind === 'FREE_TEXT') {
    const max = question.maxLength ?? 1000;
    return (
      <div className={className}>
        <label className="question__prompt" htmlFor={`${field}-input`}>
          {prompt}
        </label>
        <p className="question__hint" id={hintId}>
          {t.textHint(n(max))}
        </p>
        {message}
        <textarea
          id={`${field}-input`}
          name={field}
          className="textarea"
          rows={4}
          maxLength={max}
          defaultValue={values[0] ?? ''}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
        />
      </div>
    );
  }

  const choice = question.kind === 'SINGLE_CHOICE' || question.kind === 'MULTIPLE_CHOICE';
  const hint =
    question.kind === 'SINGLE_CHOICE'
      ? t.chooseOne
      : question.kind === 'MULTIPLE_CHOICE'
        ? question.maxChoices
          ? t.chooseUpTo(n(question.maxChoices))
          : t.chooseAny
        : question.kind === 'RATING'
          ? t.ratingHint
          : t.npsHint;
  const type = question.kind === 'MULTIPLE_CHOICE' ? 'checkbox' : 'radio';
  const items = choice
    ? question.options.map((o) => ({ value: o.id, label: o.label }))
    : (question.kind === 'RATING' ? RATING_VALUES : NPS_VALUES).map((v) => ({ value: String(v), label: n(v) }));

  return (
    // The card is a wrapper: a fieldset's own border would run through its legend.
    <div className={className}>
      <fieldset className="question__fieldset" aria-describedby={describedBy}>
        <legend className="question__prompt">{prompt}</legend>
        <p className="question__hint" id={hintId}>
          {hint}
        </p>
        {message}
        <ul className={choice ? 'choices' : `scale scale--${question.kind.toLowerCase()}`}>
          {items.map((item, i) => {
            const id = i === 0 ? `${field}-input` : `${field}-${i}`;
            return (
              <li key={item.value} className={choice ? 'choice' : 'scale__step'}>
                <input type={type} id={id} name={field} value={item.value} defaultChecked={values.includes(item.value)} />
                <label htmlFor={id}>{item.label}</label>
              </li>
            );
          })}
        </ul>
      </fieldset>
    </div>
  );
}
