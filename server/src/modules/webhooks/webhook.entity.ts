import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { Field, GraphQLISODateTime, ID, Int, ObjectType } from 'type-graphql';
import { Poll } from '../polls/poll.entity';
import { StaffUser } from '../staff/staff.entity';
import { WebhookDeliveryStatus, WebhookEventType } from './webhook.enums';
import { CreatedAtColumn } from '../../db/timestamp-columns';

export const WEBHOOK_URL_MAX = 2000;
export const WEBHOOK_DESCRIPTION_MAX = 500;
/** Errors in the delivery log are one short line: never a stack, never the receiver's body. */
export const WEBHOOK_ERROR_MAX = 300;

/**
 * A partner's HTTPS endpoint and the events it wants. The signing secret is kept (deliveries are
 * signed with it) but never read back through the API: createWebhook shows it once.
 */
@ObjectType('Webhook', { description: 'A partner endpoint that is sent events as signed HTTPS POST requests (docs/webhooks.md). Admins.' })
@Entity('webhook')
@Check('ck_webhook_events', `cardinality("events") > 0`)
@Check('ck_webhook_url', `"url" ~ '^https?://'`)
export class Webhook {
  @Field(() => ID, { description: 'Opaque identifier.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => String, { description: 'Where deliveries are POSTed.' })
  @Column({ type: 'varchar', length: WEBHOOK_URL_MAX })
  url: string;

  @Field(() => [WebhookEventType], { description: 'The events this webhook is sent.' })
  @Column({ type: 'enum', enum: WebhookEventType, enumName: 'webhook_event_type', array: true })
  events: WebhookEventType[];

  @Column({ name: 'signing_secret', type: 'varchar', length: 100, select: false })
  signingSecret?: string;

  @Field(() => String, { nullable: true, description: 'What the webhook is for, e.g. "District 6 app".' })
  @Column({ type: 'varchar', length: WEBHOOK_DESCRIPTION_MAX, nullable: true })
  description: string | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdById: string | null;

  @ManyToOne(() => StaffUser, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'fk_webhook_created_by' })
  createdBy?: StaffUser;

  @CreatedAtColumn('When the webhook was registered.')
  createdAt: Date;

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'When the webhook was disabled; a disabled webhook is sent nothing. Null while enabled.',
  })
  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true })
  disabledAt: Date | null;
}

/**
 * The delivery log and the outbox in one: a row is written in the transaction of the change it
 * announces, then sent (and retried) by the dispatcher.
 */
@ObjectType('WebhookDelivery', { description: 'One event sent (or to be sent) to one webhook, with its attempts.' })
@Entity('webhook_delivery')
@Check('ck_webhook_delivery_attempts', `"attempts" >= 0 AND "attempts" <= "max_attempts"`)
@Check('ck_webhook_delivery_pending', `("status" = 'PENDING') = ("next_attempt_at" IS NOT NULL)`)
@Check('ck_webhook_delivery_delivered', `("status" = 'DELIVERED') = ("delivered_at" IS NOT NULL)`)
@Check('ck_webhook_delivery_status_code', `"last_status_code" BETWEEN 100 AND 599`)
@Index('ix_webhook_delivery_due', ['nextAttemptAt'], { where: `"status" = 'PENDING'` })
@Index('ix_webhook_delivery_webhook', ['webhookId', 'createdAt', 'id'])
export class WebhookDelivery {
  @Field(() => ID, {
    description:
      'The delivery id, also sent as the `X-Nabz-Delivery` header and as `id` in the body: receivers use it to ignore a delivery they already handled.',
  })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID, { description: 'The webhook it is for.' })
  @Column({ name: 'webhook_id', type: 'uuid' })
  webhookId: string;

  @ManyToOne(() => Webhook, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'webhook_id', foreignKeyConstraintName: 'fk_webhook_delivery_webhook' })
  webhook?: Webhook;

  @Field(() => WebhookEventType, { description: 'What happened.' })
  @Column({ name: 'event_type', type: 'enum', enum: WebhookEventType, enumName: 'webhook_event_type' })
  eventType: WebhookEventType;

  /** The event without the delivery id: `{ eventId, type, occurredAt, data }` (see webhook.payloads.ts). */
  @Column({ type: 'jsonb' })
  payload: Record<string, unknown>;

  @Field(() => WebhookDeliveryStatus, { description: 'Where the delivery stands.' })
  @Column({ type: 'enum', enum: WebhookDeliveryStatus, enumName: 'webhook_delivery_status', default: WebhookDeliveryStatus.PENDING })
  status: WebhookDeliveryStatus;

  @Field(() => Int, { description: 'Attempts made so far.' })
  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Field(() => Int, { description: 'Attempts allowed before the delivery is FAILED (8 more after each redelivery).' })
  @Column({ name: 'max_attempts', type: 'int' })
  maxAttempts: number;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the next attempt is due; null unless PENDING.' })
  @Column({ name: 'next_attempt_at', type: 'timestamptz', nullable: true })
  nextAttemptAt: Date | null;

  @Field(() => Int, {
    nullable: true,
    description: 'The HTTP status of the last attempt; null when it had no answer or there was no attempt yet.',
  })
  @Column({ name: 'last_status_code', type: 'smallint', nullable: true })
  lastStatusCode: number | null;

  @Field(() => String, { nullable: true, description: 'Why the last attempt failed, in one short line.' })
  @Column({ name: 'last_error', type: 'varchar', length: WEBHOOK_ERROR_MAX, nullable: true })
  lastError: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the receiver accepted it; null unless DELIVERED.' })
  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true })
  deliveredAt: Date | null;

  @CreatedAtColumn('When the event happened and the delivery was queued.')
  createdAt: Date;

  /** Filled in by the service for the API (not a column). */
  attemptLog?: WebhookDeliveryAttempt[];
}

/** One attempt of a delivery: what the receiver answered, or why there was no answer. */
@ObjectType('WebhookDeliveryAttempt', { description: 'One attempt to deliver an event.' })
@Entity('webhook_delivery_attempt')
@Check('ck_webhook_delivery_attempt_number', `"number" > 0`)
@Check('ck_webhook_delivery_attempt_status_code', `"status_code" BETWEEN 100 AND 599`)
@Check('ck_webhook_delivery_attempt_duration', `"duration_ms" >= 0`)
@Check('ck_webhook_delivery_attempt_outcome', `"status_code" IS NOT NULL OR "error" IS NOT NULL`)
export class WebhookDeliveryAttempt {
  @PrimaryColumn({ name: 'delivery_id', type: 'uuid', primaryKeyConstraintName: 'pk_webhook_delivery_attempt' })
  deliveryId: string;

  @ManyToOne(() => WebhookDelivery, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'delivery_id', foreignKeyConstraintName: 'fk_webhook_delivery_attempt_delivery' })
  delivery?: WebhookDelivery;

  @Field(() => Int, { description: "The attempt's number, from 1." })
  @PrimaryColumn({ type: 'int', primaryKeyConstraintName: 'pk_webhook_delivery_attempt' })
  number: number;

  @Field(() => GraphQLISODateTime, { description: 'When the request was sent.' })
  @Column({ name: 'attempted_at', type: 'timestamptz' })
  attemptedAt: Date;

  @Field(() => Int, { description: 'How long the receiver took to answer (or to fail), in milliseconds.' })
  @Column({ name: 'duration_ms', type: 'int' })
  durationMs: number;

  @Field(() => Int, { nullable: true, description: 'The HTTP status the receiver answered with; null when there was no answer.' })
  @Column({ name: 'status_code', type: 'smallint', nullable: true })
  statusCode: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Why the attempt failed, in one short line (e.g. "timed out after 5 s", "HTTP 500"); null when it succeeded.',
  })
  @Column({ type: 'varchar', length: WEBHOOK_ERROR_MAX, nullable: true })
  error: string | null;
}

/**
 * Scheduled poll openings and closings already announced: one row per (poll, event type), so that
 * however many server instances notice the same moment, exactly one announces it.
 */
@Entity('webhook_poll_notice')
@Check('ck_webhook_poll_notice_type', `"type" IN ('POLL_OPENED', 'POLL_CLOSED')`)
export class WebhookPollNotice {
  @PrimaryColumn({ name: 'poll_id', type: 'uuid', primaryKeyConstraintName: 'pk_webhook_poll_notice' })
  pollId: string;

  @ManyToOne(() => Poll, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'poll_id', foreignKeyConstraintName: 'fk_webhook_poll_notice_poll' })
  poll?: Poll;

  @PrimaryColumn({
    type: 'enum',
    enum: WebhookEventType,
    enumName: 'webhook_event_type',
    primaryKeyConstraintName: 'pk_webhook_poll_notice',
  })
  type: WebhookEventType;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;

  @CreatedAtColumn()
  createdAt: Date;
}

export const WEBHOOK_ENTITIES = [Webhook, WebhookDelivery, WebhookDeliveryAttempt, WebhookPollNotice];
