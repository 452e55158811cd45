import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { notFound } from '../../common/errors';
import { CurrentActor, Public, StaffOnly } from '../../graphql/access';
import { type Actor } from '../staff/staff.policy';
import { type Context } from '../../graphql/context';
import { Locale, LocalizedText, pick } from '../../common/locale';
import { Connection, PageArgs } from '../../common/pagination';
import { District } from '../districts/district.entity';
import { StaffUser } from '../staff/staff.entity';
import { MediaContact } from './media-contact.entity';
import { MEDIA_STAFF } from './media.policy';
import { NewsItem } from './news.types';
import { PressRelease, PressReleaseDistribution, RELEASE_TEXTS } from './press-release.entity';
import {
  CreatePressReleaseInput,
  CreatePressReleasePayload,
  DeletePressReleaseInput,
  DeletePressReleasePayload,
  NewsFilter,
  PressReleaseFilter,
  PublishPressReleaseInput,
  PublishPressReleasePayload,
  RecordPressReleaseDistributionInput,
  RecordPressReleaseDistributionPayload,
  UpdatePressReleaseInput,
  UpdatePressReleasePayload,
  WithdrawPressReleaseInput,
  WithdrawPressReleasePayload,
} from './press-release.inputs';

export const NewsItemConnection = Connection(NewsItem, 'NewsItem');
export const PressReleaseConnection = Connection(PressRelease, 'PressRelease');

const localeArg = { nullable: true, description: 'Overrides the request language.' } as const;

/** The text a release and its news item share. */
type ReleaseText = Pick<PressRelease, (typeof RELEASE_TEXTS)[number]>;
const title = (r: ReleaseText, locale: Locale) => pick({ fa: r.titleFa, en: r.titleEn }, locale) ?? r.titleFa;
const summary = (r: ReleaseText, locale: Locale) => pick({ fa: r.summaryFa, en: r.summaryEn }, locale);
const body = (r: ReleaseText, locale: Locale) => (locale === Locale.EN && r.bodyEn ? r.bodyEn : r.bodyFa);

@Resolver(() => NewsItem)
export class NewsResolver {
  @Public()
  @Query(() => NewsItemConnection, { description: "The municipality's news: published press releases, newest first." })
  news(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => NewsFilter, { nullable: true, description: 'Narrows the list.' }) filter: NewsFilter | null,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.pressReleases.news({ first: page.first, after: page.after, filter });
  }

  @Public()
  @Query(() => NewsItem, {
    nullable: true,
    description:
      'One news item by its slug. Null, with a NOT_FOUND error, when no published release has it (drafts and withdrawn releases included).',
  })
  newsItem(@Arg('slug', { description: "The item's slug, as in its `slug` field." }) slug: string, @Ctx() ctx: Context): Promise<NewsItem> {
    return ctx.services.pressReleases.newsItem(slug);
  }

  @FieldResolver(() => String, { description: 'The headline in the requested language (Persian when there is no English).' })
  title(@Root() item: NewsItem, @Ctx() ctx: Context, @Arg('locale', () => Locale, localeArg) locale?: Locale): string {
    return title(item, locale ?? ctx.locale);
  }

  @FieldResolver(() => String, { nullable: true, description: 'The summary (lead) in the requested language, if there is one.' })
  summary(@Root() item: NewsItem, @Ctx() ctx: Context, @Arg('locale', () => Locale, localeArg) locale?: Locale): string | null {
    return summary(item, locale ?? ctx.locale);
  }

  @FieldResolver(() => String, {
    description:
      'The full text in the requested language, as plain text (paragraphs separated by blank lines): escape it when rendering HTML.',
  })
  body(@Root() item: NewsItem, @Ctx() ctx: Context, @Arg('locale', () => Locale, localeArg) locale?: Locale): string {
    return body(item, locale ?? ctx.locale);
  }

  @FieldResolver(() => LocalizedText, { description: 'The headline in both languages.' })
  titleTranslations(@Root() item: NewsItem): LocalizedText {
    return { fa: item.titleFa, en: item.titleEn };
  }

  @FieldResolver(() => LocalizedText, { description: 'The summary in both languages (fa is empty when there is none).' })
  summaryTranslations(@Root() item: NewsItem): LocalizedText {
    return { fa: item.summaryFa ?? '', en: item.summaryEn };
  }

  @FieldResolver(() => LocalizedText, { description: 'The full text in both languages.' })
  bodyTranslations(@Root() item: NewsItem): LocalizedText {
    return { fa: item.bodyFa, en: item.bodyEn };
  }

  @FieldResolver(() => District, { nullable: true, description: 'The district it concerns; null for the whole city.' })
  district(@Root() item: NewsItem, @Ctx() ctx: Context): Promise<District | null> | null {
    return item.districtId ? ctx.loaders.districtById.load(item.districtId) : null;
  }
}

@Resolver(() => PressRelease)
export class PressReleaseResolver {
  @StaffOnly(...MEDIA_STAFF)
  @Query(() => PressReleaseConnection, { description: 'Press releases in every status, newest created first. Media officers and admins.' })
  pressReleases(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => PressReleaseFilter, { nullable: true, description: 'Narrows the list.' }) filter: PressReleaseFilter | null,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.pressReleases.list({ first: page.first, after: page.after, filter });
  }

  @StaffOnly(...MEDIA_STAFF)
  @Query(() => PressRelease, {
    nullable: true,
    description: 'One press release in any status; NOT_FOUND when there is none. Media officers and admins.',
  })
  async pressRelease(@Arg('id', () => ID, { description: "The release's id." }) id: string, @Ctx() ctx: Context): Promise<PressRelease> {
    const release = await ctx.loaders.pressReleaseById.load(id);
    if (!release) throw notFound('Press release');
    return release;
  }

  @StaffOnly(...MEDIA_STAFF)
  @Mutation(() => CreatePressReleasePayload, {
    description: 'Writes a press release as a DRAFT. A slug already taken is CONFLICT. Media officers and admins.',
  })
  async createPressRelease(
    @Arg('input', () => CreatePressReleaseInput, { description: 'The release.' }) input: CreatePressReleaseInput,
    @CurrentActor() actor: Actor,
    @Ctx() ctx: Context,
  ): Promise<CreatePressReleasePayload> {
    return { pressRelease: await ctx.services.pressReleases.create(actor, input) };
  }

  @StaffOnly(...MEDIA_STAFF)
  @Mutation(() => UpdatePressReleasePayload, {
    description: 'Changes a press release; the slug only before it is first published (CONFLICT afterwards). Media officers and admins.',
  })
  async updatePressRelease(
    @Arg('input', () => UpdatePressReleaseInput, { description: 'The release and the changes.' }) input: UpdatePressReleaseInput,
    @CurrentActor() actor: Actor,
    @Ctx() ctx: Context,
  ): Promise<UpdatePressReleasePayload> {
    return { pressRelease: await ctx.services.pressReleases.update(actor, input) };
  }

  @StaffOnly(...MEDIA_STAFF)
  @Mutation(() => PublishPressReleasePayload, {
    description:
      'Publishes a DRAFT or WITHDRAWN release: it becomes public news at once. Contacts given are recorded on its distribution list. Already published: CONFLICT. Media officers and admins.',
  })
  async publishPressRelease(
    @Arg('input', () => PublishPressReleaseInput, { description: 'The release, and the contacts it is sent to.' })
    input: PublishPressReleaseInput,
    @CurrentActor() actor: Actor,
    @Ctx() ctx: Context,
  ): Promise<PublishPressReleasePayload> {
    const { release, added } = await ctx.services.pressReleases.publish(actor, input.id, input.contactIds);
    return { pressRelease: release, addedRecipientCount: added };
  }

  @StaffOnly(...MEDIA_STAFF)
  @Mutation(() => WithdrawPressReleasePayload, {
    description:
      'Takes a PUBLISHED release off the public site (WITHDRAWN); it keeps its slug and distribution list and may be published again. Otherwise CONFLICT. Media officers and admins.',
  })
  async withdrawPressRelease(
    @Arg('input', () => WithdrawPressReleaseInput, { description: 'The release.' }) input: WithdrawPressReleaseInput,
    @CurrentActor() actor: Actor,
    @Ctx() ctx: Context,
  ): Promise<WithdrawPressReleasePayload> {
    return { pressRelease: await ctx.services.pressReleases.withdraw(actor, input.id) };
  }

  @StaffOnly(...MEDIA_STAFF)
  @Mutation(() => DeletePressReleasePayload, {
    description: 'Deletes a draft that was never published (CONFLICT otherwise: withdraw it instead). Media officers and admins.',
  })
  async deletePressRelease(
    @Arg('input', () => DeletePressReleaseInput, { description: 'The draft.' }) input: DeletePressReleaseInput,
    @CurrentActor() actor: Actor,
    @Ctx() ctx: Context,
  ): Promise<DeletePressReleasePayload> {
    return { deletedPressReleaseId: await ctx.services.pressReleases.delete(actor, input.id) };
  }

  @StaffOnly(...MEDIA_STAFF)
  @Mutation(() => RecordPressReleaseDistributionPayload, {
    description:
      'Records contacts a PUBLISHED release was sent to (CONFLICT for other statuses). The server sends nothing itself. Media officers and admins.',
  })
  async recordPressReleaseDistribution(
    @Arg('input', () => RecordPressReleaseDistributionInput, { description: 'The release and the contacts.' })
    input: RecordPressReleaseDistributionInput,
    @CurrentActor() actor: Actor,
    @Ctx() ctx: Context,
  ): Promise<RecordPressReleaseDistributionPayload> {
    const { release, added } = await ctx.services.pressReleases.recordDistribution(actor, input.releaseId, input.contactIds, input.sentAt);
    return { pressRelease: release, addedRecipientCount: added };
  }

  @FieldResolver(() => String, { description: 'The headline in the requested language.' })
  title(@Root() release: PressRelease, @Ctx() ctx: Context, @Arg('locale', () => Locale, localeArg) locale?: Locale): string {
    return title(release, locale ?? ctx.locale);
  }

  @FieldResolver(() => String, { nullable: true, description: 'The summary in the requested language, if there is one.' })
  summary(@Root() release: PressRelease, @Ctx() ctx: Context, @Arg('locale', () => Locale, localeArg) locale?: Locale): string | null {
    return summary(release, locale ?? ctx.locale);
  }

  @FieldResolver(() => String, { description: 'The full text in the requested language, as plain text.' })
  body(@Root() release: PressRelease, @Ctx() ctx: Context, @Arg('locale', () => Locale, localeArg) locale?: Locale): string {
    return body(release, locale ?? ctx.locale);
  }

  @FieldResolver(() => LocalizedText, { description: 'The headline in both languages.' })
  titleTranslations(@Root() release: PressRelease): LocalizedText {
    return { fa: release.titleFa, en: release.titleEn };
  }

  @FieldResolver(() => LocalizedText, { description: 'The summary in both languages (fa is empty when there is none).' })
  summaryTranslations(@Root() release: PressRelease): LocalizedText {
    return { fa: release.summaryFa ?? '', en: release.summaryEn };
  }

  @FieldResolver(() => LocalizedText, { description: 'The full text in both languages.' })
  bodyTranslations(@Root() release: PressRelease): LocalizedText {
    return { fa: release.bodyFa, en: release.bodyEn };
  }

  @FieldResolver(() => District, { nullable: true, description: 'The district it concerns; null for the whole city.' })
  district(@Root() release: PressRelease, @Ctx() ctx: Context): Promise<District | null> | null {
    return release.districtId ? ctx.loaders.districtById.load(release.districtId) : null;
  }

  @FieldResolver(() => StaffUser, { nullable: true, description: 'The staff member who created it.' })
  createdBy(@Root() release: PressRelease, @Ctx() ctx: Context): Promise<StaffUser | null> {
    return ctx.loaders.staffUserById.load(release.createdById);
  }

  @FieldResolver(() => [PressReleaseDistribution], {
    description: 'The contacts it was sent to, earliest sending first. Never part of the public news item.',
  })
  distribution(@Root() release: PressRelease, @Ctx() ctx: Context): Promise<PressReleaseDistribution[]> {
    return ctx.loaders.pressReleaseDistributionByReleaseId.load(release.id);
  }
}

@Resolver(() => PressReleaseDistribution)
export class PressReleaseRecipientResolver {
  @FieldResolver(() => MediaContact, { nullable: true, description: 'The contact it was sent to.' })
  contact(@Root() row: PressReleaseDistribution, @Ctx() ctx: Context): Promise<MediaContact | null> {
    return ctx.loaders.mediaContactById.load(row.contactId);
  }

  @FieldResolver(() => PressRelease, { nullable: true, description: 'The press release that was sent.' })
  release(@Root() row: PressReleaseDistribution, @Ctx() ctx: Context): Promise<PressRelease | null> {
    return ctx.loaders.pressReleaseById.load(row.releaseId);
  }
}
