import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'How many pieces of coverage had each tone.' })
export class ToneCounts {
  @Field(() => Int, { description: 'Favourable pieces.' })
  positive: number;

  @Field(() => Int, { description: 'Neutral pieces.' })
  neutral: number;

  @Field(() => Int, { description: 'Unfavourable pieces.' })
  negative: number;

  @Field(() => Int, { description: 'All pieces.' })
  total: number;
}

@ObjectType({ description: 'Coverage tone of one outlet.' })
export class OutletToneSummary {
  @Field(() => ID, { description: 'The outlet.' })
  outletId: string;

  @Field(() => ToneCounts, { description: 'Its coverage by tone.' })
  counts: ToneCounts;
}

@ObjectType({ description: 'Coverage tone of one Solar Hijri (Persian) month: the months the office reports in.' })
export class MonthToneSummary {
  @Field({ description: 'The Persian month as YYYY-MM (1404-07 is Mehr 1404); sorts in calendar order.' })
  month: string;

  @Field(() => Int, { description: 'The Solar Hijri year.' })
  persianYear: number;

  @Field(() => Int, { description: 'The Solar Hijri month, 1 (Farvardin) to 12 (Esfand).' })
  persianMonth: number;

  @Field({ description: "The month's first day, as a Gregorian LocalDate (YYYY-MM-DD)." })
  startsOn: string;

  @Field({ description: "The month's last day, as a Gregorian LocalDate (YYYY-MM-DD)." })
  endsOn: string;

  labelFa: string;
  labelEn: string;

  @Field(() => ToneCounts, { description: "That month's coverage by tone." })
  counts: ToneCounts;
}

@ObjectType({ description: 'Coverage counted by tone: over all, by outlet and by Persian month.' })
export class CoverageToneSummary {
  @Field(() => ToneCounts, { description: 'All coverage that matched the filter.' })
  total: ToneCounts;

  @Field(() => [OutletToneSummary], { description: 'One entry per outlet with coverage, most coverage first (ties by outlet id).' })
  byOutlet: OutletToneSummary[];

  @Field(() => [MonthToneSummary], {
    description: 'One entry per Persian month with coverage, in calendar order; months without coverage are left out.',
  })
  byMonth: MonthToneSummary[];
}
