import { Role } from '../staff/role';
import { hasRole, type Viewer } from '../staff/staff.policy';

/** Raw responses are opinion data: the roles that analyse polls may export them. */
export const EXPORT_ROLES = [Role.ANALYST, Role.EDITOR, Role.ADMIN] as const;

export function canExportPolls(viewer: Viewer | null): boolean {
  return hasRole(viewer, EXPORT_ROLES);
}
