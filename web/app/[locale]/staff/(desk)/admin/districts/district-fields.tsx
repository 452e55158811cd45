import type { Locale } from '@/lib/i18n/locales';
import { districtsText } from '@/lib/staff/districts-text';
import { BilingualText, Field } from '@/components/staff/fields';
import { fieldLabels } from '@/lib/staff/forms';
import type { RecordForm } from '@/components/staff/form-panel';

export interface DistrictValues {
  code: number | null;
  nameFa: string;
  nameEn: string;
  population: number | null;
  populationSource: string;
  populationYear: number | null;
  /** The boundary as GeoJSON text ('' for none). */
  boundary: string;
}

export function districtFieldLabels(locale: Locale): Record<string, string> {
  const t = districtsText[locale];
  return fieldLabels(t, ['code', 'nameFa', 'nameEn', 'population', 'populationSource', 'populationYear', 'boundary']);
}

/** The fields of a district, for creating and for editing. */
export function DistrictFields({ locale, values, idPrefix }: { locale: Locale; values: DistrictValues; idPrefix: string }) {
  const t = districtsText[locale];
  const id = (name: string) => `${idPrefix}-${name}`;
  return (
    <div className="staff-fields">
      <Field id={id('code')} label={t.code}>
        <input id={id('code')} name="code" inputMode="numeric" required defaultValue={values.code ?? ''} dir="ltr" />
      </Field>
      <BilingualText locale={locale} idPrefix={idPrefix} name="name" labels={t} values={values} required maxLength={200} />
      <Field id={id('population')} label={t.population}>
        <input id={id('population')} name="population" inputMode="numeric" required defaultValue={values.population ?? ''} dir="ltr" />
      </Field>
      <Field id={id('populationSource')} label={t.populationSource} optional={locale}>
        <input
          id={id('populationSource')}
          name="populationSource"
          maxLength={200}
          placeholder={t.populationSourceHint}
          defaultValue={values.populationSource}
          dir="auto"
        />
      </Field>
      <Field id={id('populationYear')} label={t.populationYear} optional={locale}>
        <input id={id('populationYear')} name="populationYear" inputMode="numeric" defaultValue={values.populationYear ?? ''} dir="ltr" />
      </Field>
      <Field id={id('boundary')} label={t.boundary} optional={locale} wide>
        <textarea
          id={id('boundary')}
          name="boundary"
          rows={6}
          dir="ltr"
          spellCheck={false}
          aria-describedby={id('boundary-hint')}
          defaultValue={values.boundary}
        />
        <span id={id('boundary-hint')} className="staff-small staff-muted">
          {t.boundaryHint}
        </span>
      </Field>
      <Field id={id('boundaryFile')} label={t.boundaryFile} optional={locale}>
        <input id={id('boundaryFile')} name="boundaryFile" type="file" accept=".geojson,.json,application/geo+json,application/json" />
      </Field>
    </div>
  );
}

export const districtForm: RecordForm<DistrictValues> = {
  name: 'district',
  Fields: DistrictFields,
  labels: districtFieldLabels,
  newTexts: (locale) => ({ title: districtsText[locale].newDistrict, submit: districtsText[locale].create }),
  blank: () => ({ code: null, nameFa: '', nameEn: '', population: null, populationSource: '', populationYear: null, boundary: '' }),
};
