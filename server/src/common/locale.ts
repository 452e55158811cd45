import { Field, ObjectType, registerEnumType } from 'type-graphql';

export enum Locale {
  FA = 'fa',
  EN = 'en',
}
registerEnumType(Locale, {
  name: 'Locale',
  description: 'A language of the public text. Persian is the default.',
  valuesConfig: { FA: { description: 'Persian (فارسی).' }, EN: { description: 'English.' } },
});

/** The request's language from Accept-Language: English only when it is preferred over Persian. */
export function localeFromHeader(header: string | undefined): Locale {
  if (!header) return Locale.FA;
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { lang: tag.split('-')[0], q: q ? Number(q.slice(2)) || 0 : 1 };
    })
    .filter((r) => r.lang === 'fa' || r.lang === 'en')
    .sort((a, b) => b.q - a.q);
  return ranked[0]?.lang === 'en' ? Locale.EN : Locale.FA;
}

@ObjectType({ description: 'A text in both languages of the platform.' })
export class LocalizedText {
  @Field({ description: 'The Persian text.' })
  fa: string;

  @Field(() => String, { nullable: true, description: 'The English text, when there is one.' })
  en: string | null;
}

/** Picks the text for a locale, falling back to Persian when there is no English. */
export function pick(text: { fa: string | null; en: string | null }, locale: Locale): string | null {
  return locale === Locale.EN ? (text.en ?? text.fa) : (text.fa ?? text.en);
}
