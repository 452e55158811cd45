import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';
import { District } from '../districts/district.entity';
import { Goal } from '../goals/goal.entity';
import { Poll } from '../polls/poll.entity';
import { EventKind, EventStatus } from './event.enums';
import { type Occasion, type OccasionOverride } from './occasion.entity';
import { type OccasionOccurrence } from './occasion-expansion';
import { BilingualTextColumns } from '../../common/bilingual-texts';
import { GeneratedTextColumn } from '../../db/generated-text-column';
import { CreatedAtColumn, UpdatedAtColumn } from '../../db/timestamp-columns';

/** As in the search-text migration: changing it needs a new migration. */
export const EVENT_SEARCH_EXPRESSION = `nabz_normalize(coalesce(title_fa, '') || ' ' || coalesce(title_en, '') || ' ' || coalesce(description_fa, '') || ' ' || coalesce(description_en, '') || ' ' || coalesce(venue_fa, '') || ' ' || coalesce(venue_en, ''))`;

/**
 * An event on the PR office's calendar: a mayor's appearance, a press conference, a cultural event,
 * a crisis notice… Recurring national and religious occasions are not rows here: they are rules
 * (`occasion`) expanded into Event items for the requested days, with `occurrence` set.
 */
@ObjectType('Event', {
  description:
    "An event on the city's calendar, or one year's occurrence of a recurring national or religious occasion (`occasion` set, `allDay` true). Text fields follow the request language.",
})
@Entity('event')
// The site search's trigram indexes on search_text, and on it without spaces (migrations SiteSearch,
// SearchTextColumns, SearchJoinedWords): TypeORM cannot declare a GIN operator class, so it is told to
// leave the indexes alone.
@Index('ix_event_search_trgm', { synchronize: false })
@Index('ix_event_search_joined_trgm', { synchronize: false })
@Index('ix_event_starts_at', ['startsAt', 'id'])
// At most one pinned notice, whatever happens concurrently.
@Index('uq_event_pinned', ['pinned'], { unique: true, where: '"pinned"' })
@Check('ck_event_schedule', '"ends_at" >= "starts_at"')
@Check('ck_event_pinned', `NOT "pinned" OR ("kind" = 'CRISIS_NOTICE' AND "status" = 'PUBLISHED')`)
@Check('ck_event_published_at', `("status" = 'DRAFT') = ("published_at" IS NULL)`)
export class Event extends BilingualTextColumns(300) {
  @Field(() => ID, {
    description: 'Opaque identifier. Occurrences of occasions have an id that stays the same for that occasion and year.',
  })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => EventKind, { description: 'What sort of event it is.' })
  @Column({ type: 'enum', enum: EventKind, enumName: 'event_kind' })
  kind: EventKind;

  @Field({ description: "When it starts. For an all-day occasion: the start of its day in the city's time zone." })
  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt: Date;

  @Field({
    description: "When it ends (not before `startsAt`). For an all-day occasion: the start of the next day in the city's time zone.",
  })
  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt: Date;

  @Column({ name: 'venue_fa', type: 'varchar', length: 300, nullable: true })
  venueFa: string | null;

  @Column({ name: 'venue_en', type: 'varchar', length: 300, nullable: true })
  venueEn: string | null;

  @Index('ix_event_district')
  @Column({ name: 'district_id', type: 'uuid', nullable: true })
  districtId: string | null;

  @ManyToOne(() => District, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'district_id', foreignKeyConstraintName: 'fk_event_district' })
  district?: District;

  @Field(() => EventStatus, { description: 'Where the event stands. Occurrences of occasions are always PUBLISHED.' })
  @Column({ type: 'enum', enum: EventStatus, enumName: 'event_status', default: EventStatus.DRAFT })
  status: EventStatus;

  @Field({ description: 'True for the one crisis notice the public site shows first (see `pinnedNotice`).' })
  @Column({ type: 'boolean', default: false })
  pinned: boolean;

  @Index('ix_event_poll')
  @Column({ name: 'poll_id', type: 'uuid', nullable: true })
  pollId: string | null;

  @ManyToOne(() => Poll, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'poll_id', foreignKeyConstraintName: 'fk_event_poll' })
  poll?: Poll;

  @Index('ix_event_goal')
  @Column({ name: 'goal_id', type: 'uuid', nullable: true })
  goalId: string | null;

  @ManyToOne(() => Goal, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'goal_id', foreignKeyConstraintName: 'fk_event_goal' })
  goal?: Goal;

  @Field(() => Date, { nullable: true, description: 'When it was first published; null for a draft.' })
  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  /** The site search's normalised text (title, description, venue; both languages). */
  @GeneratedTextColumn('search_text', EVENT_SEARCH_EXPRESSION)
  searchText?: string;

  @CreatedAtColumn('When it was created.')
  createdAt: Date;

  @UpdatedAtColumn('When it was last changed.')
  updatedAt: Date;

  /** Set on Event items expanded from an occasion; such items are not rows of this table. */
  occurrence?: { occasion: Occasion; detail: OccasionOccurrence; override: OccasionOverride | null };
}
