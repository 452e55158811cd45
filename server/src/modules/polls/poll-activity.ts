import { Field, Int, ObjectType } from 'type-graphql';
import { type DataSource } from 'typeorm';
import { badInput } from '../../common/errors';
import { addDays, CityCalendar } from '../analytics/city-day';
import { type AbuseSignals } from './participation/abuse-signals';
import { Poll } from './poll.entity';
import { SQL_STATUS } from './poll-status';
import { PollStatus } from './poll.enums';
import { type PollTallyService } from './poll-tally.service';

export const ACTIVITY_DAYS_DEFAULT = 7;
export const ACTIVITY_DAYS_MAX = 31;

@ObjectType('PollActivityDay', { description: "Responses a poll received on one day (in the city's time zone)." })
export class PollActivityDay {
  @Field({ description: 'The day, YYYY-MM-DD.' })
  day: string;

  @Field(() => Int, {
    description: 'Responses received that day (quarantined ones included; answers still waiting in the answer mix are not).',
  })
  responses: number;
}

@ObjectType('PollActivity', { description: "An open poll's day-to-day: responses today against the days before, and its abuse signals." })
export class PollActivity {
  @Field(() => Poll, { description: 'The poll.' })
  poll: Poll;

  @Field(() => Int, { description: "Responses today, in the city's time zone." })
  today: number;

  @Field(() => Int, { description: 'Responses yesterday.' })
  yesterday: number;

  @Field({ description: 'Mean responses a day over the days before today in `days` (0 when the poll opened today).' })
  dailyMean: number;

  @Field(() => Int, { description: 'All responses so far.' })
  total: number;

  @Field(() => [PollActivityDay], { description: 'The last days, oldest first, today last; days without responses included.' })
  days: PollActivityDay[];

  @Field(() => Int, { description: "Minutes with a burst of answers (at least 4 × the poll's typical minute) in the last 24 hours." })
  recentBursts: number;

  @Field(() => Int, { description: 'Clusters (many answers from one network and browser family in ten minutes) not quarantined.' })
  openClusters: number;

  @Field(() => Int, { description: 'Responses held out of the results by a quarantine.' })
  quarantined: number;
}

/**
 * The polls' pulse for the staff home: each open poll's responses by day, from the same tallies as
 * the insights' trend (no timestamp of any one answer is read), and its abuse signals in counts.
 */
export class PollActivityService {
  private readonly calendar: CityCalendar;

  constructor(
    private readonly db: DataSource,
    private readonly tallies: PollTallyService,
    private readonly signals: AbuseSignals,
    timeZone: string,
  ) {
    this.calendar = new CityCalendar(timeZone);
  }

  async openPolls(days: number, now = new Date()): Promise<PollActivity[]> {
    if (!Number.isInteger(days) || days < 1 || days > ACTIVITY_DAYS_MAX)
      throw badInput(`days is a whole number from 1 to ${ACTIVITY_DAYS_MAX}.`, 'days');
    const polls = await this.db
      .getRepository(Poll)
      .createQueryBuilder('p')
      .where(SQL_STATUS[PollStatus.OPEN])
      .orderBy('p.opens_at', 'DESC', 'NULLS LAST')
      .addOrderBy('p.id', 'ASC')
      .take(50)
      .getMany();
    const today = this.calendar.dayOf(now);
    const range = Array.from({ length: days }, (_, i) => addDays(today, i - days + 1));
    const dayAgo = new Date(now.getTime() - 86_400_000);
    return Promise.all(
      polls.map(async (poll) => {
        const [byDay, { bursts }, clusters, quarantined] = await Promise.all([
          this.tallies.responses(poll.id, 'day'),
          this.signals.bursts(poll.id),
          this.signals.clustersOf(poll.id),
          this.signals.quarantinedCount(poll.id),
        ]);
        const counts = new Map(byDay.map((r) => [r.day, r.count]));
        const series = range.map((day) => ({ day, responses: counts.get(day) ?? 0 }));
        const opened = poll.opensAt ? this.calendar.dayOf(poll.opensAt) : range[0];
        const before = series.slice(0, -1).filter((d) => d.day >= opened);
        return Object.assign(new PollActivity(), {
          poll,
          today: counts.get(today) ?? 0,
          yesterday: counts.get(addDays(today, -1)) ?? 0,
          dailyMean: before.length ? before.reduce((sum, d) => sum + d.responses, 0) / before.length : 0,
          total: byDay.reduce((sum, r) => sum + r.count, 0),
          days: series,
          recentBursts: bursts.filter((b) => b.minute >= dayAgo).length,
          openClusters: clusters.filter((c) => !c.quarantined).length,
          quarantined,
        });
      }),
    );
  }
}
