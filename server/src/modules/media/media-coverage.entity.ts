import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';
import { StaffUser } from '../staff/staff.entity';
import { MediaOutlet } from './media-outlet.entity';
import { PressRelease } from './press-release.entity';
import { CoverageKind, CoverageTone } from './media.enums';
import { CreatedAtColumn, UpdatedAtColumn } from '../../db/timestamp-columns';

/** An article or broadcast about the municipality, with the tone the media office gave it. */
@ObjectType('MediaCoverage', { description: 'An article, broadcast or post about the municipality, with its tone. Staff only.' })
@Entity('media_coverage')
@Index('ix_media_coverage_published', ['publishedOn', 'id'])
@Index('ix_media_coverage_outlet', ['outletId', 'publishedOn'])
@Index('ix_media_coverage_release', ['pressReleaseId'])
@Check('ck_media_coverage_url', `"url" IS NULL OR "url" ~ '^https?://'`)
export class MediaCoverage {
  @Field(() => ID, { description: 'Opaque identifier.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID, { description: 'The outlet that ran it.' })
  @Column({ name: 'outlet_id', type: 'uuid' })
  outletId: string;

  @ManyToOne(() => MediaOutlet, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'outlet_id', foreignKeyConstraintName: 'fk_media_coverage_outlet' })
  outlet?: MediaOutlet;

  @Field({ description: 'Headline or programme title, as plain text.' })
  @Column({ type: 'varchar', length: 500 })
  title: string;

  @Field(() => String, { nullable: true, description: 'Where it can be read or watched (http or https).' })
  @Column({ type: 'varchar', length: 2000, nullable: true })
  url: string | null;

  @Field({ description: "The day it appeared, as a LocalDate (YYYY-MM-DD) in the city's time zone." })
  @Column({ name: 'published_on', type: 'date' })
  publishedOn: string;

  @Field(() => CoverageKind, { description: 'Article, broadcast or social post.' })
  @Column({ type: 'enum', enum: CoverageKind, enumName: 'media_coverage_kind' })
  kind: CoverageKind;

  @Field(() => CoverageTone, { description: 'How it speaks of the municipality.' })
  @Column({ type: 'enum', enum: CoverageTone, enumName: 'media_coverage_tone' })
  tone: CoverageTone;

  @Field(() => String, { nullable: true, description: 'What it says, in a few lines, as plain text.' })
  @Column({ type: 'text', nullable: true })
  summary: string | null;

  @Field(() => ID, { nullable: true, description: 'The press release it reports on, when there is one.' })
  @Column({ name: 'press_release_id', type: 'uuid', nullable: true })
  pressReleaseId: string | null;

  @ManyToOne(() => PressRelease, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'press_release_id', foreignKeyConstraintName: 'fk_media_coverage_release' })
  pressRelease?: PressRelease;

  @Field(() => ID, { description: 'The staff member who recorded it.' })
  @Column({ name: 'recorded_by', type: 'uuid' })
  recordedById: string;

  @ManyToOne(() => StaffUser, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'recorded_by', foreignKeyConstraintName: 'fk_media_coverage_recorded_by' })
  recordedBy?: StaffUser;

  @CreatedAtColumn('When it was recorded.')
  createdAt: Date;

  @UpdatedAtColumn('When it was last changed.')
  updatedAt: Date;
}
