import type { ComponentProps, ComponentType, ReactNode } from 'react';
import type { Locale } from '@/lib/i18n/locales';
import { formLabels } from '@/lib/staff/i18n';
import { ActionForm } from './action-form';
import { StaffSection } from './section';
import { SubmitRow } from './buttons';

type ActionFormProps = ComponentProps<typeof ActionForm>;

interface FormPanelProps {
  /** The heading's id: the panel is the region it names. */
  id: string;
  /** The heading, which also names the form. */
  title: string;
  /** The submit button's text. */
  submit: string;
  action: ActionFormProps['action'];
  /** The page's language, for the form's own messages. */
  locale: Locale;
  fieldLabels?: ActionFormProps['fieldLabels'];
  /** Whether the form empties once its action succeeds (a form that adds a record). */
  resetOnSuccess?: boolean;
  children: ReactNode;
}

/** A panel holding one staff form (a new record, or a record's edit): its heading, fields and submit button. */
export function FormPanel({ id, title, submit, action, locale, fieldLabels, resetOnSuccess, children }: FormPanelProps) {
  return (
    <StaffSection headingId={id} title={title}>
      <ActionForm
        action={action}
        className="staff-form"
        labels={formLabels(locale)}
        fieldLabels={fieldLabels}
        resetOnSuccess={resetOnSuccess}
        aria-label={title}
      >
        {children}
        <SubmitRow>{submit}</SubmitRow>
      </ActionForm>
    </StaffSection>
  );
}

/**
 * A kind of record's form, as its fields module defines it: the fields, their names for the form's
 * messages, and what a new record starts with.
 */
export interface RecordForm<V, P = object> {
  /** The record kind in the new-record panel's heading id: `new-goal-title` for `goal`. */
  name: string;
  Fields: ComponentType<P & { locale: Locale; idPrefix: string; values: V }>;
  labels: (locale: Locale) => Record<string, string>;
  /** The new-record panel's heading and submit button. */
  newTexts: (locale: Locale) => { title: string; submit: string };
  /** The values a new record starts with, in the page's language. */
  blank: (locale: Locale) => V;
}

type NewRecordPanelProps<V, P> = {
  form: RecordForm<V, P>;
  action: FormPanelProps['action'];
  locale: Locale;
  /** The new record's values, when they are not the form's blank ones. */
  values?: V;
} & (object extends P
  ? { fieldProps?: P }
  : {
      /** What the fields need besides their values (the choices of a select, …). */
      fieldProps: P;
    });

/** The panel under a list that adds a record: the record's fields (ids prefixed `new`), starting blank. */
export function NewRecordPanel<V, P = object>({
  form,
  action,
  locale,
  fieldProps,
  values = form.blank(locale),
}: NewRecordPanelProps<V, P>) {
  const { Fields } = form;
  return (
    <FormPanel id={`new-${form.name}-title`} {...form.newTexts(locale)} action={action} locale={locale} fieldLabels={form.labels(locale)}>
      <Fields {...(fieldProps as P)} locale={locale} idPrefix="new" values={values} />
    </FormPanel>
  );
}
