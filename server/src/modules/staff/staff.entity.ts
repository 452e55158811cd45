import { Check, Column, Entity, Index, JoinColumn, ManyToOne, OneToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';
import { Role } from './role';
import { CreatedAtColumn } from '../../db/timestamp-columns';

@ObjectType('StaffUser', { description: 'A member of the PR office staff.' })
@Entity('staff_user')
@Index('uq_staff_user_email', ['email'], { unique: true })
@Check('ck_staff_user_email_lower', '"email" = lower("email")')
export class StaffUser {
  @Field(() => ID, { description: 'Opaque identifier.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field({ description: 'Sign-in e-mail address (stored lower-case).' })
  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Field({ description: 'Name shown to colleagues.' })
  @Column({ name: 'display_name', type: 'varchar', length: 120 })
  displayName: string;

  @Field(() => Role, { description: 'What this staff member may do.' })
  @Column({ type: 'enum', enum: Role, enumName: 'staff_role' })
  role: Role;

  @Column({ name: 'password_hash', type: 'varchar', length: 255 })
  passwordHash: string;

  /**
   * True while the password is one an administrator chose (a new account, or a reset): the next
   * sign-in must replace it before anything else works (see SignInStage).
   */
  @Column({ name: 'password_change_required', type: 'boolean', default: false })
  passwordChangeRequired: boolean;

  @Field({ description: 'False once the account is disabled; a disabled account cannot sign in.' })
  @Column({ type: 'boolean', default: true })
  active: boolean;

  @CreatedAtColumn('When the account was created.')
  createdAt: Date;
}

/** A signed-in session. Only a SHA-256 of the token is stored: a database leak yields no usable token. */
@Entity('staff_session')
export class StaffSession {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('uq_staff_session_token_hash', { unique: true })
  @Column({ name: 'token_hash', type: 'bytea' })
  tokenHash: Buffer;

  @Index('ix_staff_session_user')
  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => StaffUser, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_staff_session_user' })
  user?: StaffUser;

  @CreatedAtColumn()
  createdAt: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  /**
   * Null for a session that may do what its role may. Otherwise the step of signing in still ahead
   * (a restricted session: a second-factor code, a new password or enrolling a second factor), and
   * the session may do nothing but that step (see SignInStage).
   */
  @Column({ type: 'varchar', length: 32, nullable: true })
  stage: string | null;
}

/**
 * A staff member's second factor (TOTP, RFC 6238): the secret encrypted with the server's key
 * (AES-256-GCM, the user's id as associated data), never returned after enrolment. `confirmedAt`
 * is null while an enrolment waits for its first code. `lastTimeStep`: the newest 30-second step a
 * code was accepted for, so that no code is accepted twice (nor an older one).
 */
@Entity('staff_second_factor')
export class StaffSecondFactor {
  @PrimaryColumn({ name: 'user_id', type: 'uuid', primaryKeyConstraintName: 'pk_staff_second_factor' })
  userId: string;

  @OneToOne(() => StaffUser, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_staff_second_factor_user' })
  user?: StaffUser;

  @Column({ name: 'secret_encrypted', type: 'bytea' })
  secretEncrypted: Buffer;

  @Column({ name: 'confirmed_at', type: 'timestamptz', nullable: true })
  confirmedAt: Date | null;

  @Column({ name: 'last_time_step', type: 'bigint', nullable: true })
  lastTimeStep: string | null;

  @CreatedAtColumn()
  createdAt: Date;
}

/** A recovery code of a second factor: only its SHA-256 is kept, and it works once. */
@Entity('staff_recovery_code')
@Index('uq_staff_recovery_code', ['userId', 'codeHash'], { unique: true })
export class StaffRecoveryCode {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_staff_recovery_code' })
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => StaffUser, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_staff_recovery_code_user' })
  user?: StaffUser;

  @Column({ name: 'code_hash', type: 'bytea' })
  codeHash: Buffer;

  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt: Date | null;

  @CreatedAtColumn()
  createdAt: Date;
}

/** A one-time link to set a password: random token, only its SHA-256 stored, expires, single use. */
@Entity('staff_password_token')
export class StaffPasswordToken {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_staff_password_token' })
  id: string;

  @Index('uq_staff_password_token_hash', { unique: true })
  @Column({ name: 'token_hash', type: 'bytea' })
  tokenHash: Buffer;

  @Index('ix_staff_password_token_user')
  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => StaffUser, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_staff_password_token_user' })
  user?: StaffUser;

  @CreatedAtColumn()
  createdAt: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt: Date | null;
}
