import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';
import { StaffUser } from '../staff/staff.entity';
import { MediaContact } from './media-contact.entity';
import { MediaInteractionKind } from './media.enums';
import { CreatedAtColumn, UpdatedAtColumn } from '../../db/timestamp-columns';

/** One entry of the spokesperson's log: what passed between the office and a contact, and what is still to do. */
@ObjectType('MediaInteraction', {
  description: "An entry of the spokesperson's log: an inquiry, interview, statement, call or meeting with a media contact. Staff only.",
})
@Entity('media_interaction')
@Index('ix_media_interaction_contact', ['contactId', 'occurredAt'])
@Index('ix_media_interaction_occurred', ['occurredAt'])
@Index('ix_media_interaction_open_follow_up', ['followUpOn', 'id'], { where: '"follow_up_on" IS NOT NULL AND "follow_up_done_at" IS NULL' })
@Check('ck_media_interaction_follow_up', '"follow_up_done_at" IS NULL OR "follow_up_on" IS NOT NULL')
export class MediaInteraction {
  @Field(() => ID, { description: 'Opaque identifier.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID, { description: 'The contact.' })
  @Column({ name: 'contact_id', type: 'uuid' })
  contactId: string;

  @ManyToOne(() => MediaContact, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'contact_id', foreignKeyConstraintName: 'fk_media_interaction_contact' })
  contact?: MediaContact;

  @Field(() => MediaInteractionKind, { description: 'What happened.' })
  @Column({ type: 'enum', enum: MediaInteractionKind, enumName: 'media_interaction_kind' })
  kind: MediaInteractionKind;

  @Field({ description: 'When it happened.' })
  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;

  @Field({ description: 'What it was about, as plain text.' })
  @Column({ type: 'varchar', length: 300 })
  topic: string;

  @Field(() => String, { nullable: true, description: 'Details, as plain text.' })
  @Column({ type: 'text', nullable: true })
  notes: string | null;

  @Field(() => ID, { description: 'The staff member who dealt with the contact.' })
  @Column({ name: 'staff_id', type: 'uuid' })
  staffId: string;

  @ManyToOne(() => StaffUser, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'staff_id', foreignKeyConstraintName: 'fk_media_interaction_staff' })
  staff?: StaffUser;

  @Field(() => String, {
    nullable: true,
    description: "The day to follow up by, as a LocalDate (YYYY-MM-DD) in the city's time zone; null when nothing is to follow.",
  })
  @Column({ name: 'follow_up_on', type: 'date', nullable: true })
  followUpOn: string | null;

  @Field(() => Date, { nullable: true, description: 'When the follow-up was marked done; null while it is open (or when there is none).' })
  @Column({ name: 'follow_up_done_at', type: 'timestamptz', nullable: true })
  followUpDoneAt: Date | null;

  @CreatedAtColumn('When the entry was written.')
  createdAt: Date;

  @UpdatedAtColumn('When the entry was last changed.')
  updatedAt: Date;
}
