import { ArrayMaxSize, IsOptional, MaxLength } from 'class-validator';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { IdInput, TextInput } from '../../common/validation';
import { Webhook, WEBHOOK_DESCRIPTION_MAX, WEBHOOK_URL_MAX, WebhookDelivery } from './webhook.entity';
import { WEBHOOK_EVENT_TYPES, WebhookEventType } from './webhook.enums';

@InputType({ description: 'A partner endpoint to send events to.' })
export class CreateWebhookInput {
  @Field({
    description: `Where to POST events, at most ${WEBHOOK_URL_MAX} characters. https:// in production; never localhost or a private, loopback or link-local address.`,
  })
  @MaxLength(WEBHOOK_URL_MAX)
  url: string;

  @Field(() => [WebhookEventType], { description: 'The events to send it; at least one.' })
  @ArrayMaxSize(WEBHOOK_EVENT_TYPES.length * 2)
  events: WebhookEventType[];

  @TextInput({
    description: `What the webhook is for, at most ${WEBHOOK_DESCRIPTION_MAX} characters.`,
    max: WEBHOOK_DESCRIPTION_MAX,
    optional: true,
    allowBlank: true,
  })
  description?: string | null;
}

@InputType({ description: 'Changes to a webhook. Omitted fields keep their value. The URL cannot change: register a new webhook instead.' })
export class UpdateWebhookInput {
  @IdInput({ description: 'The webhook to change.' })
  id: string;

  @Field(() => [WebhookEventType], { nullable: true, description: 'The events to send it from now on; at least one.' })
  @IsOptional()
  @ArrayMaxSize(WEBHOOK_EVENT_TYPES.length * 2)
  events?: WebhookEventType[] | null;

  @TextInput({
    description: 'What the webhook is for; null or empty clears it.',
    max: WEBHOOK_DESCRIPTION_MAX,
    optional: true,
    allowBlank: true,
  })
  description?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'True stops all sending to it (what is still waiting is FAILED); false starts again.',
  })
  @IsOptional()
  disabled?: boolean | null;
}

@InputType({ description: 'The webhook to delete.' })
export class DeleteWebhookInput {
  @IdInput({ description: 'The webhook to delete, with its delivery log.' })
  id: string;
}

@InputType({ description: 'The delivery to send again.' })
export class RedeliverWebhookDeliveryInput {
  @IdInput({ description: 'A DELIVERED or FAILED delivery of an enabled webhook.' })
  id: string;
}

@ObjectType({ description: 'The registered webhook and its signing secret.' })
export class CreateWebhookPayload {
  @Field(() => Webhook, { description: 'The webhook as stored.' })
  webhook: Webhook;

  @Field({
    description:
      'The secret the deliveries are signed with (X-Nabz-Signature; docs/webhooks.md). Shown only this once: give it to the partner now.',
  })
  signingSecret: string;
}

@ObjectType({ description: 'The changed webhook.' })
export class UpdateWebhookPayload {
  @Field(() => Webhook, { description: 'The webhook as stored after the change.' })
  webhook: Webhook;
}

@ObjectType({ description: 'The result of deleting a webhook.' })
export class DeleteWebhookPayload {
  @Field(() => ID, { description: 'The id of the webhook that was deleted.' })
  deletedWebhookId: string;
}

@ObjectType({ description: 'The delivery, queued again.' })
export class RedeliverWebhookDeliveryPayload {
  @Field(() => WebhookDelivery, { description: 'The delivery, now PENDING and due at once.' })
  delivery: WebhookDelivery;
}
