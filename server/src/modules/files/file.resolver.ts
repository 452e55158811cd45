import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { CurrentActor, StaffOnly } from '../../graphql/access';
import { type Context } from '../../graphql/context';
import { Locale, LocalizedText, pick } from '../../common/locale';
import { District } from '../districts/district.entity';
import { Event } from '../events/event.entity';
import { Goal } from '../goals/goal.entity';
import { NewsItem } from '../media/news.types';
import { PressRelease } from '../media/press-release.entity';
import { type Actor } from '../staff/staff.policy';
import { AttachmentSlot } from './file.entity';
import { Role } from '../staff/role';
import { MEDIA_STAFF } from '../media/media.policy';
import { EVENT_EDITORS } from '../events/event.policy';
import { GOAL_EDITORS } from '../goals/goal.policy';
import {
  AttachImageInput,
  AttachImagePayload,
  AttachPressReleasePdfInput,
  AttachPressReleasePdfPayload,
  DetachImageInput,
  DetachImagePayload,
  DetachPressReleasePdfInput,
  DetachPressReleasePdfPayload,
  DocumentView,
  ImageView,
  documentView,
  imageView,
} from './file.types';

const localeArg = { nullable: true, description: 'Overrides the request language.' } as const;

async function imageOf(ctx: Context, slot: AttachmentSlot, ownerId: string): Promise<ImageView | null> {
  const attachment = await ctx.loaders.attachmentByKey.load(`${slot}:${ownerId}`);
  return attachment?.file ? imageView(attachment, (key) => ctx.services.files.urlOf(key)) : null;
}

async function documentOf(ctx: Context, ownerId: string): Promise<DocumentView | null> {
  const attachment = await ctx.loaders.attachmentByKey.load(`${AttachmentSlot.PRESS_RELEASE_PDF}:${ownerId}`);
  return attachment?.file ? documentView(attachment.file, (key) => ctx.services.files.urlOf(key)) : null;
}

@Resolver(() => ImageView)
export class ImageResolver {
  @FieldResolver(() => String, { description: 'The text alternative in the requested language (Persian when there is no English).' })
  alt(@Root() image: ImageView, @Ctx() ctx: Context, @Arg('locale', () => Locale, localeArg) locale?: Locale): string {
    return pick({ fa: image.altFa, en: image.altEn }, locale ?? ctx.locale) ?? image.altFa;
  }

  @FieldResolver(() => LocalizedText, { description: 'The text alternative in both languages.' })
  altTranslations(@Root() image: ImageView): LocalizedText {
    return { fa: image.altFa, en: image.altEn };
  }
}

const imageField = { nullable: true, description: 'Its image, if one is attached.' } as const;

@Resolver(() => NewsItem)
export class NewsItemFilesResolver {
  @FieldResolver(() => ImageView, imageField)
  image(@Root() item: NewsItem, @Ctx() ctx: Context) {
    return imageOf(ctx, AttachmentSlot.NEWS_IMAGE, item.id);
  }

  @FieldResolver(() => DocumentView, { nullable: true, description: 'The release as a PDF (or its press kit), if one is attached.' })
  document(@Root() item: NewsItem, @Ctx() ctx: Context) {
    return documentOf(ctx, item.id);
  }
}

@Resolver(() => PressRelease)
export class PressReleaseFilesResolver {
  @FieldResolver(() => ImageView, { nullable: true, description: 'The image of its news item, if one is attached.' })
  image(@Root() release: PressRelease, @Ctx() ctx: Context) {
    return imageOf(ctx, AttachmentSlot.NEWS_IMAGE, release.id);
  }

  @FieldResolver(() => DocumentView, { nullable: true, description: 'The release as a PDF (or its press kit), if one is attached.' })
  document(@Root() release: PressRelease, @Ctx() ctx: Context) {
    return documentOf(ctx, release.id);
  }
}

@Resolver(() => Event)
export class EventFilesResolver {
  @FieldResolver(() => ImageView, imageField)
  image(@Root() event: Event, @Ctx() ctx: Context) {
    return imageOf(ctx, AttachmentSlot.EVENT_IMAGE, event.id);
  }
}

@Resolver(() => Goal)
export class GoalFilesResolver {
  @FieldResolver(() => ImageView, imageField)
  image(@Root() goal: Goal, @Ctx() ctx: Context) {
    return imageOf(ctx, AttachmentSlot.GOAL_IMAGE, goal.id);
  }
}

@Resolver(() => District)
export class DistrictFilesResolver {
  @FieldResolver(() => ImageView, imageField)
  image(@Root() district: District, @Ctx() ctx: Context) {
    return imageOf(ctx, AttachmentSlot.DISTRICT_IMAGE, district.id);
  }
}

/** Attach and detach mutations for one kind of owner, declared with exactly the roles that may change it. */
function imageMutations(slot: AttachmentSlot, name: string, owner: string, roles: Role[], who: string) {
  @Resolver()
  class ImageMutations {
    @StaffOnly(...roles)
    @Mutation(() => AttachImagePayload, {
      name: `attach${name}Image`,
      description: `Attaches an uploaded image (POST /uploads) to ${owner}, in place of any image it had, with its Persian text alternative (required) and English (optional). ${who} Audited.`,
    })
    async attach(
      @Arg('input', () => AttachImageInput, { description: 'The image, where it goes and its text alternative.' }) input: AttachImageInput,
      @CurrentActor() actor: Actor,
      @Ctx() ctx: Context,
    ): Promise<AttachImagePayload> {
      const attachment = await ctx.services.files.attach(actor, {
        slot,
        ownerId: input.targetId,
        fileId: input.fileId,
        altFa: input.altFa,
        altEn: input.altEn,
      });
      return { image: imageView(attachment, (key) => ctx.services.files.urlOf(key)) };
    }

    @StaffOnly(...roles)
    @Mutation(() => DetachImagePayload, { name: `detach${name}Image`, description: `Removes the image of ${owner}. ${who} Audited.` })
    async detach(
      @Arg('input', () => DetachImageInput, { description: 'What to remove the image from.' }) input: DetachImageInput,
      @CurrentActor() actor: Actor,
      @Ctx() ctx: Context,
    ): Promise<DetachImagePayload> {
      return { detached: await ctx.services.files.detach(actor, { slot, ownerId: input.targetId }) };
    }
  }
  return ImageMutations;
}

export const NewsImageMutations = imageMutations(
  AttachmentSlot.NEWS_IMAGE,
  'News',
  'a press release and its news item',
  [...MEDIA_STAFF],
  'Media officers and admins.',
);
export const EventImageMutations = imageMutations(
  AttachmentSlot.EVENT_IMAGE,
  'Event',
  'an event',
  [...EVENT_EDITORS],
  'Editors and admins.',
);
export const GoalImageMutations = imageMutations(AttachmentSlot.GOAL_IMAGE, 'Goal', 'a goal', [...GOAL_EDITORS], 'Editors and admins.');
export const DistrictImageMutations = imageMutations(AttachmentSlot.DISTRICT_IMAGE, 'District', 'a district', [Role.ADMIN], 'Admins.');

@Resolver()
export class PressReleasePdfMutations {
  @StaffOnly(...MEDIA_STAFF)
  @Mutation(() => AttachPressReleasePdfPayload, {
    description: 'Attaches an uploaded PDF (POST /uploads) to a press release, in place of any it had. Media officers and admins. Audited.',
  })
  async attachPressReleasePdf(
    @Arg('input', () => AttachPressReleasePdfInput, { description: 'The release and the PDF.' }) input: AttachPressReleasePdfInput,
    @CurrentActor() actor: Actor,
    @Ctx() ctx: Context,
  ): Promise<AttachPressReleasePdfPayload> {
    const attachment = await ctx.services.files.attach(actor, {
      slot: AttachmentSlot.PRESS_RELEASE_PDF,
      ownerId: input.pressReleaseId,
      fileId: input.fileId,
    });
    return { document: documentView(attachment.file!, (key) => ctx.services.files.urlOf(key)) };
  }

  @StaffOnly(...MEDIA_STAFF)
  @Mutation(() => DetachPressReleasePdfPayload, { description: "Removes a press release's PDF. Media officers and admins. Audited." })
  async detachPressReleasePdf(
    @Arg('input', () => DetachPressReleasePdfInput, { description: 'The release.' }) input: DetachPressReleasePdfInput,
    @CurrentActor() actor: Actor,
    @Ctx() ctx: Context,
  ): Promise<DetachPressReleasePdfPayload> {
    return { detached: await ctx.services.files.detach(actor, { slot: AttachmentSlot.PRESS_RELEASE_PDF, ownerId: input.pressReleaseId }) };
  }
}

export const FILE_RESOLVERS = [
  ImageResolver,
  NewsItemFilesResolver,
  PressReleaseFilesResolver,
  EventFilesResolver,
  GoalFilesResolver,
  DistrictFilesResolver,
  NewsImageMutations,
  EventImageMutations,
  GoalImageMutations,
  DistrictImageMutations,
  PressReleasePdfMutations,
] as const;
