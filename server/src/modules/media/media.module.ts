import { MediaCoverage } from './media-coverage.entity';
import { MediaCoverageResolver, MonthToneSummaryResolver, OutletToneSummaryResolver } from './media-coverage.resolver';
import { MediaContact } from './media-contact.entity';
import { MediaContactResolver, MediaOutletResolver } from './media-directory.resolver';
import { MediaInteraction } from './media-interaction.entity';
import { MediaInteractionResolver } from './media-interaction.resolver';
import { MediaInvitation } from './media-invitation.entity';
import { MediaInvitationResolver } from './media-invitation.resolver';
import { MediaOutlet } from './media-outlet.entity';
import { PressRelease, PressReleaseDistribution } from './press-release.entity';
import { NewsResolver, PressReleaseRecipientResolver, PressReleaseResolver } from './press-release.resolver';

/** What the media-relations module adds to the app's entity and resolver lists. */
export const MEDIA_ENTITIES = [MediaOutlet, MediaContact, MediaInteraction, PressRelease, PressReleaseDistribution, MediaCoverage, MediaInvitation];

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

export { createMediaLoaders } from './media.loader';
export { createMediaServices } from './media.services';
