import type { ReactNode } from 'react';
import type { Locale } from '@/lib/i18n/locales';
import { staffText } from '@/lib/staff/i18n';
import { DayField } from './day-field';
import { Field } from './fields';

/** One choice of a filter's select. */
export interface FilterOption {
  value: string;
  label: string;
}

/** A list filter's select: its label, "all" (the empty value) first, then the choices. */
export function FilterSelect({
  id,
  name,
  label,
  locale,
  value,
  options,
}: {
  id: string;
  name: string;
  label: string;
  /** The page's language, for the "all" choice. */
  locale: Locale;
  value: string | null | undefined;
  options: FilterOption[];
}) {
  return (
    <div className="staff-field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={value ?? ''}>
        <option value="">{staffText[locale].common.all}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
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
