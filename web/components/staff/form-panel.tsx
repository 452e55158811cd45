import type { ComponentProps, ReactNode } from 'react';
import type { Locale } from '@/lib/i18n/locales';
import { formLabels } from '@/lib/staff/i18n';
import { ActionForm } from './action-form';
import { StaffSection } from './section';

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
  children: ReactNode;
}

/** A panel holding one staff form (a new record, or a record's edit): its heading, fields and submit button. */
export function FormPanel({ id, title, submit, action, locale, fieldLabels, children }: FormPanelProps) {
  return (
    <StaffSection headingId={id} title={title}>
      <ActionForm action={action} className="staff-form" labels={formLabels(locale)} fieldLabels={fieldLabels} aria-label={title}>
        {children}
        <div>
          <button type="submit" className="staff-button">
            {submit}
          </button>
        </div>
      </ActionForm>
    </StaffSection>
  );
}
