import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';
import { Event } from '../events/event.entity';
import { StaffUser } from '../staff/staff.entity';
import { MediaContact } from './media-contact.entity';
import { MediaInvitationReply } from './media.enums';
import { UpdatedAtColumn } from '../../db/timestamp-columns';

/** A media contact invited to an event, with their reply and whether they came. One per contact and event. */
@ObjectType('MediaInvitation', { description: 'A media contact invited to an event, with their reply and attendance. Staff only.' })
@Entity('media_invitation')
@Index('uq_media_invitation_event_contact', ['eventId', 'contactId'], { unique: true })
@Index('ix_media_invitation_contact', ['contactId'])
@Check('ck_media_invitation_replied_at', `("reply" = 'AWAITING') = ("replied_at" IS NULL)`)
export class MediaInvitation {
  @Field(() => ID, { description: 'Opaque identifier.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID, { description: 'The event (a calendar event; occurrences of recurring occasions take no invitations).' })
  @Column({ name: 'event_id', type: 'uuid' })
  eventId: string;

  @ManyToOne(() => Event, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id', foreignKeyConstraintName: 'fk_media_invitation_event' })
  event?: Event;

  @Field(() => ID, { description: 'The invited contact.' })
  @Column({ name: 'contact_id', type: 'uuid' })
  contactId: string;

  @ManyToOne(() => MediaContact, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'contact_id', foreignKeyConstraintName: 'fk_media_invitation_contact' })
  contact?: MediaContact;

  @Field(() => MediaInvitationReply, { description: 'What they answered.' })
  @Column({ type: 'enum', enum: MediaInvitationReply, enumName: 'media_invitation_reply', default: MediaInvitationReply.AWAITING })
  reply: MediaInvitationReply;

  @Field(() => Date, { nullable: true, description: 'When the reply was recorded; null while AWAITING.' })
  @Column({ name: 'replied_at', type: 'timestamptz', nullable: true })
  repliedAt: Date | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether they came: null until recorded.' })
  @Column({ type: 'boolean', nullable: true })
  attended: boolean | null;

  @Field(() => String, { nullable: true, description: 'A note for the media office, as plain text.' })
  @Column({ type: 'varchar', length: 1000, nullable: true })
  note: string | null;

  @Field(() => ID, { description: 'The staff member who invited them.' })
  @Column({ name: 'invited_by', type: 'uuid' })
  invitedById: string;

  @ManyToOne(() => StaffUser, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'invited_by', foreignKeyConstraintName: 'fk_media_invitation_invited_by' })
  invitedBy?: StaffUser;

  @Field({ description: 'When they were invited.' })
  @CreateDateColumn({ name: 'invited_at', type: 'timestamptz' })
  invitedAt: Date;

  @UpdatedAtColumn('When the invitation was last changed.')
  updatedAt: Date;
}
