import { Role } from '../staff/role';

/** Every staff role reads the site's traffic (an empty list means any signed-in staff member). */
export const TRAFFIC_READERS = [] as const;
/** Only admins replace the figures carried over from the previous site. */
export const COUNTER_IMPORTERS = [Role.ADMIN] as const;

/** The longest range siteTraffic answers, in days. */
export const TRAFFIC_MAX_DAYS = 366;
/** How far back "visitors active now" looks. */
export const ACTIVE_WINDOW_MS = 5 * 60_000;
