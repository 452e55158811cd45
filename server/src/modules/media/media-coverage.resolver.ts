import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { CurrentActor, StaffOnly } from '../../graphql/access';
import { type Actor } from '../staff/staff.policy';
import { type Context } from '../../graphql/context';
import { Locale } from '../../common/locale';
import { Connection, PageArgs } from '../../common/pagination';
import { StaffUser } from '../staff/staff.entity';
import { MediaCoverage } from './media-coverage.entity';
import {
  DeleteMediaCoverageInput,
  DeleteMediaCoveragePayload,
  MediaCoverageFilter,
  MediaCoverageSummaryFilter,
  RecordMediaCoverageInput,
  RecordMediaCoveragePayload,
  UpdateMediaCoverageInput,
  UpdateMediaCoveragePayload,
} from './media-coverage.inputs';
import { CoverageToneSummary, MonthToneSummary, OutletToneSummary } from './media-coverage.types';
import { MediaOutlet } from './media-outlet.entity';
import { MEDIA_STAFF } from './media.policy';
import { PressRelease } from './press-release.entity';

export const MediaCoverageConnection = Connection(MediaCoverage, 'MediaCoverage');

@Resolver(() => MediaCoverage)
export class MediaCoverageResolver {
  @StaffOnly(...MEDIA_STAFF)
  @Query(() => MediaCoverageConnection, { description: 'Coverage of the municipality, newest first. Media officers and admins.' })
  mediaCoverage(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => MediaCoverageFilter, { nullable: true, description: 'Narrows the list.' }) filter: MediaCoverageFilter | null,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.mediaCoverage.list({ first: page.first, after: page.after, filter });
  }

  @StaffOnly(...MEDIA_STAFF)
  @Query(() => CoverageToneSummary, {
    description: 'Coverage counted by tone: over all, by outlet and by Solar Hijri month. Media officers and admins.',
  })
  mediaCoverageToneSummary(
    @Arg('filter', () => MediaCoverageSummaryFilter, { nullable: true, description: 'Which coverage to count; all when omitted.' })
    filter: MediaCoverageSummaryFilter | null,
    @Ctx() ctx: Context,
  ): Promise<CoverageToneSummary> {
    return ctx.services.mediaCoverage.toneSummary(filter);
  }

  @StaffOnly(...MEDIA_STAFF)
  @Mutation(() => RecordMediaCoveragePayload, {
    description: 'Records an article, broadcast or post about the municipality. Media officers and admins.',
  })
  async recordMediaCoverage(
    @Arg('input', () => RecordMediaCoverageInput, { description: 'The coverage.' }) input: RecordMediaCoverageInput,
    @CurrentActor() actor: Actor,
    @Ctx() ctx: Context,
  ): Promise<RecordMediaCoveragePayload> {
    return { coverage: await ctx.services.mediaCoverage.record(actor, input) };
  }

  @StaffOnly(...MEDIA_STAFF)
  @Mutation(() => UpdateMediaCoveragePayload, {
    description: 'Changes recorded coverage (its tone, for example). Media officers and admins.',
  })
  async updateMediaCoverage(
    @Arg('input', () => UpdateMediaCoverageInput, { description: 'The coverage and the changes.' }) input: UpdateMediaCoverageInput,
    @CurrentActor() actor: Actor,
    @Ctx() ctx: Context,
  ): Promise<UpdateMediaCoveragePayload> {
    return { coverage: await ctx.services.mediaCoverage.update(actor, input) };
  }

  @StaffOnly(...MEDIA_STAFF)
  @Mutation(() => DeleteMediaCoveragePayload, { description: 'Deletes a coverage record. Media officers and admins.' })
  async deleteMediaCoverage(
    @Arg('input', () => DeleteMediaCoverageInput, { description: 'The coverage.' }) input: DeleteMediaCoverageInput,
    @CurrentActor() actor: Actor,
    @Ctx() ctx: Context,
  ): Promise<DeleteMediaCoveragePayload> {
    return { deletedCoverageId: await ctx.services.mediaCoverage.delete(actor, input.id) };
  }

  @FieldResolver(() => MediaOutlet, { nullable: true, description: 'The outlet that ran it.' })
  outlet(@Root() coverage: MediaCoverage, @Ctx() ctx: Context): Promise<MediaOutlet | null> {
    return ctx.loaders.mediaOutletById.load(coverage.outletId);
  }

  @FieldResolver(() => PressRelease, { nullable: true, description: 'The press release it reports on, when there is one.' })
  pressRelease(@Root() coverage: MediaCoverage, @Ctx() ctx: Context): Promise<PressRelease | null> | null {
    return coverage.pressReleaseId ? ctx.loaders.pressReleaseById.load(coverage.pressReleaseId) : null;
  }

  @FieldResolver(() => StaffUser, { nullable: true, description: 'The staff member who recorded it.' })
  recordedBy(@Root() coverage: MediaCoverage, @Ctx() ctx: Context): Promise<StaffUser | null> {
    return ctx.loaders.staffUserById.load(coverage.recordedById);
  }
}

@Resolver(() => OutletToneSummary)
export class OutletToneSummaryResolver {
  @FieldResolver(() => MediaOutlet, { nullable: true, description: 'The outlet.' })
  outlet(@Root() row: OutletToneSummary, @Ctx() ctx: Context): Promise<MediaOutlet | null> {
    return ctx.loaders.mediaOutletById.load(row.outletId);
  }
}

@Resolver(() => MonthToneSummary)
export class MonthToneSummaryResolver {
  @FieldResolver(() => String, { description: "The month's name and year in the requested language: «مهر ۱۴۰۴» or «Mehr 1404»." })
  label(
    @Root() row: MonthToneSummary,
    @Ctx() ctx: Context,
    @Arg('locale', () => Locale, { nullable: true, description: 'Overrides the request language.' }) locale?: Locale,
  ): string {
    return (locale ?? ctx.locale) === Locale.EN ? row.labelEn : row.labelFa;
  }
}
