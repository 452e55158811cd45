import { type WebhookService } from '../webhooks/webhook.service';
import { type DataSource } from 'typeorm';
import { type DistrictService } from '../districts/district.service';
import { type AuditService } from '../staff/audit.service';
import { ContactDataService } from './contact-data';
import { MediaCoverageService } from './media-coverage.service';
import { MediaDirectoryService } from './media-directory.service';
import { MediaInteractionService } from './media-interaction.service';
import { MediaInvitationService } from './media-invitation.service';
import { PressReleaseService } from './press-release.service';

/** The media-relations services, spread into the application's services. */
export function createMediaServices(
  db: DataSource,
  audit: AuditService,
  deps: { districts: DistrictService; timeZone: string; webhooks?: WebhookService },
) {
  const mediaDirectory = new MediaDirectoryService(db, audit);
  return {
    mediaDirectory,
    mediaContactData: new ContactDataService(db, audit),
    mediaInteractions: new MediaInteractionService(db, audit, deps.timeZone),
    pressReleases: new PressReleaseService(db, audit, deps.districts, mediaDirectory, deps.webhooks),
    mediaCoverage: new MediaCoverageService(db, audit),
    mediaInvitations: new MediaInvitationService(db, audit, mediaDirectory),
  };
}
