import { ArrayMaxSize, IsOptional, Matches, MaxLength } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { BilingualTitleChanges, NewBilingualTitle } from '../../common/bilingual-texts';
import { IdInput, IdsInput, IsCleanText, TextInput } from '../../common/validation';
import { PressRelease } from './press-release.entity';
import { PressReleaseStatus } from './media.enums';
import { SLUG_MAX, SLUG_PATTERN } from './slug';

const TITLE_MAX = 300;
const SUMMARY_MAX = 1000;
const BODY_MAX = 50_000;
export const DISTRIBUTION_BATCH_MAX = 500;
const SLUG_MESSAGE = { message: 'slug must be lower-case ASCII letters and digits, words joined by single hyphens' };

@InputType({ description: 'Which news items to list.' })
export class NewsFilter {
  @IdInput({ description: 'Only news about this district.', optional: true })
  districtId?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Words to find in the title or summary, in either language. Arabic ي/ك match Persian ی/ک; ZWNJ and diacritics are ignored.',
  })
  @IsOptional()
  @MaxLength(200)
  @IsCleanText()
  search?: string | null;
}

@InputType({ description: 'Which press releases to list.' })
export class PressReleaseFilter extends NewsFilter {
  @Field(() => [PressReleaseStatus], { nullable: true, description: 'Only releases in these statuses.' })
  @IsOptional()
  @ArrayMaxSize(3)
  statuses?: PressReleaseStatus[] | null;
}

@InputType({ description: 'A new press release; it starts as a draft.' })
export class CreatePressReleaseInput extends NewBilingualTitle(TITLE_MAX) {
  @TextInput({
    description: `English title, at most ${TITLE_MAX} characters; the slug is made from it when none is given.`,
    max: TITLE_MAX,
    optional: true,
  })
  declare titleEn?: string | null;

  @TextInput({
    description: `Persian summary (lead), at most ${SUMMARY_MAX} characters.`,
    max: SUMMARY_MAX,
    optional: true,
    allowBlank: true,
  })
  summaryFa?: string | null;

  @TextInput({ description: `English summary, at most ${SUMMARY_MAX} characters.`, max: SUMMARY_MAX, optional: true, allowBlank: true })
  summaryEn?: string | null;

  @TextInput({
    description: `Persian body, plain text (paragraphs separated by blank lines), at most ${BODY_MAX} characters.`,
    max: BODY_MAX,
  })
  bodyFa: string;

  @TextInput({ description: `English body, plain text, at most ${BODY_MAX} characters.`, max: BODY_MAX, optional: true, allowBlank: true })
  bodyEn?: string | null;

  @IdInput({ description: 'The district it concerns; the whole city when omitted.', optional: true })
  districtId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: `The address of the news item, at most ${SLUG_MAX} characters of a-z, 0-9 and single hyphens. When omitted: from the English title, or news-<part of the id>.`,
  })
  @IsOptional()
  @MaxLength(SLUG_MAX)
  @Matches(SLUG_PATTERN, SLUG_MESSAGE)
  slug?: string | null;
}

@InputType({
  description:
    'Changes to a press release (a published one too: corrections show at once). Omitted fields keep their value; null clears an optional field.',
})
export class UpdatePressReleaseInput extends BilingualTitleChanges('release', TITLE_MAX) {
  @TextInput({ description: 'Persian summary.', max: SUMMARY_MAX, optional: true, allowBlank: true })
  summaryFa?: string | null;

  @TextInput({ description: 'English summary.', max: SUMMARY_MAX, optional: true, allowBlank: true })
  summaryEn?: string | null;

  @TextInput({ description: 'Persian body; cannot be cleared.', max: BODY_MAX, optional: true })
  bodyFa?: string | null;

  @TextInput({ description: 'English body.', max: BODY_MAX, optional: true, allowBlank: true })
  bodyEn?: string | null;

  @IdInput({ description: 'The district it concerns; null for the whole city.', optional: true })
  districtId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'A new slug: only before the release is first published (CONFLICT afterwards); cannot be cleared.',
  })
  @IsOptional()
  @MaxLength(SLUG_MAX)
  @Matches(SLUG_PATTERN, SLUG_MESSAGE)
  slug?: string | null;
}

@InputType({ description: 'The release to publish, and optionally the contacts it is being sent to.' })
export class PublishPressReleaseInput {
  @IdInput({ description: 'A DRAFT or WITHDRAWN release.' })
  id: string;

  @IdsInput({
    description: `Contacts it is sent to now (recorded on its distribution list), at most ${DISTRIBUTION_BATCH_MAX}.`,
    max: DISTRIBUTION_BATCH_MAX,
    emptyByDefault: true,
  })
  contactIds: string[];
}

@InputType({ description: 'The release to take off the public site.' })
export class WithdrawPressReleaseInput {
  @IdInput({ description: 'A PUBLISHED release.' })
  id: string;
}

@InputType({ description: 'The draft to delete.' })
export class DeletePressReleaseInput {
  @IdInput({ description: 'A DRAFT release; a release that was ever published can only be withdrawn.' })
  id: string;
}

@InputType({ description: 'Contacts a published release was sent to.' })
export class RecordPressReleaseDistributionInput {
  @IdInput({ description: 'A PUBLISHED release.' })
  releaseId: string;

  @IdsInput({
    description: `1 to ${DISTRIBUTION_BATCH_MAX} contacts. A contact already on the list keeps the first sending time.`,
    max: DISTRIBUTION_BATCH_MAX,
    min: 1,
  })
  contactIds: string[];

  @Field(() => Date, { nullable: true, description: 'When it was sent; now when omitted. Not in the future.' })
  @IsOptional()
  sentAt?: Date | null;
}

@ObjectType({ description: 'The created draft.' })
export class CreatePressReleasePayload {
  @Field(() => PressRelease, { description: 'The release as stored.' })
  pressRelease: PressRelease;
}

@ObjectType({ description: 'The changed release.' })
export class UpdatePressReleasePayload {
  @Field(() => PressRelease, { description: 'The release as stored after the change.' })
  pressRelease: PressRelease;
}

@ObjectType({ description: 'The published release.' })
export class PublishPressReleasePayload {
  @Field(() => PressRelease, { description: 'The release, now PUBLISHED.' })
  pressRelease: PressRelease;

  @Field(() => Int, { description: 'Contacts newly added to its distribution list.' })
  addedRecipientCount: number;
}

@ObjectType({ description: 'The withdrawn release.' })
export class WithdrawPressReleasePayload {
  @Field(() => PressRelease, { description: 'The release, now WITHDRAWN.' })
  pressRelease: PressRelease;
}

@ObjectType({ description: 'The result of deleting a draft.' })
export class DeletePressReleasePayload {
  @Field(() => ID, { description: 'The id of the draft that was deleted.' })
  deletedPressReleaseId: string;
}

@ObjectType({ description: 'The release with its distribution list extended.' })
export class RecordPressReleaseDistributionPayload {
  @Field(() => PressRelease, { description: 'The release.' })
  pressRelease: PressRelease;

  @Field(() => Int, { description: 'Contacts newly added to its distribution list (those already on it are left as they were).' })
  addedRecipientCount: number;
}
