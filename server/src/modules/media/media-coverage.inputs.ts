import { ArrayMaxSize, IsOptional, IsUrl, MaxLength } from 'class-validator';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { IdInput, TextInput } from '../../common/validation';
import { IsLocalDate } from './local-date';
import { MediaCoverage } from './media-coverage.entity';
import { CoverageKind, CoverageTone } from './media.enums';

const TITLE_MAX = 500;
const URL_MAX = 2000;
const SUMMARY_MAX = 5000;
const URL_RULE = { protocols: ['http', 'https'], require_protocol: true };
const URL_MESSAGE = { message: 'url must be an http or https address' };

@InputType({ description: 'Which coverage to count in the tone summary.' })
export class MediaCoverageSummaryFilter {
  @Field(() => String, { nullable: true, description: 'Only coverage that appeared on or after this day (LocalDate, YYYY-MM-DD).' })
  @IsOptional()
  @IsLocalDate()
  from?: string | null;

  @Field(() => String, { nullable: true, description: 'Only coverage that appeared on or before this day (LocalDate, YYYY-MM-DD).' })
  @IsOptional()
  @IsLocalDate()
  to?: string | null;

  @IdInput({ description: 'Only coverage by this outlet.', optional: true })
  outletId?: string | null;

  @Field(() => [CoverageKind], { nullable: true, description: 'Only coverage of these kinds.' })
  @IsOptional()
  @ArrayMaxSize(3)
  kinds?: CoverageKind[] | null;
}

@InputType({ description: 'Which coverage to list.' })
export class MediaCoverageFilter extends MediaCoverageSummaryFilter {
  @Field(() => [CoverageTone], { nullable: true, description: 'Only coverage of these tones.' })
  @IsOptional()
  @ArrayMaxSize(3)
  tones?: CoverageTone[] | null;

  @IdInput({ description: 'Only coverage of this press release.', optional: true })
  pressReleaseId?: string | null;
}

@InputType({ description: 'A piece of coverage to record.' })
export class RecordMediaCoverageInput {
  @IdInput({ description: 'The outlet that ran it.' })
  outletId: string;

  @TextInput({ description: `Headline or programme title, at most ${TITLE_MAX} characters.`, max: TITLE_MAX })
  title: string;

  @Field(() => String, { nullable: true, description: 'Link to it, http or https.' })
  @IsOptional()
  @MaxLength(URL_MAX)
  @IsUrl(URL_RULE, URL_MESSAGE)
  url?: string | null;

  @Field({ description: "The day it appeared, a LocalDate (YYYY-MM-DD) in the city's time zone." })
  @IsLocalDate()
  publishedOn: string;

  @Field(() => CoverageKind, { description: 'Article, broadcast or social post.' })
  kind: CoverageKind;

  @Field(() => CoverageTone, { description: 'How it speaks of the municipality.' })
  tone: CoverageTone;

  @TextInput({
    description: `What it says, at most ${SUMMARY_MAX} characters of plain text.`,
    max: SUMMARY_MAX,
    optional: true,
    allowBlank: true,
  })
  summary?: string | null;

  @IdInput({ description: 'The press release it reports on.', optional: true })
  pressReleaseId?: string | null;
}

@InputType({ description: 'Changes to recorded coverage. Omitted fields keep their value; null clears an optional field.' })
export class UpdateMediaCoverageInput {
  @IdInput({ description: 'The coverage to change.' })
  id: string;

  @IdInput({ description: 'The outlet; cannot be cleared.', optional: true })
  outletId?: string | null;

  @TextInput({ description: 'Headline; cannot be cleared.', max: TITLE_MAX, optional: true })
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'Link, http or https.' })
  @IsOptional()
  @MaxLength(URL_MAX)
  @IsUrl(URL_RULE, URL_MESSAGE)
  url?: string | null;

  @Field(() => String, { nullable: true, description: 'The day it appeared (YYYY-MM-DD); cannot be cleared.' })
  @IsOptional()
  @IsLocalDate()
  publishedOn?: string | null;

  @Field(() => CoverageKind, { nullable: true, description: 'Kind; cannot be cleared.' })
  @IsOptional()
  kind?: CoverageKind | null;

  @Field(() => CoverageTone, { nullable: true, description: 'Tone; cannot be cleared.' })
  @IsOptional()
  tone?: CoverageTone | null;

  @TextInput({ description: 'Summary, plain text.', max: SUMMARY_MAX, optional: true, allowBlank: true })
  summary?: string | null;

  @IdInput({ description: 'The press release it reports on.', optional: true })
  pressReleaseId?: string | null;
}

@InputType({ description: 'The coverage record to delete.' })
export class DeleteMediaCoverageInput {
  @IdInput({ description: 'The coverage record to delete.' })
  id: string;
}

@ObjectType({ description: 'The recorded coverage.' })
export class RecordMediaCoveragePayload {
  @Field(() => MediaCoverage, { description: 'The coverage as stored.' })
  coverage: MediaCoverage;
}

@ObjectType({ description: 'The changed coverage.' })
export class UpdateMediaCoveragePayload {
  @Field(() => MediaCoverage, { description: 'The coverage as stored after the change.' })
  coverage: MediaCoverage;
}

@ObjectType({ description: 'The result of deleting a coverage record.' })
export class DeleteMediaCoveragePayload {
  @Field(() => ID, { description: 'The id of the coverage record that was deleted.' })
  deletedCoverageId: string;
}
