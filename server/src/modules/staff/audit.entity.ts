import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One row for every staff mutation: who did what to which object, when, and the object before and after. */
@Entity('audit_log')
@Index('ix_audit_log_entity', ['entityType', 'entityId'])
export class AuditLogEntry {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('ix_audit_log_at')
  @CreateDateColumn({ name: 'at', type: 'timestamptz' })
  at: Date;

  /** Null only for actions without a signed-in actor (a failed sign-in has none). */
  @Index('ix_audit_log_actor')
  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ type: 'varchar', length: 64 })
  action: string;

  @Column({ name: 'entity_type', type: 'varchar', length: 64 })
  entityType: string;

  @Column({ name: 'entity_id', type: 'varchar', length: 64, nullable: true })
  entityId: string | null;

  @Column({ type: 'jsonb', nullable: true })
  before: object | null;

  @Column({ type: 'jsonb', nullable: true })
  after: object | null;

  @Column({ name: 'request_id', type: 'varchar', length: 64, nullable: true })
  requestId: string | null;
}
