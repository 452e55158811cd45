import type { ReactNode } from 'react';
import type { Locale } from '@/lib/i18n/locales';
import { staffText } from '@/lib/staff/i18n';

// The staff forms' fields: one labelled field, one text in both languages (Persian right to left
// and required or not, English left to right and always optional), one choice from a list. Each
// form (goals, events, occasions, press releases, contacts) composes these instead of repeating
// the markup.

interface FieldProps {
  id: string;
  label: string;
  /** Marks the label "(optional)" in the page's language. */
  optional?: Locale;
  /** Spans the whole row (long texts). */
  wide?: boolean;
  children: ReactNode;
}

/** A label and its control. */
export function Field({ id, label, optional, wide, children }: FieldProps) {
  return (
    <div className={wide ? 'staff-field staff-field--wide' : 'staff-field'}>
      <label htmlFor={id}>
        {label}
        {optional && (
          <>
            {' '}
            <span className="staff-muted">{staffText[optional].common.optional}</span>
          </>
        )}
      </label>
      {children}
    </div>
  );
}

/** A text's two languages, named after the field: `titleFa` and `titleEn` for `title`. */
type Bilingual<N extends string> = Record<`${N}Fa` | `${N}En`, string>;

interface BilingualTextProps<N extends string> {
  locale: Locale;
  /** The id prefix of the form (one form may appear twice on a page). */
  idPrefix: string;
  /** The field's name without its language: `title` gives `titleFa` and `titleEn`. */
  name: N;
  /** The labels, found under the field's two names (a section's texts will do). */
  labels: Bilingual<N>;
  /** The values, found under the field's two names (a form's values will do). */
  values: Bilingual<N>;
  /** Whether the Persian text is required (the English one never is). */
  required?: boolean;
  maxLength: number;
  /** A textarea of this many rows; an input when omitted. */
  rows?: number;
  wide?: boolean;
}

/** One text in both languages, Persian first. */
export function BilingualText<N extends string>({
  locale,
  idPrefix,
  name,
  labels,
  values,
  required = false,
  maxLength,
  rows,
  wide,
}: BilingualTextProps<N>) {
  const fa = `${name}Fa` as const;
  const en = `${name}En` as const;
  const languages = [
    { suffix: 'Fa', label: labels[fa], value: values[fa], lang: 'fa', dir: 'rtl', required },
    { suffix: 'En', label: labels[en], value: values[en], lang: 'en', dir: 'ltr', required: false },
  ] as const;
  return (
    <>
      {languages.map(({ suffix, label, value, lang, dir, required: needed }) => {
        const id = `${idPrefix}-${name}${suffix}`;
        const props = { id, name: `${name}${suffix}`, required: needed, maxLength, defaultValue: value, lang, dir };
        return (
          <Field key={suffix} id={id} label={label} optional={needed ? undefined : locale} wide={wide}>
            {rows ? <textarea rows={rows} {...props} /> : <input {...props} />}
          </Field>
        );
      })}
    </>
  );
}

type PresetProps<N extends string> = Pick<BilingualTextProps<N>, 'locale' | 'idPrefix' | 'labels' | 'values'>;

/** A record's title in both languages: the Persian one required, up to 300 characters. */
export function BilingualTitle(props: PresetProps<'title'>) {
  return <BilingualText {...props} name="title" required maxLength={300} />;
}

/** A record's description in both languages: optional, four rows across the whole form. */
export function BilingualDescription({ maxLength = 5000, ...props }: PresetProps<'description'> & { maxLength?: number }) {
  return <BilingualText {...props} name="description" maxLength={maxLength} rows={4} wide />;
}

/** One option of a select. */
export interface ChoiceOption {
  value: string;
  label: string;
}

/** A select's options from a fixed list of values and their labels (a text's record of names). */
export function choicesOf<V extends string>(values: readonly V[], labels: Record<V, string>): ChoiceOption[] {
  return values.map((value) => ({ value, label: labels[value] }));
}

interface ChoiceProps {
  id: string;
  name: string;
  label: string;
  value: string;
  options: readonly ChoiceOption[];
  /** A first option for "none" (its value is the empty string). */
  empty?: string;
  required?: boolean;
}

/** One choice from a list. */
export function Choice({ id, name, label, value, options, empty, required }: ChoiceProps) {
  return (
    <Field id={id} label={label}>
      <select id={id} name={name} defaultValue={value} required={required}>
        {empty !== undefined && <option value="">{empty}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** The district a record belongs to, or none: the whole city (the empty choice, `districtId` ""). */
export function DistrictChoice({
  id,
  label,
  citywide,
  value,
  districts,
}: {
  id: string;
  label: string;
  citywide: string;
  value: string;
  districts: readonly { id: string; name: string }[];
}) {
  return (
    <Choice
      id={id}
      name="districtId"
      label={label}
      value={value}
      empty={citywide}
      options={districts.map((d) => ({ value: d.id, label: d.name }))}
    />
  );
}
