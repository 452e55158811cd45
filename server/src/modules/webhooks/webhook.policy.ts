import { Role } from '../staff/role';
import { hasRole, type Viewer } from '../staff/staff.policy';

/** Webhooks send the city's events to outside addresses and hold signing secrets: admins only. */
export const WEBHOOK_ADMINS = [Role.ADMIN] as const;

export function canManageWebhooks(viewer: Viewer | null): boolean {
  return hasRole(viewer, WEBHOOK_ADMINS);
}
