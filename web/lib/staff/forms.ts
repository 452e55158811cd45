import type { GraphqlError } from '../api/request';
import type { Locale } from '../i18n/locales';
import { staffText } from './i18n';

// What a staff form's server action answers when it does not redirect: a message to show above
// the form, naming the field at fault when the API named one.
export interface FormState {
  error?: { message: string; field?: string; detail?: string };
  /** Increases with every answer, so the form can move focus to the message. */
  attempt?: number;
  /** A success that stays on the page, e.g. an API key's secret, shown once. */
  success?: { message: string; secret?: string; codes?: string[] };
}

export const initialFormState: FormState = {};

export function refusal(locale: Locale, error: GraphqlError | string, previous?: FormState): FormState {
  const t = staffText[locale];
  const attempt = (previous?.attempt ?? 0) + 1;
  if (typeof error === 'string') return { error: { message: error }, attempt };
  const code = error.extensions?.code ?? 'UNKNOWN';
  const reason = typeof error.extensions?.reason === 'string' ? error.extensions.reason : undefined;
  const field = typeof error.extensions?.field === 'string' ? error.extensions.field.replace(/^input\./, '') : undefined;
  // The API's message is written for developers in English: a person reads the message for its
  // code (and reason) in their language, and the API's text only on English pages, as a detail.
  const detail = code === 'INTERNAL_SERVER_ERROR' || locale !== 'en' ? undefined : error.message;
  const message = (reason && t.reasons[reason]) || t.errors[code] || t.errors.UNKNOWN;
  return { error: { message, field, detail }, attempt };
}

/** A trimmed text field, or null when empty. */
export function text(form: FormData, name: string): string | null {
  const value = form.get(name);
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/** For updates: the field's text, null to clear it. */
export function textOrNull(form: FormData, name: string): string | null {
  return text(form, name);
}

export function checkbox(form: FormData, name: string): boolean {
  return form.get(name) === 'on' || form.get(name) === 'true';
}

export function integer(form: FormData, name: string): number | null {
  const raw = text(form, name);
  if (raw === null) return null;
  const n = Number(raw.replace(/[۰-۹]/g, (d) => String('۰۱۲۳۴۵۶۷۸۹'.indexOf(d))));
  return Number.isInteger(n) ? n : null;
}

export function decimal(form: FormData, name: string): number | null {
  const raw = text(form, name);
  if (raw === null) return null;
  const n = Number(
    raw
      .replace(/[۰-۹]/g, (d) => String('۰۱۲۳۴۵۶۷۸۹'.indexOf(d)))
      .replace('٫', '.')
      .replace('/', '.'),
  );
  return Number.isFinite(n) ? n : null;
}

export function list(form: FormData, name: string): string[] {
  return form.getAll(name).filter((v): v is string => typeof v === 'string' && v !== '');
}

/**
 * A field holding one of a GraphQL enum's values (a select's value), typed as that enum. The
 * value is passed on as given: the API refuses one outside the enum with BAD_USER_INPUT, which the
 * form shows like any other refusal.
 */
export function enumField<T extends string>(form: FormData, name: string): T | null {
  return text(form, name) as T | null;
}

/** The values of a multi-select of a GraphQL enum; as with enumField, the API checks them. */
export function enumList<T extends string>(form: FormData, name: string): T[] {
  return list(form, name) as T[];
}

/**
 * The labels a form names a refused field by (ActionForm's `fieldLabels`), keyed by the API's input
 * path: the fields whose text in the section's table has the same name, then the others.
 */
export function fieldLabels<K extends string>(
  texts: Record<K, string>,
  same: readonly K[],
  others: Record<string, string> = {},
): Record<string, string> {
  return { ...Object.fromEntries(same.map((key) => [key, texts[key]])), ...others };
}

/** A text's two languages as a form's values (`titleFa`, `titleEn`), from the API's translations; a missing one is empty. */
export function bilingualValues<N extends string>(
  name: N,
  translations: { fa?: string | null; en?: string | null },
): Record<`${N}Fa` | `${N}En`, string> {
  return { [`${name}Fa`]: translations.fa ?? '', [`${name}En`]: translations.en ?? '' } as Record<`${N}Fa` | `${N}En`, string>;
}
