import type { ReactNode } from 'react';
import type { Locale } from '@/lib/i18n/locales';
import { staffText } from '@/lib/staff/i18n';
import { DayField } from './day-field';
import { Choice, Field, type ChoiceOption } from './fields';

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

/** A range of whole days (the `from` and `to` parameters), both fields described by the hint with the id `hint`. */
export function DayRangeFields({
  idPrefix,
  locale,
  labels,
  values,
  hint,
}: {
  idPrefix: string;
  locale: Locale;
  labels: { from: string; to: string };
  values: { from: string; to: string };
  hint: string;
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
            defaultValue={values[name]}
            aria-describedby={hint}
          />
        </Field>
      ))}
    </>
  );
}
