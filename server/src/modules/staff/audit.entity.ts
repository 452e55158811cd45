import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One row for every staff mutation: who did what to which object, when, and the object before and after. */
@Entity('audit_log')
// The log is read newest first, whole or narrowed by one filter: each index serves one filter in
// that order (scanned backwards), so a page is a short range scan however long the log grows.
@Index('ix_audit_log_at_id', ['at', 'id'])
@Index('ix_audit_log_actor_at', ['actorId', 'at', 'id'])
@Index('ix_audit_log_action_at', ['action', 'at', 'id'])
@Index('ix_audit_log_entity_type_at', ['entityType', 'at', 'id'])
@Index('ix_audit_log_entity_id_at', ['entityId', 'at', 'id'])
export class AuditLogEntry {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @CreateDateColumn({ name: 'at', type: 'timestamptz' })
  at: Date;

  /** Null only for actions without a signed-in actor (a failed sign-in has none). */
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
