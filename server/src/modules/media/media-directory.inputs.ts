import { ArrayMaxSize, IsOptional, IsUrl, Matches, MaxLength } from 'class-validator';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { IdInput, IsCleanText, stacked, TextInput } from '../../common/validation';
import { MAX_PHONES } from './contact-details';
import { MediaContact } from './media-contact.entity';
import { MediaOutlet } from './media-outlet.entity';
import { MediaOutletKind } from './media.enums';

const NAME_MAX = 200;
const URL_MAX = 500;
const NOTES_MAX = 5000;
const BEAT_MAX = 60;
const BEATS_MAX = 10;
const URL_RULE = { protocols: ['http', 'https'], require_protocol: true };
const URL_MESSAGE = { message: 'url must be an http or https address' };
const LANGUAGE = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const LANGUAGE_MESSAGE = { message: 'language must be a BCP 47 code such as fa, en or ar' };
const SEARCH_DESCRIPTION = 'Arabic ي/ك match Persian ی/ک; ZWNJ, diacritics and Persian digits are read alike.';

// Fields that more than one input below takes, each with its rules.
const UrlInput = () =>
  stacked(
    Field(() => String, { nullable: true, description: 'Website or account address, http or https.' }),
    IsOptional(),
    MaxLength(URL_MAX),
    IsUrl(URL_RULE, URL_MESSAGE),
  );
const PhonesInput = (description: string) =>
  stacked(
    Field(() => [String], { nullable: true, description }),
    IsOptional(),
    ArrayMaxSize(MAX_PHONES),
    MaxLength(40, { each: true }),
  );
const EmailInput = () =>
  stacked(
    Field(() => String, { nullable: true, description: 'E-mail address; stored lower-case.' }),
    IsOptional(),
    MaxLength(254),
  );
const BeatsInput = (description: string) =>
  stacked(
    Field(() => [String], { nullable: true, description }),
    IsOptional(),
    ArrayMaxSize(BEATS_MAX),
    MaxLength(BEAT_MAX, { each: true }),
    IsCleanText({ each: true }),
  );
const LanguageInput = (description: string) =>
  stacked(
    Field(() => String, { nullable: true, description }),
    IsOptional(),
    Matches(LANGUAGE, LANGUAGE_MESSAGE),
    MaxLength(20),
  );

@InputType({ description: 'Which outlets to list.' })
export class MediaOutletFilter {
  @TextInput({
    description: `Words to find in the outlet's name, in either language. ${SEARCH_DESCRIPTION}`,
    max: 200,
    optional: true,
    allowBlank: true,
  })
  search?: string | null;

  @Field(() => [MediaOutletKind], { nullable: true, description: 'Only outlets of these kinds.' })
  @IsOptional()
  @ArrayMaxSize(5)
  kinds?: MediaOutletKind[] | null;
}

@InputType({ description: 'A new outlet.' })
export class CreateMediaOutletInput {
  @TextInput({ description: `Persian name, at most ${NAME_MAX} characters; unique (ignoring ي/ی, ZWNJ and diacritics).`, max: NAME_MAX })
  nameFa: string;

  @TextInput({ description: `English name, at most ${NAME_MAX} characters.`, max: NAME_MAX, optional: true })
  nameEn?: string | null;

  @Field(() => MediaOutletKind, { description: 'What kind of outlet it is.' })
  kind: MediaOutletKind;

  @UrlInput()
  url?: string | null;

  @TextInput({ description: `Notes, at most ${NOTES_MAX} characters of plain text.`, max: NOTES_MAX, optional: true, allowBlank: true })
  notes?: string | null;
}

@InputType({ description: 'Changes to an outlet. Omitted fields keep their value; null clears an optional field.' })
export class UpdateMediaOutletInput {
  @IdInput({ description: 'The outlet to change.' })
  id: string;

  @TextInput({ description: 'Persian name; cannot be cleared.', max: NAME_MAX, optional: true })
  nameFa?: string | null;

  @TextInput({ description: 'English name.', max: NAME_MAX, optional: true })
  nameEn?: string | null;

  @Field(() => MediaOutletKind, { nullable: true, description: 'Kind; cannot be cleared.' })
  @IsOptional()
  kind?: MediaOutletKind | null;

  @UrlInput()
  url?: string | null;

  @TextInput({ description: 'Notes, plain text.', max: NOTES_MAX, optional: true, allowBlank: true })
  notes?: string | null;
}

@InputType({ description: 'The outlet to delete.' })
export class DeleteMediaOutletInput {
  @IdInput({ description: 'The outlet to delete. Refused (CONFLICT) while contacts or coverage refer to it.' })
  id: string;
}

@ObjectType({ description: 'The created outlet.' })
export class CreateMediaOutletPayload {
  @Field(() => MediaOutlet, { description: 'The outlet as stored.' })
  outlet: MediaOutlet;
}

@ObjectType({ description: 'The changed outlet.' })
export class UpdateMediaOutletPayload {
  @Field(() => MediaOutlet, { description: 'The outlet as stored after the change.' })
  outlet: MediaOutlet;
}

@ObjectType({ description: 'The result of deleting an outlet.' })
export class DeleteMediaOutletPayload {
  @Field(() => ID, { description: 'The id of the outlet that was deleted.' })
  deletedOutletId: string;
}

@InputType({ description: 'Which media contacts to list.' })
export class MediaContactFilter {
  @Field(() => String, {
    nullable: true,
    description: `Words to find; each must appear in the contact's name, role or beats, or in their outlet's name. ${SEARCH_DESCRIPTION}`,
  })
  @IsOptional()
  @MaxLength(200)
  @IsCleanText()
  search?: string | null;

  @IdInput({ description: 'Only contacts at this outlet.', optional: true })
  outletId?: string | null;

  @TextInput({
    description: `Only contacts with this beat (whole beat, matched the Persian-aware way). ${SEARCH_DESCRIPTION}`,
    max: BEAT_MAX,
    optional: true,
    allowBlank: true,
  })
  beat?: string | null;

  @LanguageInput('Only contacts working in this language (BCP 47 code).')
  language?: string | null;
}

@InputType({ description: 'A new media contact.' })
export class CreateMediaContactInput {
  @TextInput({ description: `Full name, at most ${NAME_MAX} characters.`, max: NAME_MAX })
  name: string;

  @TextInput({ description: `Role at the outlet, at most ${NAME_MAX} characters.`, max: NAME_MAX, optional: true })
  role?: string | null;

  @IdInput({ description: 'The outlet they work for; none for freelancers.', optional: true })
  outletId?: string | null;

  @PhonesInput(
    `Up to ${MAX_PHONES} telephone numbers. Persian and Arabic digits, spaces, hyphens and brackets are accepted and normalised; 00 becomes +.`,
  )
  phones?: string[] | null;

  @EmailInput()
  email?: string | null;

  @BeatsInput(`Up to ${BEATS_MAX} subjects they cover, each at most ${BEAT_MAX} characters.`)
  beats?: string[] | null;

  @LanguageInput('The language they work in, as a BCP 47 code; fa when omitted.')
  language?: string | null;

  @TextInput({ description: `Notes, at most ${NOTES_MAX} characters of plain text.`, max: NOTES_MAX, optional: true, allowBlank: true })
  notes?: string | null;
}

@InputType({
  description: 'Changes to a media contact. Omitted fields keep their value; null clears an optional field (and empties a list).',
})
export class UpdateMediaContactInput {
  @IdInput({ description: 'The contact to change.' })
  id: string;

  @TextInput({ description: 'Full name; cannot be cleared.', max: NAME_MAX, optional: true })
  name?: string | null;

  @TextInput({ description: 'Role at the outlet.', max: NAME_MAX, optional: true })
  role?: string | null;

  @IdInput({ description: 'The outlet they work for.', optional: true })
  outletId?: string | null;

  @PhonesInput(`The telephone numbers (replaces the list), up to ${MAX_PHONES}.`)
  phones?: string[] | null;

  @EmailInput()
  email?: string | null;

  @BeatsInput(`The beats (replaces the list), up to ${BEATS_MAX}.`)
  beats?: string[] | null;

  @LanguageInput('The language they work in; cannot be cleared.')
  language?: string | null;

  @TextInput({ description: 'Notes, plain text.', max: NOTES_MAX, optional: true, allowBlank: true })
  notes?: string | null;
}

@InputType({ description: 'The contact to delete.' })
export class DeleteMediaContactInput {
  @IdInput({ description: 'The contact to delete, with their log entries, their place on distribution lists and their invitations.' })
  id: string;
}

@ObjectType({ description: 'The created contact.' })
export class CreateMediaContactPayload {
  @Field(() => MediaContact, { description: 'The contact as stored.' })
  contact: MediaContact;
}

@ObjectType({ description: 'The changed contact.' })
export class UpdateMediaContactPayload {
  @Field(() => MediaContact, { description: 'The contact as stored after the change.' })
  contact: MediaContact;
}

@ObjectType({ description: 'The result of deleting a contact.' })
export class DeleteMediaContactPayload {
  @Field(() => ID, { description: 'The id of the contact that was deleted.' })
  deletedContactId: string;
}
