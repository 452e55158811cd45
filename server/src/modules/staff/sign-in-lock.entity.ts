import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { StaffUser } from './staff.entity';

/**
 * Failed sign-ins to one account from one client (a hashed address, or a device that signed in to
 * the account before), and until when that client must wait. Per client, so that wrong passwords
 * from elsewhere never lock the account's owner out.
 */
@Entity('staff_sign_in_lock')
export class StaffSignInLock {
  @PrimaryColumn({ name: 'user_id', type: 'uuid', primaryKeyConstraintName: 'pk_staff_sign_in_lock' })
  userId: string;

  /** `addr:` or `device:` and a hash: never an address or a device token itself. */
  @PrimaryColumn({ name: 'client_key', type: 'varchar', length: 64, primaryKeyConstraintName: 'pk_staff_sign_in_lock' })
  clientKey: string;

  @ManyToOne(() => StaffUser, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_staff_sign_in_lock_user' })
  user?: StaffUser;

  @Column({ type: 'integer' })
  failures: number;

  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true })
  lockedUntil: Date | null;

  @Column({ name: 'last_failure_at', type: 'timestamptz' })
  lastFailureAt: Date;
}
