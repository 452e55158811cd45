import DataLoader from 'dataloader';
import { type Services } from '../../services';
import { type MediaContact } from './media-contact.entity';
import { type MediaOutlet } from './media-outlet.entity';
import { type PressRelease, type PressReleaseDistribution } from './press-release.entity';

/** Request-scoped loaders for media relations: one query per kind of object on a page. */
export function createMediaLoaders(services: Services) {
  return {
    mediaOutletById: new DataLoader<string, MediaOutlet | null>((ids) => services.mediaDirectory.findOutletsByIds(ids)),
    mediaContactById: new DataLoader<string, MediaContact | null>((ids) => services.mediaDirectory.findContactsByIds(ids)),
    pressReleaseById: new DataLoader<string, PressRelease | null>((ids) => services.pressReleases.findByIds(ids)),
    pressReleaseDistributionByReleaseId: new DataLoader<string, PressReleaseDistribution[]>((ids) =>
      services.pressReleases.distributionByReleaseIds(ids),
    ),
    pressReleasesReceivedByContactId: new DataLoader<string, PressReleaseDistribution[]>((ids) =>
      services.pressReleases.distributionByContactIds(ids),
    ),
  };
}
