import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Field, GraphQLISODateTime, ID, Int, ObjectType } from 'type-graphql';
import { StaffUser } from '../staff/staff.entity';
import { ApiScope } from './api-key.enums';
import { CreatedAtColumn } from '../../db/timestamp-columns';

/**
 * A partner's API key. Only a SHA-256 of the secret is stored (the secret is shown once, when the
 * key is created); the prefix lets people tell keys apart. Revoked keys are kept, with their
 * counts, for the record.
 */
@ObjectType('ApiKey', { description: "A partner app's API key. The secret itself is shown only once, by createApiKey." })
@Entity('api_key')
@Check('ck_api_key_scopes', `cardinality("scopes") > 0`)
@Check('ck_api_key_rate', `"requests_per_minute" BETWEEN 1 AND 100000`)
@Check('ck_api_key_name', `length(btrim("name")) > 0`)
export class ApiKey {
  @Field(() => ID, { description: 'Opaque identifier.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => String, { description: 'Who the key is for, e.g. "City mobile app".' })
  @Column({ type: 'varchar', length: 120 })
  name: string;

  @Field(() => String, { description: "The first characters of the secret, to tell keys apart (e.g. in logs or a partner's settings)." })
  @Column({ type: 'varchar', length: 16 })
  prefix: string;

  @Index('ux_api_key_hash', { unique: true })
  @Column({ name: 'key_hash', type: 'bytea' })
  keyHash: Buffer;

  @Field(() => [ApiScope], { description: 'What the key may do.' })
  @Column({ type: 'enum', enum: ApiScope, enumName: 'api_scope', array: true })
  scopes: ApiScope[];

  @Field(() => Int, { description: 'Requests per minute the key may make, across all server instances.' })
  @Column({ name: 'requests_per_minute', type: 'int' })
  requestsPerMinute: number;

  @Column({ name: 'request_count', type: 'bigint', default: 0, transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  requestCount: number;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the key was last used (to within a few seconds); null if never.' })
  @Column({ name: 'last_used_at', type: 'timestamptz', nullable: true })
  lastUsedAt: Date | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdById: string | null;

  @ManyToOne(() => StaffUser, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'fk_api_key_created_by' })
  createdBy?: StaffUser;

  @CreatedAtColumn('When the key was issued.')
  createdAt: Date;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the key was revoked; a revoked key is refused (UNAUTHENTICATED).' })
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;
}
