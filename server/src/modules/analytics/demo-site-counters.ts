import { type EntityManager } from 'typeorm';

/** The counters of the customer's current site (its "site statistics" box): all visits and the record day. */
export const CUSTOMER_SITE_COUNTERS = { total: 311_691, maxDaily: 490, maxDailyDate: null } as const;

/** Demo data: the new site continues the customer's figures (the record day's date is not on their page). */
export async function seedDemoSiteCounters(manager: EntityManager): Promise<void> {
  await manager.query(
    'UPDATE analytics_total SET imported_visitors = $1, imported_max_daily = $2, imported_max_daily_day = $3, imported_at = now() WHERE id = 1',
    [CUSTOMER_SITE_COUNTERS.total, CUSTOMER_SITE_COUNTERS.maxDaily, CUSTOMER_SITE_COUNTERS.maxDailyDate],
  );
}
