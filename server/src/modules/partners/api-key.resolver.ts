import { Arg, Ctx, FieldResolver, Float, Mutation, Query, Resolver, Root } from 'type-graphql';
import { CurrentActor, StaffOnly } from '../../graphql/access';
import { type Actor } from '../staff/staff.policy';
import { type Context } from '../../graphql/context';
import { Role } from '../staff/role';
import { ApiKey } from './api-key.entity';
import { CreateApiKeyInput, CreateApiKeyPayload, RevokeApiKeyInput, RevokeApiKeyPayload } from './api-key.types';

@Resolver(() => ApiKey)
export class ApiKeyResolver {
  @StaffOnly(Role.ADMIN)
  @Query(() => [ApiKey], { description: 'Partner API keys, newest first, revoked ones included. Admins.' })
  apiKeys(@Ctx() ctx: Context): Promise<ApiKey[]> {
    return ctx.services.apiKeys.list();
  }

  @StaffOnly(Role.ADMIN)
  @Mutation(() => CreateApiKeyPayload, {
    description: 'Issues a partner API key; its secret is in the payload and is never shown again. Admins.',
  })
  createApiKey(
    @Arg('input', () => CreateApiKeyInput, { description: 'Name, scopes and rate limit.' }) input: CreateApiKeyInput,
    @CurrentActor() actor: Actor,
    @Ctx() ctx: Context,
  ): Promise<CreateApiKeyPayload> {
    return ctx.services.apiKeys.create(actor, input);
  }

  @StaffOnly(Role.ADMIN)
  @Mutation(() => RevokeApiKeyPayload, {
    description: 'Revokes a key: this server refuses it at once, the others within 10 seconds. Admins.',
  })
  async revokeApiKey(
    @Arg('input', () => RevokeApiKeyInput, { description: 'The key.' }) input: RevokeApiKeyInput,
    @CurrentActor() actor: Actor,
    @Ctx() ctx: Context,
  ): Promise<RevokeApiKeyPayload> {
    return { apiKey: await ctx.services.apiKeys.revoke(actor, input.id) };
  }

  // Float: a busy key passes 2^31 requests within a few years.
  @FieldResolver(() => Float, { description: 'Requests made with the key so far (accepted and refused), up to the last few seconds.' })
  requestCount(@Root() key: ApiKey, @Ctx() ctx: Context): number {
    return ctx.services.apiKeys.requestCount(key);
  }
}
