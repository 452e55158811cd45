import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { ApiKey } from './api-key.entity';
import { ApiScope } from './api-key.enums';

@InputType({ description: 'A new partner API key.' })
export class CreateApiKeyInput {
  @Field({ description: 'Who the key is for, 1 to 120 characters (e.g. "City mobile app").' })
  name: string;

  @Field(() => [ApiScope], { description: 'What the key may do; at least one.' })
  scopes: ApiScope[];

  @Field(() => Int, { description: 'Requests per minute the key may make (1 to 100000), across all server instances; then RATE_LIMITED.' })
  requestsPerMinute: number;
}

@InputType({ description: 'The key to revoke.' })
export class RevokeApiKeyInput {
  @Field(() => ID, { description: "The key's id." })
  id: string;
}

@ObjectType({ description: 'The new key and its secret.' })
export class CreateApiKeyPayload {
  @Field(() => ApiKey, { description: 'The key as stored.' })
  apiKey: ApiKey;

  @Field({ description: 'The secret to send as the `X-Api-Key` header. Shown only this once: only a hash of it is stored.' })
  secret: string;
}

@ObjectType({ description: 'The revoked key.' })
export class RevokeApiKeyPayload {
  @Field(() => ApiKey, { description: 'The key, now revoked (revoking twice changes nothing).' })
  apiKey: ApiKey;
}
