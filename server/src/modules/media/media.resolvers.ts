import { MediaCoverageResolver, MonthToneSummaryResolver, OutletToneSummaryResolver } from './media-coverage.resolver';
import { MediaContactResolver, MediaOutletResolver } from './media-directory.resolver';
import { MediaInteractionResolver } from './media-interaction.resolver';
import { MediaInvitationResolver } from './media-invitation.resolver';
import { NewsResolver, PressReleaseRecipientResolver, PressReleaseResolver } from './press-release.resolver';

/** What the media-relations module adds to the schema's resolver list (the transport's side only). */
export const MEDIA_RESOLVERS = [
  MediaOutletResolver,
  MediaContactResolver,
  MediaInteractionResolver,
  NewsResolver,
  PressReleaseResolver,
  PressReleaseRecipientResolver,
  MediaCoverageResolver,
  OutletToneSummaryResolver,
  MonthToneSummaryResolver,
  MediaInvitationResolver,
] as const;
