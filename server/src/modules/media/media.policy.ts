import { Role } from '../staff/role';
import { hasRole, type Viewer } from '../staff/staff.policy';
import { PressReleaseStatus } from './media.enums';

/**
 * Who may see and change anything of media relations: outlets, contacts (personal data), the
 * spokesperson's log, press releases, coverage and invitations. Everyone else reaches only the
 * public `news`.
 */
export const MEDIA_STAFF = [Role.MEDIA_OFFICER, Role.ADMIN] as const;

export function canManageMedia(viewer: Viewer | null): boolean {
  return hasRole(viewer, MEDIA_STAFF);
}

/** Only a published release is news; drafts and withdrawn ones do not exist for the public. */
export function isPublicRelease(release: { status: PressReleaseStatus }): boolean {
  return release.status === PressReleaseStatus.PUBLISHED;
}

/** The status a release moves to, or null when the move makes no sense from where it stands. */
export function nextReleaseStatus(current: PressReleaseStatus, action: 'publish' | 'withdraw'): PressReleaseStatus | null {
  if (action === 'publish') return current === PressReleaseStatus.PUBLISHED ? null : PressReleaseStatus.PUBLISHED;
  return current === PressReleaseStatus.PUBLISHED ? PressReleaseStatus.WITHDRAWN : null;
}

/** A release's slug may change until it is first published; after that links to it must keep working. */
export function canChangeSlug(release: { publishedAt: Date | null }): boolean {
  return release.publishedAt === null;
}
