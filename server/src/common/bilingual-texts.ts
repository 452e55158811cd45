import { InputType } from 'type-graphql';
import { Column } from 'typeorm';
import { IdInput, TextInput } from './validation';

// The Persian and English texts that goals, events, occasions, polls and press releases are written
// with, declared once: the entities and the inputs that create or change them extend these
// (type-graphql copies a base's fields into each input; the schema file is sorted, so it reads as
// before). Limits are per kind.

/**
 * The stored title and description in both languages (title_fa, title_en, description_fa,
 * description_en). Not GraphQL fields: each type resolves them in the request's language.
 */
export function BilingualTextColumns(titleLength: number) {
  abstract class TextColumns {
    @Column({ name: 'title_fa', type: 'varchar', length: titleLength })
    titleFa: string;

    @Column({ name: 'title_en', type: 'varchar', length: titleLength, nullable: true })
    titleEn: string | null;

    @Column({ name: 'description_fa', type: 'text', nullable: true })
    descriptionFa: string | null;

    @Column({ name: 'description_en', type: 'text', nullable: true })
    descriptionEn: string | null;
  }
  return TextColumns;
}

interface BilingualTexts {
  titleFa: string;
  titleEn: string | null;
  descriptionFa: string | null;
  descriptionEn: string | null;
}

/** A new object's texts as stored: the titles trimmed, what was not given null. */
export function storedBilingualTexts(input: {
  titleFa: string;
  titleEn?: string | null;
  descriptionFa?: string | null;
  descriptionEn?: string | null;
}): BilingualTexts {
  return {
    titleFa: input.titleFa.trim(),
    titleEn: input.titleEn?.trim() ?? null,
    descriptionFa: input.descriptionFa ?? null,
    descriptionEn: input.descriptionEn ?? null,
  };
}

/** The texts an update sets: those it gives (null clears), the titles trimmed. The Persian title is never null here. */
export function bilingualTextChanges(input: {
  titleFa?: string | null;
  titleEn?: string | null;
  descriptionFa?: string | null;
  descriptionEn?: string | null;
}): Partial<BilingualTexts> {
  const changes: Partial<BilingualTexts> = {};
  if (input.titleFa !== undefined) changes.titleFa = input.titleFa!.trim();
  if (input.titleEn !== undefined) changes.titleEn = input.titleEn?.trim() ?? null;
  if (input.descriptionFa !== undefined) changes.descriptionFa = input.descriptionFa;
  if (input.descriptionEn !== undefined) changes.descriptionEn = input.descriptionEn;
  return changes;
}

/** Input fields of a new object's title: Persian required, English optional. */
export function NewBilingualTitle(titleMax: number) {
  @InputType()
  abstract class NewTitle {
    @TextInput({ description: `Persian title, at most ${titleMax} characters.`, max: titleMax })
    titleFa: string;

    @TextInput({ description: `English title, at most ${titleMax} characters.`, max: titleMax, optional: true })
    titleEn?: string | null;
  }
  return NewTitle;
}

/** A new object's title and description, in Persian and English (the descriptions optional). */
export function NewBilingualTexts(limits: { title: number; description: number }) {
  @InputType()
  abstract class NewTexts extends NewBilingualTitle(limits.title) {
    @TextInput({
      description: `Persian description, at most ${limits.description} characters.`,
      max: limits.description,
      optional: true,
      allowBlank: true,
    })
    descriptionFa?: string | null;

    @TextInput({
      description: `English description, at most ${limits.description} characters.`,
      max: limits.description,
      optional: true,
      allowBlank: true,
    })
    descriptionEn?: string | null;
  }
  return NewTexts;
}

/** Which object to change (`the` names it: "goal", "event" …), and its title: omitted keeps it, null clears the English. */
export function BilingualTitleChanges(the: string, titleMax: number) {
  @InputType()
  abstract class TitleChanges {
    @IdInput({ description: `The ${the} to change.` })
    id: string;

    @TextInput({ description: 'Persian title; cannot be cleared.', max: titleMax, optional: true })
    titleFa?: string | null;

    @TextInput({ description: 'English title.', max: titleMax, optional: true })
    titleEn?: string | null;
  }
  return TitleChanges;
}

/** Which object to change, and its title and description in either language. */
export function BilingualTextChanges(the: string, limits: { title: number; description: number }) {
  @InputType()
  abstract class TextChanges extends BilingualTitleChanges(the, limits.title) {
    @TextInput({ description: 'Persian description.', max: limits.description, optional: true, allowBlank: true })
    descriptionFa?: string | null;

    @TextInput({ description: 'English description.', max: limits.description, optional: true, allowBlank: true })
    descriptionEn?: string | null;
  }
  return TextChanges;
}
