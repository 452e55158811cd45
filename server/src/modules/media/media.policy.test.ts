import { Role } from '../staff/role';
import { type Viewer } from '../staff/staff.policy';
import { PressReleaseStatus } from './media.enums';
import { canChangeSlug, canManageMedia, isPublicRelease, nextReleaseStatus } from './media.policy';

const as = (role: Role): Viewer => ({ userId: 'u', sessionId: 's', role });

describe('media policy', () => {
  it('lets media officers and admins manage media relations, and nobody else', () => {
    expect(canManageMedia(null)).toBe(false);
    expect(canManageMedia(as(Role.ANALYST))).toBe(false);
    expect(canManageMedia(as(Role.EDITOR))).toBe(false);
    expect(canManageMedia(as(Role.MEDIA_OFFICER))).toBe(true);
    expect(canManageMedia(as(Role.ADMIN))).toBe(true);
  });

  it('makes only published releases public', () => {
    expect(isPublicRelease({ status: PressReleaseStatus.PUBLISHED })).toBe(true);
    expect(isPublicRelease({ status: PressReleaseStatus.DRAFT })).toBe(false);
    expect(isPublicRelease({ status: PressReleaseStatus.WITHDRAWN })).toBe(false);
  });

  it('publishes drafts and withdrawn releases, and withdraws published ones only', () => {
    expect(nextReleaseStatus(PressReleaseStatus.DRAFT, 'publish')).toBe(PressReleaseStatus.PUBLISHED);
    expect(nextReleaseStatus(PressReleaseStatus.WITHDRAWN, 'publish')).toBe(PressReleaseStatus.PUBLISHED);
    expect(nextReleaseStatus(PressReleaseStatus.PUBLISHED, 'publish')).toBeNull();
    expect(nextReleaseStatus(PressReleaseStatus.PUBLISHED, 'withdraw')).toBe(PressReleaseStatus.WITHDRAWN);
    expect(nextReleaseStatus(PressReleaseStatus.DRAFT, 'withdraw')).toBeNull();
    expect(nextReleaseStatus(PressReleaseStatus.WITHDRAWN, 'withdraw')).toBeNull();
  });

  it('fixes the slug once a release has been published', () => {
    expect(canChangeSlug({ publishedAt: null })).toBe(true);
    expect(canChangeSlug({ publishedAt: new Date() })).toBe(false);
  });
});
