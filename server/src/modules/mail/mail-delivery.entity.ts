import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { type EnumValue, graphqlEnum } from '../../common/graphql-enum';
import { MediaContact } from '../media/media-contact.entity';
import { MediaInvitation } from '../media/media-invitation.entity';
import { PressRelease } from '../media/press-release.entity';
import { UpdatedAtColumn } from '../../db/timestamp-columns';

export const MailDeliveryStatus = graphqlEnum('MailDeliveryStatus', 'Where one e-mail to one recipient stands.', {
  QUEUED: 'Waiting on the job queue (for its sending time, or for the mail server to be configured).',
  RETRYING: 'A try failed (see lastError); the queue tries again later, waiting longer each time.',
  SENT: 'The mail server accepted it.',
  FAILED: 'Given up: the mail server refused the address, or every try failed.',
  SKIPPED_UNSUBSCRIBED: 'Not sent: the contact had unsubscribed.',
});
export type MailDeliveryStatus = EnumValue<typeof MailDeliveryStatus>;

export const MailKind = graphqlEnum('MailKind', 'What an e-mail carried.', {
  PRESS_RELEASE: 'A press release.',
  EVENT_INVITATION: 'An invitation to an event, with RSVP links.',
});
export type MailKind = EnumValue<typeof MailKind>;

/** One e-mail to one media contact: a press release or an event invitation, and how its sending went. Staff only. */
@ObjectType('MailDelivery', {
  description: 'One e-mail to one media contact (a press release or an event invitation) and how its sending went. Staff only.',
})
@Entity('mail_delivery')
@Index('ix_mail_delivery_release', ['releaseId'])
@Index('ix_mail_delivery_contact', ['contactId'])
@Index('ix_mail_delivery_invitation', ['invitationId'])
export class MailDelivery {
  @Field(() => ID, { description: 'Opaque identifier.' })
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_mail_delivery' })
  id: string;

  @Field(() => MailKind, { description: 'What it carried.' })
  @Column({ type: 'varchar', length: 30 })
  kind: MailKind;

  @Field(() => ID, { nullable: true, description: 'The press release (PRESS_RELEASE).' })
  @Column({ name: 'release_id', type: 'uuid', nullable: true })
  releaseId: string | null;

  @ManyToOne(() => PressRelease, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'release_id', foreignKeyConstraintName: 'fk_mail_delivery_release' })
  release?: PressRelease;

  @Field(() => ID, { nullable: true, description: 'The invitation (EVENT_INVITATION).' })
  @Column({ name: 'invitation_id', type: 'uuid', nullable: true })
  invitationId: string | null;

  @ManyToOne(() => MediaInvitation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'invitation_id', foreignKeyConstraintName: 'fk_mail_delivery_invitation' })
  invitation?: MediaInvitation;

  @Field(() => ID, { description: 'The recipient.' })
  @Column({ name: 'contact_id', type: 'uuid' })
  contactId: string;

  @ManyToOne(() => MediaContact, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'contact_id', foreignKeyConstraintName: 'fk_mail_delivery_contact' })
  contact?: MediaContact;

  @Field({ description: "The address it goes (went) to: the contact's address when it was queued." })
  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Field(() => MailDeliveryStatus, { description: 'Where it stands.' })
  @Column({ type: 'varchar', length: 30 })
  status: MailDeliveryStatus;

  @Field(() => Int, { description: 'Tries so far.' })
  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Field(() => String, { nullable: true, description: 'Why the last try failed, in words safe for staff (no server internals).' })
  @Column({ name: 'last_error', type: 'varchar', length: 500, nullable: true })
  lastError: string | null;

  @Field(() => Date, { nullable: true, description: 'The embargo the e-mail states ("not for publication before …"), if any.' })
  @Column({ name: 'embargo_until', type: 'timestamptz', nullable: true })
  embargoUntil: Date | null;

  @Field({ description: 'When it is (was) due to be sent.' })
  @Column({ name: 'send_at', type: 'timestamptz' })
  sendAt: Date;

  @Field(() => Date, { nullable: true, description: 'When the mail server accepted it.' })
  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @Field(() => ID, { description: 'The staff member who queued it.' })
  @Column({ name: 'queued_by', type: 'uuid' })
  queuedById: string;

  @Field({ description: 'When it was queued.' })
  @CreateDateColumn({ name: 'queued_at', type: 'timestamptz' })
  queuedAt: Date;

  @UpdatedAtColumn('When its status last changed.')
  updatedAt: Date;
}
