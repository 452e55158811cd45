import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';
import { Role } from './role';

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

  @Field({ description: 'False once the account is disabled; a disabled account cannot sign in.' })
  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Field({ description: 'When the account was created.' })
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
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

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;
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

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt: Date | null;
}
