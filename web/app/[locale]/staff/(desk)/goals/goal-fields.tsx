import { goalCategories } from "@/lib/api/schema";
import { getDictionary } from "@/lib/i18n/dictionaries";
import type { Locale } from "@/lib/i18n/locales";
import { goalsText } from "@/lib/staff/goals-text";
import { staffText } from "@/lib/staff/i18n";

export const GOAL_STATUSES = ["DRAFT", "ACTIVE", "COMPLETED", "ARCHIVED"] as const;

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
  return { titleFa: t.titleFa, titleEn: t.titleEn, descriptionFa: t.descriptionFa, descriptionEn: t.descriptionEn, category: t.category, status: t.status, position: t.position };
}

/** The fields of a goal, for creating and for editing. */
export function GoalFields({ locale, values, idPrefix }: { locale: Locale; values: GoalValues; idPrefix: string }) {
  const t = goalsText[locale];
  const d = getDictionary(locale);
  const optional = <span className="staff-muted">{staffText[locale].common.optional}</span>;
  const id = (name: string) => `${idPrefix}-${name}`;
  return (
    <div className="staff-fields">
      <div className="staff-field">
        <label htmlFor={id("titleFa")}>{t.titleFa}</label>
        <input id={id("titleFa")} name="titleFa" required maxLength={300} defaultValue={values.titleFa} lang="fa" dir="rtl" />
      </div>
      <div className="staff-field">
        <label htmlFor={id("titleEn")}>
          {t.titleEn} {optional}
        </label>
        <input id={id("titleEn")} name="titleEn" maxLength={300} defaultValue={values.titleEn} lang="en" dir="ltr" />
      </div>
      <div className="staff-field">
        <label htmlFor={id("category")}>{t.category}</label>
        <select id={id("category")} name="category" defaultValue={values.category}>
          {goalCategories.map((c) => (
            <option key={c} value={c}>
              {d.categories[c]}
            </option>
          ))}
        </select>
      </div>
      <div className="staff-field">
        <label htmlFor={id("status")}>{t.status}</label>
        <select id={id("status")} name="status" defaultValue={values.status}>
          {GOAL_STATUSES.map((s) => (
            <option key={s} value={s}>
              {d.goalStatus[s]}
            </option>
          ))}
        </select>
      </div>
      <div className="staff-field">
        <label htmlFor={id("position")}>
          {t.position} {optional}
        </label>
        <input id={id("position")} name="position" type="number" min={1} defaultValue={values.position ?? ""} />
      </div>
      <div className="staff-field staff-field--wide">
        <label htmlFor={id("descriptionFa")}>
          {t.descriptionFa} {optional}
        </label>
        <textarea id={id("descriptionFa")} name="descriptionFa" maxLength={5000} defaultValue={values.descriptionFa} lang="fa" dir="rtl" />
      </div>
      <div className="staff-field staff-field--wide">
        <label htmlFor={id("descriptionEn")}>
          {t.descriptionEn} {optional}
        </label>
        <textarea id={id("descriptionEn")} name="descriptionEn" maxLength={5000} defaultValue={values.descriptionEn} lang="en" dir="ltr" />
      </div>
    </div>
  );
}
