import { Role } from './role';

/** Who is calling: a signed-in staff member, or nobody (a citizen or an anonymous partner app). */
export interface Viewer {
  userId: string;
  role: Role;
  sessionId: string;
}

/** Pure access rules, unit-tested without GraphQL. ADMIN may do what every other role may. */
export function hasRole(viewer: Viewer | null, allowed: readonly Role[]): boolean {
  if (!viewer) return false;
  if (allowed.length === 0 || viewer.role === Role.ADMIN) return true;
  return allowed.includes(viewer.role);
}

export function isStaff(viewer: Viewer | null): viewer is Viewer {
  return viewer !== null;
}

/** A staff member acting in one request: who, in which role, and the request the audit log names. */
export interface Actor extends Viewer {
  requestId: string;
}
