import type { Locale } from '@/lib/i18n/locales';
import { BilingualText, BilingualTitle, DistrictChoice, Field } from '@/components/staff/fields';
import { mediaText } from '@/lib/staff/media-text';
import { fieldLabels } from '@/lib/staff/forms';
import type { RecordForm } from '@/components/staff/form-panel';

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
  return fieldLabels(t, ['titleFa', 'titleEn', 'summaryFa', 'summaryEn', 'bodyFa', 'bodyEn', 'slug'], { districtId: t.district });
}

/** The press release editor's fields, both languages side by side. */
export function ReleaseFields({
  locale,
  values,
  districts,
  slugFixed,
  idPrefix,
}: {
  locale: Locale;
  values: ReleaseValues;
  districts: { id: string; name: string }[];
  slugFixed: boolean;
  idPrefix: string;
}) {
  const t = mediaText[locale];
  const id = (n: string) => `${idPrefix}-${n}`;
  const text = { locale, idPrefix };
  return (
    <div className="staff-fields">
      <BilingualTitle {...text} labels={t} values={values} />
      <BilingualText {...text} name="summary" labels={t} values={values} maxLength={1000} rows={3} />
      <BilingualText {...text} name="body" labels={t} values={values} required maxLength={50000} rows={10} />
      <DistrictChoice id={id('districtId')} label={t.district} citywide={t.citywide} value={values.districtId} districts={districts} />
      <Field id={id('slug')} label={t.slug} optional={locale}>
        <input
          id={id('slug')}
          name="slug"
          maxLength={80}
          pattern="[a-z0-9]+(-[a-z0-9]+)*"
          dir="ltr"
          defaultValue={values.slug}
          readOnly={slugFixed}
          aria-describedby={id('slug-hint')}
        />
        <span className="staff-field__hint" id={id('slug-hint')}>
          {t.slugHint}
        </span>
      </Field>
    </div>
  );
}

export const releaseForm: RecordForm<ReleaseValues, { districts: { id: string; name: string }[]; slugFixed: boolean }> = {
  name: 'release',
  Fields: ReleaseFields,
  labels: releaseFieldLabels,
  newTexts: (locale) => ({ title: mediaText[locale].newRelease, submit: mediaText[locale].createRelease }),
  blank: () => ({ titleFa: '', titleEn: '', summaryFa: '', summaryEn: '', bodyFa: '', bodyEn: '', slug: '', districtId: '' }),
};
