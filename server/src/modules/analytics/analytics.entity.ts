import { Check, Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { ScreenClass, TrafficDimension } from './analytics.enums';
import { CreatedAtColumn, UpdatedAtColumn } from '../../db/timestamp-columns';

/**
 * Site analytics without cookies and without addresses. A visitor is a keyed hash (HMAC-SHA256,
 * truncated to 128 bits) of the client address, user agent and site under a random salt of the day;
 * the salt and the per-day visitor keys are deleted once the day is more than a day past, after
 * which no key can be tied to an address again. No address or user agent is stored anywhere.
 * Counters come from rollups written in the same transaction as the raw page views, so deleting
 * old raw rows (retention) changes no figure.
 */

/** The random salt of one day in the city's time zone, shared by every server instance. */
@Entity('analytics_salt')
@Check('ck_analytics_salt_length', 'octet_length("salt") = 32')
export class AnalyticsSalt {
  @PrimaryColumn({ type: 'date', primaryKeyConstraintName: 'pk_analytics_salt' })
  day: string;

  @Column({ type: 'bytea' })
  salt: Buffer;

  @CreatedAtColumn()
  createdAt: Date;
}

/** Who has been counted on a day: makes "unique visitors per day" exact across server instances. */
@Entity('analytics_visitor_day')
@Check('ck_analytics_visitor_day_key', 'octet_length("visitor_key") = 16')
export class AnalyticsVisitorDay {
  @PrimaryColumn({ type: 'date', primaryKeyConstraintName: 'pk_analytics_visitor_day' })
  day: string;

  @PrimaryColumn({ name: 'visitor_key', type: 'bytea', primaryKeyConstraintName: 'pk_analytics_visitor_day' })
  visitorKey: Buffer;
}

/** One page view, kept raw for ANALYTICS_RETENTION_DAYS days (recent activity and re-analysis). */
@Entity('analytics_page_view')
@Index('ix_analytics_page_view_at', ['at'])
@Check('ck_analytics_page_view_key', 'octet_length("visitor_key") = 16')
@Check('ck_analytics_page_view_path', 'left("path", 1) = \'/\'')
export class AnalyticsPageView {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS', primaryKeyConstraintName: 'pk_analytics_page_view' })
  id: string;

  @Column({ type: 'timestamptz' })
  at: Date;

  /** The day of `at` in the city's time zone (as counted). */
  @Column({ type: 'date' })
  day: string;

  @Column({ name: 'visitor_key', type: 'bytea' })
  visitorKey: Buffer;

  @Column({ type: 'varchar', length: 512 })
  path: string;

  @Column({ name: 'referrer_host', type: 'varchar', length: 253, nullable: true })
  referrerHost: string | null;

  @Column({ type: 'enum', enum: ScreenClass, enumName: 'analytics_screen_class', nullable: true })
  screen: ScreenClass | null;

  @Column({ type: 'varchar', length: 8, nullable: true })
  language: string | null;
}

/** Visitors (unique per day) and page views per day. */
@Entity('analytics_daily')
@Check('ck_analytics_daily_counts', '"visitors" >= 0 AND "page_views" >= "visitors"')
export class AnalyticsDaily {
  @PrimaryColumn({ type: 'date', primaryKeyConstraintName: 'pk_analytics_daily' })
  day: string;

  @Column({ type: 'integer' })
  visitors: number;

  @Column({ name: 'page_views', type: 'bigint' })
  pageViews: string;
}

/**
 * Page views and visits per day by page, referrer host, screen class and language. A visit is
 * counted for the value of a visitor's first page view of the day (landing page, referrer, ...).
 */
@Entity('analytics_daily_dimension')
@Check('ck_analytics_daily_dimension_counts', '"visits" >= 0 AND "page_views" >= "visits"')
export class AnalyticsDailyDimension {
  @PrimaryColumn({
    type: 'enum',
    enum: TrafficDimension,
    enumName: 'analytics_dimension',
    primaryKeyConstraintName: 'pk_analytics_daily_dimension',
  })
  dimension: TrafficDimension;

  @PrimaryColumn({ type: 'date', primaryKeyConstraintName: 'pk_analytics_daily_dimension' })
  day: string;

  /** '' (NO_VALUE) for none: no referrer, unknown screen or language. */
  @PrimaryColumn({ type: 'varchar', length: 512, primaryKeyConstraintName: 'pk_analytics_daily_dimension' })
  value: string;

  @Column({ name: 'page_views', type: 'bigint' })
  pageViews: string;

  @Column({ type: 'integer' })
  visits: number;
}

/**
 * The latest title of each page path (what the beacon sent as document.title), so staff see which
 * page a path is. Only the site's own text: the website sends no title for a page with a query.
 */
@Entity('analytics_page_title')
export class AnalyticsPageTitle {
  @PrimaryColumn({ type: 'varchar', length: 512, primaryKeyConstraintName: 'pk_analytics_page_title' })
  path: string;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Column({ name: 'seen_at', type: 'timestamptz' })
  seenAt: Date;
}

/**
 * The running totals behind siteStats, one row: what Nabz has counted, the record day among those
 * days, and the figures imported from the customer's previous site.
 */
@Entity('analytics_total')
@Check('ck_analytics_total_single_row', '"id" = 1')
@Check(
  'ck_analytics_total_counts',
  '"visitors" >= 0 AND "page_views" >= 0 AND "max_daily" >= 0 AND "imported_visitors" >= 0 AND "imported_max_daily" >= 0 AND "imported_max_daily" <= "imported_visitors"',
)
export class AnalyticsTotal {
  @PrimaryColumn({ type: 'smallint', primaryKeyConstraintName: 'pk_analytics_total' })
  id: number;

  @Column({ type: 'bigint', default: 0 })
  visitors: string;

  @Column({ name: 'page_views', type: 'bigint', default: 0 })
  pageViews: string;

  /** The most visitors counted by Nabz in one day, and that day. */
  @Column({ name: 'max_daily', type: 'integer', default: 0 })
  maxDaily: number;

  @Column({ name: 'max_daily_day', type: 'date', nullable: true })
  maxDailyDay: string | null;

  @Column({ name: 'imported_visitors', type: 'bigint', default: 0 })
  importedVisitors: string;

  @Column({ name: 'imported_max_daily', type: 'integer', default: 0 })
  importedMaxDaily: number;

  @Column({ name: 'imported_max_daily_day', type: 'date', nullable: true })
  importedMaxDailyDay: string | null;

  @Column({ name: 'imported_at', type: 'timestamptz', nullable: true })
  importedAt: Date | null;

  @UpdatedAtColumn()
  updatedAt: Date;
}
