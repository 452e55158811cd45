import { type EntityManager, LessThan } from 'typeorm';
import { Poll } from './poll.entity';
import { PollState, PollStatus } from './poll.enums';
import { effectiveStatus } from './poll-status';

// The waves of a survey (polls sharing a series_id) follow one rule: one wave takes answers at a
// time. A wave started without dates runs as long as the wave it copies; when a wave opens, the
// earlier ones close (docs/api.md, "Waves").

interface Schedule {
  opensAt: Date | null;
  closesAt: Date | null;
}

/**
 * The new wave's schedule: what the editor gave, else the copied wave's length counted from when
 * the new one opens (its `opensAt`, or now for a wave that opens when published). The length is
 * closesAt − opensAt, or closesAt − createdAt for a wave that opened on publishing; a wave
 * without a close date passes none on. An explicit `closesAt: null` keeps the new wave open-ended.
 */
export function carriedSchedule(
  source: Schedule & { createdAt: Date },
  input: { opensAt?: Date | null; closesAt?: Date | null },
  now = new Date(),
): Schedule {
  const opensAt = input.opensAt ?? null;
  if (input.closesAt !== undefined) return { opensAt, closesAt: input.closesAt };
  if (!source.closesAt) return { opensAt, closesAt: null };
  const length = source.closesAt.getTime() - (source.opensAt ?? source.createdAt).getTime();
  if (length <= 0) return { opensAt, closesAt: null };
  return { opensAt, closesAt: new Date((opensAt ?? now).getTime() + length) };
}

export interface ClosedWave {
  before: Poll;
  after: Poll;
  /** Closed now (true), or its close date moved to the new wave's opening (false). */
  closedNow: boolean;
}

/**
 * When `wave` is published, the earlier published waves of its series that still take answers stop
 * when it opens: at once when it opens now, else their close date moves to its opening (never
 * later than it was). In the publishing transaction; the caller audits and announces.
 */
export async function closeEarlierWaves(m: EntityManager, wave: Poll, now = new Date()): Promise<ClosedWave[]> {
  const opensAt = wave.opensAt && wave.opensAt > now ? wave.opensAt : null;
  const earlier = await m.find(Poll, {
    where: { seriesId: wave.seriesId, wave: LessThan(wave.wave), state: PollState.PUBLISHED },
    order: { wave: 'ASC' },
    lock: { mode: 'pessimistic_write' },
  });
  const closed: ClosedWave[] = [];
  for (const before of earlier) {
    if (effectiveStatus(before, now) === PollStatus.CLOSED) continue;
    if (!opensAt) {
      await m.update(Poll, { id: before.id }, { state: PollState.CLOSED, closedAt: now });
    } else if (!before.closesAt || before.closesAt > opensAt) {
      await m.update(Poll, { id: before.id }, { closesAt: opensAt });
    } else {
      continue;
    }
    closed.push({ before, after: await m.findOneByOrFail(Poll, { id: before.id }), closedNow: !opensAt });
  }
  return closed;
}
