import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';
import { District } from '../districts/district.entity';
import { StaffUser } from '../staff/staff.entity';
import { MediaContact } from './media-contact.entity';
import { PressReleaseStatus } from './media.enums';
import { GeneratedTextColumn } from '../../db/generated-text-column';
import { CreatedAtColumn, UpdatedAtColumn } from '../../db/timestamp-columns';

/** As in the media-relations migration: changing it needs a new migration. */
export const PRESS_RELEASE_SEARCH_EXPRESSION = `nabz_normalize(title_fa || ' ' || coalesce(title_en, '') || ' ' || coalesce(summary_fa, '') || ' ' || coalesce(summary_en, ''))`;

/**
 * A press release. Published, it is public news (`news`, `newsItem(slug)`), exposed through the
 * separate `NewsItem` type, which carries only the public fields: never the distribution list.
 */
@ObjectType('PressRelease', {
  description:
    'A press release, as staff see it. Once published its public fields are a `NewsItem`. Text fields follow the request language.',
})
@Entity('press_release')
// The site search's trigram indexes on search_text, and on it without spaces (migrations SiteSearch,
// SearchTextColumns, SearchJoinedWords): TypeORM cannot declare a GIN operator class, so it is told to
// leave the indexes alone.
@Index('ix_press_release_search_trgm', { synchronize: false })
@Index('ix_press_release_search_joined_trgm', { synchronize: false })
@Index('uq_press_release_slug', ['slug'], { unique: true })
@Index('ix_press_release_published', ['status', 'publishedAt', 'id'])
@Index('ix_press_release_created', ['createdAt', 'id'])
@Check('ck_press_release_slug', `"slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`)
@Check('ck_press_release_published_at', `"status" = 'DRAFT' OR "published_at" IS NOT NULL`)
@Check('ck_press_release_withdrawn_at', `"status" <> 'WITHDRAWN' OR "withdrawn_at" IS NOT NULL`)
export class PressRelease {
  @Field(() => ID, { description: 'Opaque identifier; the same id as its NewsItem.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field({
    description:
      'The address of the news item (`newsItem(slug:)`): lower-case ASCII letters, digits and hyphens. It may change while a draft and is fixed once first published.',
  })
  @Column({ type: 'varchar', length: 80 })
  slug: string;

  @Column({ name: 'title_fa', type: 'varchar', length: 300 })
  titleFa: string;

  @Column({ name: 'title_en', type: 'varchar', length: 300, nullable: true })
  titleEn: string | null;

  @Column({ name: 'summary_fa', type: 'varchar', length: 1000, nullable: true })
  summaryFa: string | null;

  @Column({ name: 'summary_en', type: 'varchar', length: 1000, nullable: true })
  summaryEn: string | null;

  @Column({ name: 'body_fa', type: 'text' })
  bodyFa: string;

  @Column({ name: 'body_en', type: 'text', nullable: true })
  bodyEn: string | null;

  @Field(() => ID, { nullable: true, description: 'The district it concerns; null for the whole city.' })
  @Column({ name: 'district_id', type: 'uuid', nullable: true })
  districtId: string | null;

  @ManyToOne(() => District, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'district_id', foreignKeyConstraintName: 'fk_press_release_district' })
  district?: District;

  @Field(() => PressReleaseStatus, { description: 'Draft, published or withdrawn.' })
  @Column({ type: 'enum', enum: PressReleaseStatus, enumName: 'press_release_status', default: PressReleaseStatus.DRAFT })
  status: PressReleaseStatus;

  @Field(() => Date, { nullable: true, description: 'When it was first published; news is ordered by it. Null for a draft.' })
  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it was last withdrawn from the public site; null unless WITHDRAWN.' })
  @Column({ name: 'withdrawn_at', type: 'timestamptz', nullable: true })
  withdrawnAt: Date | null;

  @Field(() => ID, { description: 'The staff member who created it.' })
  @Column({ name: 'created_by', type: 'uuid' })
  createdById: string;

  @ManyToOne(() => StaffUser, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'fk_press_release_created_by' })
  createdBy?: StaffUser;

  @GeneratedTextColumn('search_text', PRESS_RELEASE_SEARCH_EXPRESSION)
  searchText?: string;

  @CreatedAtColumn('When it was created.')
  createdAt: Date;

  @UpdatedAtColumn('When it was last changed.')
  updatedAt: Date;
}

/** The texts a release is written in, Persian and English: its news item shows them in the request's language. */
export const RELEASE_TEXTS = ['titleFa', 'titleEn', 'summaryFa', 'summaryEn', 'bodyFa', 'bodyEn'] as const satisfies ReadonlyArray<
  keyof PressRelease
>;

/** A contact a release was sent to. Sending to the same contact again keeps the first record. */
@ObjectType('PressReleaseRecipient', { description: 'A contact a press release was sent to, and when. Staff only.' })
@Entity('press_release_distribution')
@Index('ix_press_release_distribution_contact', ['contactId'])
export class PressReleaseDistribution {
  @Field(() => ID, { description: 'The press release.' })
  @PrimaryColumn({ name: 'release_id', type: 'uuid', primaryKeyConstraintName: 'pk_press_release_distribution' })
  releaseId: string;

  @ManyToOne(() => PressRelease, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'release_id', foreignKeyConstraintName: 'fk_press_release_distribution_release' })
  release?: PressRelease;

  @Field(() => ID, { description: 'The contact it was sent to.' })
  @PrimaryColumn({ name: 'contact_id', type: 'uuid', primaryKeyConstraintName: 'pk_press_release_distribution' })
  contactId: string;

  @ManyToOne(() => MediaContact, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'contact_id', foreignKeyConstraintName: 'fk_press_release_distribution_contact' })
  contact?: MediaContact;

  @Field({ description: 'When it was sent.' })
  @Column({ name: 'sent_at', type: 'timestamptz' })
  sentAt: Date;

  @Field(() => ID, { description: 'The staff member who recorded the sending.' })
  @Column({ name: 'recorded_by', type: 'uuid' })
  recordedById: string;

  @ManyToOne(() => StaffUser, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'recorded_by', foreignKeyConstraintName: 'fk_press_release_distribution_recorded_by' })
  recordedBy?: StaffUser;
}
