import type { ReactNode } from 'react';
import type { Locale } from '@/lib/i18n/locales';
import { staffText } from '@/lib/staff/i18n';
import { DayField } from './day-field';
import { param } from '@/lib/staff/page';
import { Choice, choicesOf, Field, type ChoiceOption } from './fields';

/** A list filter's select: its label, "all" (the empty value) first, then the choices. */
export function FilterSelect({
  locale,
  value,
  ...props
}: {
  id: string;
  name: string;
  label: string;
  /** The page's language, for the "all" choice. */
  locale: Locale;
  value: string | null | undefined;
  options: readonly ChoiceOption[];
}) {
  return <Choice {...props} value={value ?? ''} empty={staffText[locale].common.all} />;
}

/**
 * A list filter of one choice out of fixed values: its value from the page's query (when it is one
 * of them), and its select's name and options (spread into FilterSelect).
 */
export function choiceFilter<V extends string>(
  query: Record<string, string | string[] | undefined>,
  name: string,
  values: readonly V[],
  labels: Record<V, string>,
): { name: string; value: V | undefined; options: ChoiceOption[] } {
  return { name, value: values.find((v) => v === param(query, name)), options: choicesOf(values, labels) };
}

/** A filter form's submit button, at the end of its row. */
export function FilterSubmit({ label }: { label: string }) {
  return (
    <div className="staff-field" style={{ justifyContent: 'end' }}>
      <button type="submit" className="staff-button staff-button--quiet">
        {label}
      </button>
    </div>
  );
}

/** A list's filter form: its fields side by side, then the submit button; sent as the page's query. */
export function FilterForm({
  action,
  locale,
  submit,
  children,
}: {
  action: string;
  locale: Locale;
  /** The button's text; "filter" by default. */
  submit?: string;
  children: ReactNode;
}) {
  const { filter } = staffText[locale].common;
  return (
    <form method="get" action={action} className="staff-fields" aria-label={filter}>
      {children}
      <FilterSubmit label={submit ?? filter} />
    </form>
  );
}

/** A list filter's search box (the `search` parameter). */
export function FilterSearch({ id, label, value }: { id: string; label: string; value: string | null | undefined }) {
  return (
    <div className="staff-field">
      <label htmlFor={id}>{label}</label>
      <input id={id} name="search" type="search" defaultValue={value ?? ''} />
    </div>
  );
}

/**
 * A range of whole days (the `from` and `to` parameters), both fields described by the hint with the
 * id `hint` (`<idPrefix>-hint` by default), which is written under the fields (under "to"), not
 * after the form's button, where on a phone it read as the button's.
 */
export function DayRangeFields({
  idPrefix,
  locale,
  labels = staffText[locale].common,
  values,
  hint = `${idPrefix}-hint`,
}: {
  idPrefix: string;
  locale: Locale;
  /** "From" and "to" by default. */
  labels?: { from: string; to: string };
  values: { from?: string; to?: string };
  hint?: string;
}) {
  return (
    <>
      {(['from', 'to'] as const).map((name) => (
        <Field key={name} id={`${idPrefix}-${name}`} label={labels[name]}>
          <DayField
            id={`${idPrefix}-${name}`}
            name={name}
            locale={locale}
            label={labels[name]}
            defaultValue={values[name] ?? ''}
            aria-describedby={hint}
          />
          {name === 'to' && <DayHint id={hint} locale={locale} />}
        </Field>
      ))}
    </>
  );
}

/** How to type a day (Solar Hijri, or the calendar button), under the fields it describes. */
export function DayHint({ id, locale }: { id: string; locale: Locale }) {
  return (
    <p className="staff-field__hint" id={id}>
      {staffText[locale].common.dayHint}
    </p>
  );
}
