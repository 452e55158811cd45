import { PollState, PollStatus } from './poll.enums';

/** How long a closed poll stays in the public list. */
export const RECENTLY_CLOSED_DAYS = 30;

/** The status callers see: the editor's state, moved on by the schedule. */
export function effectiveStatus(poll: { state: PollState; opensAt: Date | null; closesAt: Date | null }, now = new Date()): PollStatus {
  if (poll.state === PollState.DRAFT) return PollStatus.DRAFT;
  if (poll.state === PollState.CLOSED) return PollStatus.CLOSED;
  if (poll.closesAt && poll.closesAt <= now) return PollStatus.CLOSED;
  if (poll.opensAt && poll.opensAt > now) return PollStatus.SCHEDULED;
  return PollStatus.OPEN;
}

/** When the poll closed: null while it is not closed; by hand, closedAt; by schedule, closesAt. */
export function closedSince(
  poll: { state: PollState; opensAt: Date | null; closesAt: Date | null; closedAt: Date | null },
  now = new Date(),
): Date | null {
  if (effectiveStatus(poll, now) !== PollStatus.CLOSED) return null;
  return poll.closedAt ?? poll.closesAt;
}

/** The same rules in SQL, for a poll aliased `p` (the submission guard and list filters use them). */
export const SQL_STATUS = {
  [PollStatus.DRAFT]: `p.state = 'DRAFT'`,
  [PollStatus.SCHEDULED]: `(p.state = 'PUBLISHED' AND p.opens_at > now() AND (p.closes_at IS NULL OR p.closes_at > now()))`,
  [PollStatus.OPEN]: `(p.state = 'PUBLISHED' AND (p.opens_at IS NULL OR p.opens_at <= now()) AND (p.closes_at IS NULL OR p.closes_at > now()))`,
  [PollStatus.CLOSED]: `(p.state = 'CLOSED' OR (p.state = 'PUBLISHED' AND p.closes_at <= now()))`,
} as const;

/** When a closed poll closed: by hand (closed_at) or by schedule (closes_at). */
export const SQL_CLOSED_SINCE = `coalesce(p.closed_at, p.closes_at)`;
