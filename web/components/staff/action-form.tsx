'use client';

import { startTransition, useActionState, useEffect, useRef, type FormEvent, type ReactNode } from 'react';
import type { FormState } from '@/lib/staff/forms';
import { RecoveryCodes } from './recovery-codes';

interface ActionFormProps {
  action: (state: FormState, form: FormData) => Promise<FormState>;
  children: ReactNode;
  className?: string;
  /** The label of the field the API named, keyed by its input path (e.g. "titleFa"). */
  fieldLabels?: Record<string, string>;
  /** For paths a table cannot list (one item of a list: "questions[3].options"), a label worked out. */
  labelOf?: (field: string) => string | undefined;
  /**
   * The names of the inputs that hold the field the API named, to mark them invalid; by default the
   * input named like the field ("titleFa"). A field the form splits (a date and a time) lists its parts.
   */
  inputsOf?: (field: string) => readonly string[];
  labels: { fieldLabel: string; apiSays: string };
  id?: string;
  'aria-label'?: string;
  /**
   * Empties the form (back to its starting values) once the action succeeds: for a form that adds
   * a record, whose filled-in fields would otherwise invite adding it twice. An edit form keeps its values.
   */
  resetOnSuccess?: boolean;
}

/**
 * A staff form posting to a server action. Without JavaScript it is a plain form post and the
 * page comes back with the message. With JavaScript it sends the same way but keeps what was
 * typed when the API refuses (React resets a form after its action otherwise).
 */
export function ActionForm({
  action,
  children,
  className,
  fieldLabels = {},
  labelOf,
  inputsOf = (field) => [field],
  labels,
  id,
  resetOnSuccess,
  ...rest
}: ActionFormProps) {
  const [state, formAction, pending] = useActionState(action, {});
  const alert = useRef<HTMLDivElement>(null);
  const form = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (resetOnSuccess && state.success) form.current?.reset();
    if (state.attempt) alert.current?.focus();
  }, [state.attempt, state.success, resetOnSuccess]);

  // The field the API refused is marked where it is typed (aria-invalid, which the styles show), and
  // unmarked at the next answer.
  const refused = state.error?.field ? inputsOf(state.error.field).join(' ') : '';
  useEffect(() => {
    const current = form.current;
    if (!current) return;
    for (const marked of current.querySelectorAll('[data-refused]')) {
      marked.removeAttribute('aria-invalid');
      marked.removeAttribute('data-refused');
    }
    for (const name of refused.split(' ').filter(Boolean)) {
      const input = current.elements.namedItem(name);
      if (input instanceof HTMLElement) {
        input.setAttribute('aria-invalid', 'true');
        input.setAttribute('data-refused', '');
      }
    }
  }, [refused, state.attempt]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const data = new FormData(event.currentTarget, submitter instanceof HTMLElement ? submitter : undefined);
    startTransition(() => formAction(data));
  }

  const field = state.error?.field;
  // The field's name as the person reads it; an API path without a label here is not shown.
  const fieldName = field ? (fieldLabels[field] ?? labelOf?.(field) ?? fieldLabels[field.replace(/\[\d+\].*$/, '')]) : undefined;
  return (
    <form
      ref={form}
      action={formAction}
      onSubmit={onSubmit}
      className={className}
      id={id}
      aria-label={rest['aria-label']}
      aria-busy={pending || undefined}
    >
      {state.error && (
        <div className="staff-alert staff-alert--error" role="alert" tabIndex={-1} ref={alert}>
          <p>{state.error.message}</p>
          {fieldName && (
            <p>
              {labels.fieldLabel}: <strong>{fieldName}</strong>
            </p>
          )}
          {state.error.detail && (
            <p className="staff-alert__detail">
              {labels.apiSays}:{' '}
              <span lang="en" dir="ltr">
                {state.error.detail}
              </span>
            </p>
          )}
        </div>
      )}
      {state.success && (
        <div className="staff-alert staff-alert--ok" role="status" tabIndex={-1} ref={alert}>
          <p>{state.success.message}</p>
          {state.success.secret && (
            <p>
              <code dir="ltr" data-secret style={{ wordBreak: 'break-all' }}>
                {state.success.secret}
              </code>
            </p>
          )}
          {state.success.codes && <RecoveryCodes codes={state.success.codes} />}
        </div>
      )}
      {children}
    </form>
  );
}
