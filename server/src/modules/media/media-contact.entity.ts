import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';
import { MediaOutlet } from './media-outlet.entity';
import { GeneratedTextColumn } from '../../db/generated-text-column';
import { CreatedAtColumn, UpdatedAtColumn } from '../../db/timestamp-columns';

/** As in the media-relations migration: changing it needs a new migration. */
export const MEDIA_CONTACT_SEARCH_EXPRESSION = `nabz_normalize(name || ' ' || coalesce(role, '') || ' ' || nabz_join_words(beats))`;

/**
 * A journalist, editor or producer. Phones and e-mail are personal data: the type is reachable only
 * through staff-only operations, and nothing public (news) links to it.
 */
@ObjectType('MediaContact', {
  description: 'A journalist, editor, presenter or producer the office deals with. Personal data: staff only (media officers and admins).',
})
@Entity('media_contact')
@Index('ix_media_contact_outlet', ['outletId'])
@Index('ix_media_contact_name', ['name'])
@Check(
  'ck_media_contact_email',
  `"email" IS NULL OR ("email" = lower("email") AND "email" ~ '^[^@[:space:]]+@[^@[:space:]]+\\.[^@[:space:]]+$')`,
)
@Check('ck_media_contact_phones', `cardinality("phones") <= 5 AND nabz_join_words("phones") ~ '^(\\+?[0-9]{4,15}( \\+?[0-9]{4,15})*)?$'`)
@Check('ck_media_contact_beats', `cardinality("beats") <= 10`)
@Check('ck_media_contact_language', `"language" ~ '^[a-z]{2,3}(-[a-z0-9]{2,8})*$'`)
export class MediaContact {
  @Field(() => ID, { description: 'Opaque identifier.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field({ description: 'Full name, as the contact writes it.' })
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Field(() => String, {
    nullable: true,
    description: 'Their role at the outlet (reporter, editor-in-chief, presenter, producer…), as plain text.',
  })
  @Column({ type: 'varchar', length: 200, nullable: true })
  role: string | null;

  @Field(() => ID, { nullable: true, description: 'The outlet they work for; null for freelancers.' })
  @Column({ name: 'outlet_id', type: 'uuid', nullable: true })
  outletId: string | null;

  @ManyToOne(() => MediaOutlet, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'outlet_id', foreignKeyConstraintName: 'fk_media_contact_outlet' })
  outlet?: MediaOutlet;

  @Field(() => [String], { description: 'Telephone numbers, normalised: ASCII digits with an optional leading +.' })
  @Column({ type: 'varchar', length: 16, array: true, default: () => "'{}'" })
  phones: string[];

  @Field(() => String, { nullable: true, description: 'E-mail address, lower-case.' })
  @Column({ type: 'varchar', length: 254, nullable: true })
  email: string | null;

  @Field(() => Date, {
    nullable: true,
    description:
      "When they unsubscribed from the office's e-mail (by the link in every message); e-mails to them are then skipped. Null: subscribed.",
  })
  @Column({ name: 'unsubscribed_at', type: 'timestamptz', nullable: true })
  unsubscribedAt: Date | null;

  @Field(() => [String], { description: 'Subjects they cover (transport, environment, culture…).' })
  @Column({ type: 'varchar', length: 60, array: true, default: () => "'{}'" })
  beats: string[];

  @Field({ description: 'The language they work in, as a BCP 47 code (fa, en, ar, az…).' })
  @Column({ type: 'varchar', length: 20, default: 'fa' })
  language: string;

  @Field(() => String, { nullable: true, description: 'Notes for the media office, as plain text.' })
  @Column({ type: 'text', nullable: true })
  notes: string | null;

  @GeneratedTextColumn('search_text', MEDIA_CONTACT_SEARCH_EXPRESSION)
  searchText?: string;

  @CreatedAtColumn('When the contact was added.')
  createdAt: Date;

  @UpdatedAtColumn('When the contact was last changed.')
  updatedAt: Date;
}
