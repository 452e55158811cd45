// Who may use which part of the staff dashboard. It mirrors the API's access declarations (the
// API refuses anyway); the web uses it to show only what a role may use and to guard each page.

import type { Role } from '../api/graphql.generated';

export type { Role };
export const roles: readonly Role[] = ['ADMIN', 'EDITOR', 'ANALYST', 'MEDIA_OFFICER'];

export type Section = 'home' | 'polls' | 'pollBuilder' | 'insights' | 'goals' | 'events' | 'media' | 'analytics' | 'admin';

const access: Record<Section, readonly Role[]> = {
  home: roles,
  // The poll list is the way to both the builder (editors) and the insights (analysts).
  polls: ['ANALYST', 'EDITOR', 'ADMIN'],
  pollBuilder: ['EDITOR', 'ADMIN'],
  insights: ['ANALYST', 'EDITOR', 'ADMIN'],
  goals: ['EDITOR', 'ADMIN'],
  events: ['EDITOR', 'ADMIN'],
  media: ['MEDIA_OFFICER', 'ADMIN'],
  analytics: roles,
  admin: ['ADMIN'],
};

export function canUse(role: Role, section: Section): boolean {
  return access[section].includes(role);
}

/** The navigation, in order; each item shows only to the roles that may use it. */
export const navSections = ['home', 'polls', 'goals', 'events', 'media', 'analytics', 'admin'] as const satisfies readonly Section[];

export const sectionPath: Record<(typeof navSections)[number], string> = {
  home: '/staff',
  polls: '/staff/polls',
  goals: '/staff/goals',
  events: '/staff/events',
  media: '/staff/media',
  analytics: '/staff/analytics',
  admin: '/staff/admin',
};
