import { MediaCoverage } from './media-coverage.entity';
import { MediaContact } from './media-contact.entity';
import { MediaInteraction } from './media-interaction.entity';
import { MediaInvitation } from './media-invitation.entity';
import { MediaOutlet } from './media-outlet.entity';
import { PressRelease, PressReleaseDistribution } from './press-release.entity';

/** What the media-relations module adds to the app's entity list (no resolver is loaded with it). */
export const MEDIA_ENTITIES = [
  MediaOutlet,
  MediaContact,
  MediaInteraction,
  PressRelease,
  PressReleaseDistribution,
  MediaCoverage,
  MediaInvitation,
];
