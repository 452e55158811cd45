import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { EligibilityKind, ResponseAssurance } from '../poll.enums';
import { CreatedAtColumn, UpdatedAtColumn } from '../../../db/timestamp-columns';

/**
 * The answer mix: accepted answers wait here, written in the same transaction as their
 * participation (so an acknowledged answer is stored) and rewritten by the mover, with every other
 * answer of the poll waiting, at its next round (`reshuffled`), until the mover takes a shuffled
 * batch of at least k of one poll's answers into poll_response / poll_answer in a transaction of its
 * own and deletes them from here. Nothing in a response then shares a transaction id, a physical place, a
 * timestamp or a sequence with its participation: see docs/privacy.md.
 * No timestamp and a random key, so the mix's own rows say nothing of arrival order either.
 */
@Entity('poll_answer_mix')
@Index('ix_poll_answer_mix_poll', ['pollId'])
@Check('ck_poll_answer_mix_sealed_or_plain', `"sealed" IS NOT NULL OR "question_ids" IS NOT NULL`)
export class PollAnswerMix {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_poll_answer_mix' })
  id: string;

  @Column({ name: 'poll_id', type: 'uuid' })
  pollId: string;

  /**
   * The district and the answer rows, sealed (AES-256-GCM, the poll id as associated data, under a
   * key derived from RESPONDENT_SECRET; padded so the length tells only a size bucket): a copy of
   * the database shows that an answer waits, not what it says. Only the mover opens it, as one of a
   * shuffled batch of at least k. Null only on rows written before answers were sealed, which carry
   * the plain columns below instead.
   */
  @Column({ type: 'bytea', nullable: true })
  sealed: Buffer | null;

  /** Rows written before sealing only (see `sealed`); null on every row written since. */
  @Column({ name: 'district_id', type: 'uuid', nullable: true })
  districtId: string | null;

  /**
   * Kept readable: the participation row beside it already tells as much (a spent token's digest or
   * a respondent key, under the poll's assurance rule), and the mover's results show the counts per
   * assurance.
   */
  @Column({ type: 'enum', enum: ResponseAssurance, enumName: 'response_assurance' })
  assurance: ResponseAssurance;

  /** Rows written before sealing only: the answer rows as parallel arrays (question, option, number, text), in the response's order. */
  @Column({ name: 'question_ids', type: 'uuid', array: true, nullable: true })
  questionIds: string[] | null;

  @Column({ name: 'option_ids', type: 'uuid', array: true, nullable: true })
  optionIds: Array<string | null> | null;

  @Column({ type: 'smallint', array: true, nullable: true })
  numbers: Array<number | null> | null;

  @Column({ type: 'text', array: true, nullable: true })
  texts: Array<string | null> | null;

  /**
   * The abuse-signal cluster it arrived from (see PollResponse.clusterKey); the mover carries it to
   * the response. Kept readable: an HMAC under a salt deleted after a day, naming a
   * network and browser family, not a person (docs/privacy.md, "What remains").
   */
  @Column({ name: 'cluster_key', type: 'bytea', nullable: true })
  clusterKey: Buffer | null;

  /**
   * Written by the mover's reshuffle rather than by a submission. While any of a poll's waiting
   * answers is not, the mover rewrites them all in one transaction and in random order, so that a
   * waiting answer no longer shares its transaction id (or its place on disk) with its participation.
   */
  @Column({ type: 'boolean', default: false })
  reshuffled: boolean;
}

/** Responses per poll and assurance ("1,240 answers, 1,100 verified"), kept by the mover. */
@Entity('poll_assurance_tally')
export class PollAssuranceTally {
  @PrimaryColumn({ name: 'poll_id', type: 'uuid', primaryKeyConstraintName: 'pk_poll_assurance_tally' })
  pollId: string;

  @PrimaryColumn({
    type: 'enum',
    enum: ResponseAssurance,
    enumName: 'response_assurance',
    primaryKeyConstraintName: 'pk_poll_assurance_tally',
  })
  assurance: ResponseAssurance;

  @Column({ type: 'bigint' })
  responses: string;
}

/**
 * A verified poll's blind-signing key (RSA-2048, RFC 9474 RSABSSA-SHA384-PSS-Randomized): one per
 * poll, so tokens of one poll are worthless in another and a key's compromise stays with its poll.
 * The private key is stored sealed (AES-256-GCM under a key derived from TOKEN_KEY_SECRET): a
 * database reader alone cannot sign tokens.
 */
@Entity('poll_token_key')
export class PollTokenKey {
  @PrimaryColumn({ name: 'poll_id', type: 'uuid', primaryKeyConstraintName: 'pk_poll_token_key' })
  pollId: string;

  /** SubjectPublicKeyInfo, DER. */
  @Column({ name: 'public_key', type: 'bytea' })
  publicKey: Buffer;

  @Column({ name: 'sealed_private_key', type: 'bytea' })
  sealedPrivateKey: Buffer;

  @CreatedAtColumn()
  createdAt: Date;
}

/**
 * "Identity H received its token for poll P": a keyed hash of the verified identity, per poll.
 * The primary key is what makes one person one token, hence one answer. No timestamp, no link to
 * the token (it was signed blindly and never seen).
 */
@Entity('poll_token_issuance')
@Index('ix_poll_token_issuance_unsettled', ['pollId'], { where: '"mix_state" <> 0' })
export class PollTokenIssuance {
  @PrimaryColumn({ name: 'poll_id', type: 'uuid', primaryKeyConstraintName: 'pk_poll_token_issuance' })
  pollId: string;

  @PrimaryColumn({ name: 'identity_key', type: 'bytea', primaryKeyConstraintName: 'pk_poll_token_issuance' })
  identityKey: Buffer;

  /** Where the row is in its poll's pool (MixState): its arrival order is rewritten away by the mover. */
  @Column({ name: 'mix_state', type: 'smallint', default: 1 })
  mixState: number;
}

/** A one-time SMS code waiting to be entered: keyed hashes of the number and the code only. */
@Entity('verification_code')
export class VerificationCode {
  @PrimaryColumn({ name: 'poll_id', type: 'uuid', primaryKeyConstraintName: 'pk_verification_code' })
  pollId: string;

  @PrimaryColumn({ name: 'phone_key', type: 'bytea', primaryKeyConstraintName: 'pk_verification_code' })
  phoneKey: Buffer;

  @Column({ name: 'code_hash', type: 'bytea' })
  codeHash: Buffer;

  @Index('ix_verification_code_expires')
  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  /** Wrong codes entered; the code is void at 5. */
  @Column({ type: 'smallint', default: 0 })
  attempts: number;
}

@ObjectType('EligibilityList', {
  description: 'A list of identifiers eligible to answer RESIDENT_LIST polls. Only keyed hashes of the identifiers are stored. Staff only.',
})
@Entity('eligibility_list')
export class EligibilityList {
  @Field(() => ID, { description: 'Opaque identifier.' })
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_eligibility_list' })
  id: string;

  @Field({ description: 'A name staff recognise, such as "Residents of district 12, 1405".' })
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Field(() => EligibilityKind, { description: 'Which identifiers it holds.' })
  @Column({ type: 'enum', enum: EligibilityKind, enumName: 'eligibility_kind' })
  kind: EligibilityKind;

  @Field(() => Int, { description: 'How many distinct identifiers it holds.' })
  @Column({ name: 'entry_count', type: 'int', default: 0 })
  entryCount: number;

  @CreatedAtColumn('When it was created.')
  createdAt: Date;

  @UpdatedAtColumn('When identifiers were last added.')
  updatedAt: Date;
}

/** One eligible identifier, as a keyed hash (HMAC under ELIGIBILITY_SECRET). */
@Entity('eligibility_entry')
export class EligibilityEntry {
  @PrimaryColumn({ name: 'list_id', type: 'uuid', primaryKeyConstraintName: 'pk_eligibility_entry' })
  listId: string;

  @ManyToOne(() => EligibilityList, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'list_id', foreignKeyConstraintName: 'fk_eligibility_entry_list' })
  list?: EligibilityList;

  @PrimaryColumn({ name: 'identity_key', type: 'bytea', primaryKeyConstraintName: 'pk_eligibility_entry' })
  identityKey: Buffer;
}

/** Proof-of-work challenges already spent, kept until they expire: a challenge solves one answer. */
@Entity('spent_challenge')
export class SpentChallenge {
  @PrimaryColumn({ type: 'bytea', primaryKeyConstraintName: 'pk_spent_challenge' })
  key: Buffer;

  @Index('ix_spent_challenge_expires')
  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;
}

/** Accepted answers per poll and minute: the baseline that bursts are measured against. No link to any answer. */
@Entity('poll_arrival_minute')
export class PollArrivalMinute {
  @PrimaryColumn({ name: 'poll_id', type: 'uuid', primaryKeyConstraintName: 'pk_poll_arrival_minute' })
  pollId: string;

  @PrimaryColumn({ type: 'timestamptz', primaryKeyConstraintName: 'pk_poll_arrival_minute' })
  minute: Date;

  @Column({ type: 'int' })
  answers: number;
}

/** Accepted answers per poll, ten-minute window and cluster (network prefix and browser family, hashed under the day's salt). */
@Entity('poll_arrival_cluster')
export class PollArrivalCluster {
  @PrimaryColumn({ name: 'poll_id', type: 'uuid', primaryKeyConstraintName: 'pk_poll_arrival_cluster' })
  pollId: string;

  @PrimaryColumn({ name: 'window_start', type: 'timestamptz', primaryKeyConstraintName: 'pk_poll_arrival_cluster' })
  windowStart: Date;

  @PrimaryColumn({ name: 'cluster_key', type: 'bytea', primaryKeyConstraintName: 'pk_poll_arrival_cluster' })
  clusterKey: Buffer;

  @Column({ type: 'int' })
  answers: number;
}

/** A staff decision to hold a poll's answers of one time window or one cluster out of every result (reversible, audited). */
@Entity('poll_quarantine')
@Index('ix_poll_quarantine_poll', ['pollId'])
export class PollQuarantine {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_poll_quarantine' })
  id: string;

  @Column({ name: 'poll_id', type: 'uuid' })
  pollId: string;

  /** Answers moved into the results in [windowFrom, windowTo) (hours), when set. */
  @Column({ name: 'window_from', type: 'timestamptz', nullable: true })
  windowFrom: Date | null;

  @Column({ name: 'window_to', type: 'timestamptz', nullable: true })
  windowTo: Date | null;

  /** Answers of this cluster, when set. */
  @Column({ name: 'cluster_key', type: 'bytea', nullable: true })
  clusterKey: Buffer | null;

  @Column({ type: 'varchar', length: 500 })
  reason: string;

  /** Responses it held out when made. */
  @Column({ type: 'int', default: 0 })
  responses: number;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreatedAtColumn()
  createdAt: Date;

  @Column({ name: 'released_by', type: 'uuid', nullable: true })
  releasedBy: string | null;

  @Column({ name: 'released_at', type: 'timestamptz', nullable: true })
  releasedAt: Date | null;
}

export const PARTICIPATION_ENTITIES = [
  PollArrivalMinute,
  PollArrivalCluster,
  PollQuarantine,
  PollAnswerMix,
  PollAssuranceTally,
  PollTokenKey,
  PollTokenIssuance,
  VerificationCode,
  EligibilityList,
  EligibilityEntry,
  SpentChallenge,
];
