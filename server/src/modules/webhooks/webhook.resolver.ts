import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { CurrentActor, StaffOnly } from '../../graphql/access';
import { type Actor } from '../staff/staff.policy';
import { type Context } from '../../graphql/context';
import { Connection, PageArgs } from '../../common/pagination';
import { StaffUser } from '../staff/staff.entity';
import { Webhook, WebhookDelivery, WebhookDeliveryAttempt } from './webhook.entity';
import { WebhookDeliveryStatus } from './webhook.enums';
import {
  CreateWebhookInput,
  CreateWebhookPayload,
  DeleteWebhookInput,
  DeleteWebhookPayload,
  RedeliverWebhookDeliveryInput,
  RedeliverWebhookDeliveryPayload,
  UpdateWebhookInput,
  UpdateWebhookPayload,
} from './webhook.inputs';
import { webhookBody, type WebhookEnvelope } from './webhook.payloads';
import { WEBHOOK_ADMINS } from './webhook.policy';

export const WebhookDeliveryConnection = Connection(WebhookDelivery, 'WebhookDelivery');

@Resolver(() => Webhook)
export class WebhookResolver {
  @StaffOnly(...WEBHOOK_ADMINS)
  @Query(() => [Webhook], { description: 'Partner webhooks, newest first (at most 100). Admins.' })
  webhooks(@Ctx() ctx: Context): Promise<Webhook[]> {
    return ctx.services.webhooks.list();
  }

  @StaffOnly(...WEBHOOK_ADMINS)
  @Query(() => WebhookDeliveryConnection, {
    description: "A webhook's delivery log, newest first, with every attempt. Deliveries are kept 90 days. Admins.",
  })
  webhookDeliveries(
    @Arg('webhookId', () => ID, { description: 'The webhook.' }) webhookId: string,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('status', () => WebhookDeliveryStatus, { nullable: true, description: 'Only deliveries in this status.' })
    status: WebhookDeliveryStatus | null,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.webhooks.deliveries(webhookId, { first: page.first, after: page.after, status });
  }

  @StaffOnly(...WEBHOOK_ADMINS)
  @Mutation(() => CreateWebhookPayload, {
    description: 'Registers a partner webhook; the signing secret is in the payload and is never shown again. Admins.',
  })
  createWebhook(
    @Arg('input', () => CreateWebhookInput, { description: 'URL, events and description.' }) input: CreateWebhookInput,
    @CurrentActor() actor: Actor,
    @Ctx() ctx: Context,
  ): Promise<CreateWebhookPayload> {
    return ctx.services.webhooks.create(actor, input);
  }

  @StaffOnly(...WEBHOOK_ADMINS)
  @Mutation(() => UpdateWebhookPayload, { description: "Changes a webhook's events or description, or disables or enables it. Admins." })
  async updateWebhook(
    @Arg('input', () => UpdateWebhookInput, { description: 'The webhook and the changes to make.' }) input: UpdateWebhookInput,
    @CurrentActor() actor: Actor,
    @Ctx() ctx: Context,
  ): Promise<UpdateWebhookPayload> {
    return { webhook: await ctx.services.webhooks.update(actor, input) };
  }

  @StaffOnly(...WEBHOOK_ADMINS)
  @Mutation(() => DeleteWebhookPayload, { description: 'Deletes a webhook and its delivery log; nothing more is sent to it. Admins.' })
  async deleteWebhook(
    @Arg('input', () => DeleteWebhookInput, { description: 'The webhook to delete.' }) input: DeleteWebhookInput,
    @CurrentActor() actor: Actor,
    @Ctx() ctx: Context,
  ): Promise<DeleteWebhookPayload> {
    return { deletedWebhookId: await ctx.services.webhooks.delete(actor, input.id) };
  }

  @StaffOnly(...WEBHOOK_ADMINS)
  @Mutation(() => RedeliverWebhookDeliveryPayload, {
    description: 'Sends a delivered or failed delivery again, with the same delivery id and a fresh round of attempts. Admins.',
  })
  async redeliverWebhookDelivery(
    @Arg('input', () => RedeliverWebhookDeliveryInput, { description: 'The delivery.' }) input: RedeliverWebhookDeliveryInput,
    @CurrentActor() actor: Actor,
    @Ctx() ctx: Context,
  ): Promise<RedeliverWebhookDeliveryPayload> {
    return { delivery: await ctx.services.webhooks.redeliver(actor, input.id) };
  }

  @FieldResolver(() => StaffUser, { nullable: true, description: 'Who registered it; null if that account is gone.' })
  createdBy(@Root() webhook: Webhook, @Ctx() ctx: Context): Promise<StaffUser | null> | null {
    return webhook.createdById ? ctx.loaders.staffUserById.load(webhook.createdById) : null;
  }
}

@Resolver(() => WebhookDelivery)
export class WebhookDeliveryResolver {
  @FieldResolver(() => String, { description: 'The JSON body as POSTed, byte for byte (the signature covers exactly this).' })
  body(@Root() delivery: WebhookDelivery): string {
    return webhookBody(delivery.id, delivery.payload as unknown as WebhookEnvelope);
  }

  @FieldResolver(() => [WebhookDeliveryAttempt], { description: 'Every attempt so far, oldest first.' })
  attemptLog(@Root() delivery: WebhookDelivery): WebhookDeliveryAttempt[] {
    return delivery.attemptLog ?? [];
  }
}

export const WEBHOOK_RESOLVERS = [WebhookResolver, WebhookDeliveryResolver] as const;
