import { goalCategories } from '@/lib/api/schema';
import { getDictionary } from '@/lib/i18n/dictionaries';
import type { Locale } from '@/lib/i18n/locales';
import { goalsText } from '@/lib/staff/goals-text';
import { BilingualDescription, BilingualTitle, Choice, choicesOf, Field } from '@/components/staff/fields';
import { fieldLabels, bilingualValues } from '@/lib/staff/forms';
import type { RecordForm } from '@/components/staff/form-panel';

export const GOAL_STATUSES = ['DRAFT', 'ACTIVE', 'COMPLETED', 'ARCHIVED'] as const;

export interface GoalValues {
  titleFa: string;
  titleEn: string;
  descriptionFa: string;
  descriptionEn: string;
  category: string;
  status: string;
  position: number | null;
}

export function goalFieldLabels(locale: Locale): Record<string, string> {
  const t = goalsText[locale];
  return fieldLabels(t, ['titleFa', 'titleEn', 'descriptionFa', 'descriptionEn', 'category', 'status', 'position']);
}

/** The fields of a goal, for creating and for editing. */
export function GoalFields({ locale, values, idPrefix }: { locale: Locale; values: GoalValues; idPrefix: string }) {
  const t = goalsText[locale];
  const d = getDictionary(locale);
  const id = (name: string) => `${idPrefix}-${name}`;
  return (
    <div className="staff-fields">
      <BilingualTitle locale={locale} idPrefix={idPrefix} labels={t} values={values} />
      <Choice
        id={id('category')}
        name="category"
        label={t.category}
        value={values.category}
        options={choicesOf(goalCategories, d.categories)}
      />
      <Choice id={id('status')} name="status" label={t.status} value={values.status} options={choicesOf(GOAL_STATUSES, d.goalStatus)} />
      <Field id={id('position')} label={t.position} optional={locale}>
        <input id={id('position')} name="position" type="number" min={1} defaultValue={values.position ?? ''} />
      </Field>
      <BilingualDescription locale={locale} idPrefix={idPrefix} labels={t} values={values} />
    </div>
  );
}

/** A new goal starts as a draft about citizens' participation. */
export const goalForm: RecordForm<GoalValues> = {
  name: 'goal',
  Fields: GoalFields,
  labels: goalFieldLabels,
  newTexts: (locale) => ({ title: goalsText[locale].newGoal, submit: goalsText[locale].create }),
  blank: () => ({
    ...bilingualValues('title', {}),
    ...bilingualValues('description', {}),
    category: 'CITIZEN_PARTICIPATION',
    status: 'DRAFT',
    position: null,
  }),
};
