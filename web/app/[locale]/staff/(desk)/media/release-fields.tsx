import type { Locale } from "@/lib/i18n/locales";
import { staffText } from "@/lib/staff/i18n";
import { mediaText } from "@/lib/staff/media-text";

export interface ReleaseValues {
  titleFa: string;
  titleEn: string;
  summaryFa: string;
  summaryEn: string;
  bodyFa: string;
  bodyEn: string;
  slug: string;
  districtId: string;
}

export function releaseFieldLabels(locale: Locale): Record<string, string> {
  const t = mediaText[locale];
  return { titleFa: t.titleFa, titleEn: t.titleEn, summaryFa: t.summaryFa, summaryEn: t.summaryEn, bodyFa: t.bodyFa, bodyEn: t.bodyEn, slug: t.slug, districtId: t.district };
}

/** The press release editor's fields, both languages side by side. */
export function ReleaseFields({ locale, values, districts, slugFixed, idPrefix }: { locale: Locale; values: ReleaseValues; districts: { id: string; name: string }[]; slugFixed: boolean; idPrefix: string }) {
  const t = mediaText[locale];
  const optional = <span className="staff-muted">{staffText[locale].common.optional}</span>;
  const id = (n: string) => `${idPrefix}-${n}`;
  return (
    <div className="staff-fields">
      <div className="staff-field">
        <label htmlFor={id("titleFa")}>{t.titleFa}</label>
        <input id={id("titleFa")} name="titleFa" required maxLength={300} defaultValue={values.titleFa} />
      </div>
      <div className="staff-field">
        <label htmlFor={id("titleEn")}>
          {t.titleEn} {optional}
        </label>
        <input id={id("titleEn")} name="titleEn" maxLength={300} defaultValue={values.titleEn} dir="ltr" lang="en" />
      </div>
      <div className="staff-field">
        <label htmlFor={id("summaryFa")}>
          {t.summaryFa} {optional}
        </label>
        <textarea id={id("summaryFa")} name="summaryFa" maxLength={1000} rows={3} defaultValue={values.summaryFa} />
      </div>
      <div className="staff-field">
        <label htmlFor={id("summaryEn")}>
          {t.summaryEn} {optional}
        </label>
        <textarea id={id("summaryEn")} name="summaryEn" maxLength={1000} rows={3} defaultValue={values.summaryEn} dir="ltr" lang="en" />
      </div>
      <div className="staff-field">
        <label htmlFor={id("bodyFa")}>{t.bodyFa}</label>
        <textarea id={id("bodyFa")} name="bodyFa" required maxLength={50000} rows={10} defaultValue={values.bodyFa} />
      </div>
      <div className="staff-field">
        <label htmlFor={id("bodyEn")}>
          {t.bodyEn} {optional}
        </label>
        <textarea id={id("bodyEn")} name="bodyEn" maxLength={50000} rows={10} defaultValue={values.bodyEn} dir="ltr" lang="en" />
      </div>
      <div className="staff-field">
        <label htmlFor={id("districtId")}>{t.district}</label>
        <select id={id("districtId")} name="districtId" defaultValue={values.districtId}>
          <option value="">{t.citywide}</option>
          {districts.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </select>
      </div>
      <div className="staff-field">
        <label htmlFor={id("slug")}>
          {t.slug} {optional}
        </label>
        <input id={id("slug")} name="slug" maxLength={80} pattern="[a-z0-9]+(-[a-z0-9]+)*" dir="ltr" defaultValue={values.slug} readOnly={slugFixed} aria-describedby={id("slug-hint")} />
        <span className="staff-field__hint" id={id("slug-hint")}>
          {t.slugHint}
        </span>
      </div>
    </div>
  );
}
