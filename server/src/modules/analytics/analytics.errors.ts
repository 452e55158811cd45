import { AppError } from '../../common/errors';

/** Domain error codes of analytics (documented in docs/analytics.md). */
export enum AnalyticsErrorCode {
  /** The server holds too many unwritten page views (its database has been unreachable): try later. */
  ANALYTICS_UNAVAILABLE = 'ANALYTICS_UNAVAILABLE',
}

export const analyticsUnavailable = () =>
  new AppError(AnalyticsErrorCode.ANALYTICS_UNAVAILABLE, 'Page views cannot be recorded right now. Try again later.');
