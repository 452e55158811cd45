import { AppError } from '../../common/errors';
import { type EnumValue, selfNamed } from '../../common/self-named';

/** Domain error codes of analytics (documented in docs/analytics.md). */
export const AnalyticsErrorCode = selfNamed(
  /** The server holds too many unwritten page views (its database has been unreachable): try later. */
  'ANALYTICS_UNAVAILABLE',
);
export type AnalyticsErrorCode = EnumValue<typeof AnalyticsErrorCode>;

export const analyticsUnavailable = () =>
  new AppError(AnalyticsErrorCode.ANALYTICS_UNAVAILABLE, 'Page views cannot be recorded right now. Try again later.');
