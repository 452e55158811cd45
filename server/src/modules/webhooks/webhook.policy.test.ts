import { Role } from '../staff/role';
import { canManageWebhooks } from './webhook.policy';

describe('webhook policy', () => {
  it('lets admins only manage webhooks', () => {
    const viewer = (role: Role) => ({ userId: 'u', role, sessionId: 's' });
    expect(canManageWebhooks(viewer(Role.ADMIN))).toBe(true);
    for (const role of [Role.EDITOR, Role.ANALYST, Role.MEDIA_OFFICER]) expect(canManageWebhooks(viewer(role))).toBe(false);
    expect(canManageWebhooks(null)).toBe(false);
  });
});
