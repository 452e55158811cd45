import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { EventKind, OccasionCalendar } from './event.enums';
import { BilingualTextColumns } from '../../common/bilingual-texts';
import { CreatedAtColumn, UpdatedAtColumn } from '../../db/timestamp-columns';

/**
 * A recurring national or religious occasion, fixed to a day of the Solar Hijri or the lunar Hijri
 * calendar, expanded to a concrete day for any year. Solar Hijri months 1–6 have 31 days, 7–12 have
 * 30 (Esfand 30 only in leap years); lunar months have 29 or 30: a day the year lacks is skipped
 * unless an override names the day.
 */
@ObjectType('Occasion', {
  description: 'A recurring national or religious occasion and the rule that dates it. Text fields follow the request language.',
})
@Entity('occasion')
@Index('uq_occasion_rule_title', ['calendar', 'month', 'day', 'titleFa'], { unique: true })
@Check('ck_occasion_kind', `"kind" IN ('NATIONAL_OCCASION', 'RELIGIOUS_OCCASION')`)
@Check('ck_occasion_month', '"month" BETWEEN 1 AND 12')
@Check('ck_occasion_day', `"day" BETWEEN 1 AND CASE WHEN "calendar" = 'SOLAR_HIJRI' AND "month" <= 6 THEN 31 ELSE 30 END`)
export class Occasion extends BilingualTextColumns(300) {
  @Field(() => ID, { description: 'Opaque identifier.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => EventKind, { description: 'NATIONAL_OCCASION or RELIGIOUS_OCCASION.' })
  @Column({ type: 'enum', enum: EventKind, enumName: 'event_kind' })
  kind: EventKind;

  @Field(() => OccasionCalendar, { description: 'The calendar its date is fixed in.' })
  @Column({ type: 'enum', enum: OccasionCalendar, enumName: 'occasion_calendar' })
  calendar: OccasionCalendar;

  @Field(() => Int, { description: 'The month of that calendar, 1–12 (Farvardin … Esfand, or Muharram … Dhu al-Hijjah).' })
  @Column({ type: 'smallint' })
  month: number;

  @Field(() => Int, { description: 'The day of the month, 1–31.' })
  @Column({ type: 'smallint' })
  day: number;

  @Field({ description: 'Whether it is an official public holiday.' })
  @Column({ type: 'boolean', default: false })
  holiday: boolean;

  @CreatedAtColumn('When it was created.')
  createdAt: Date;

  @UpdatedAtColumn('When it was last changed.')
  updatedAt: Date;
}

/**
 * The official day of one occasion in one year, where it differs from the rule (lunar dates follow
 * moon sighting). `year` is counted in the occasion's own calendar: a lunar year is shorter than a
 * solar one, so a Solar Hijri year can hold the same lunar day twice.
 */
@ObjectType('OccasionOverride', {
  description: 'The official day of an occasion in one year, set by an editor where it differs from the rule.',
})
@Entity('occasion_override')
@Check('ck_occasion_override_year', '"year" BETWEEN 1300 AND 1600')
export class OccasionOverride {
  @Field(() => ID, { description: 'The occasion.' })
  @PrimaryColumn({ name: 'occasion_id', type: 'uuid', primaryKeyConstraintName: 'pk_occasion_override' })
  occasionId: string;

  @ManyToOne(() => Occasion, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'occasion_id', foreignKeyConstraintName: 'fk_occasion_override_occasion' })
  occasion?: Occasion;

  @Field(() => Int, { description: "The year, in the occasion's calendar (Solar Hijri or lunar Hijri)." })
  @PrimaryColumn({ type: 'smallint', primaryKeyConstraintName: 'pk_occasion_override' })
  year: number;

  @Field({ description: 'The official day, as a LocalDate (YYYY-MM-DD, Gregorian).' })
  @Column({ type: 'date' })
  date: string;

  @Field(() => String, { nullable: true, description: 'Why, for the editors (for example the announcement it follows).' })
  @Column({ type: 'varchar', length: 500, nullable: true })
  note: string | null;

  @CreatedAtColumn('When it was set.')
  createdAt: Date;

  @UpdatedAtColumn('When it was last changed.')
  updatedAt: Date;
}
