import { IsOptional } from 'class-validator';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { IdInput, TextInput } from '../../common/validation';
import { Connection } from '../../common/pagination';

@ObjectType('AuditLogEntry', {
  description:
    'One staff action: who did what to which object, when, and the object before and after. Secrets and their hashes are never included.',
})
export class AuditLogEntryView {
  @Field(() => ID, { description: 'Opaque identifier.' })
  id: string;

  @Field({ description: 'When it happened (the start of the transaction that made the change).' })
  at: Date;

  /** Resolved to `actor` through a DataLoader. */
  actorId: string | null;

  @Field({ description: 'What was done, e.g. `createGoal`, `updateStaffUser`, `signIn`, `createApiKey`.' })
  action: string;

  @Field({ description: 'The kind of object acted on, e.g. `Goal`, `StaffUser`, `StaffSession`, `ApiKey`.' })
  entityType: string;

  @Field(() => String, { nullable: true, description: 'The id of the object acted on, when there is one.' })
  entityId: string | null;

  @Field(() => GraphQLJSONObject, {
    nullable: true,
    description: 'The object before the change; null for a creation or an action without one.',
  })
  before: Record<string, unknown> | null;

  @Field(() => GraphQLJSONObject, {
    nullable: true,
    description:
      'The object after the change, sometimes with facts about it (such as `endedSessionCount`); null for a deletion or an action without one.',
  })
  after: Record<string, unknown> | null;

  @Field(() => String, {
    nullable: true,
    description: 'The `x-request-id` of the request that made the change, to find it in the server logs.',
  })
  requestId: string | null;

  /** The exact `at` (microseconds), for the cursor: a JavaScript Date keeps milliseconds only. */
  cursorAt: string;
}

export const AuditLogEntryConnection = Connection(AuditLogEntryView, 'AuditLogEntry');

@InputType({ description: 'Which audit log entries to list; all given conditions must hold.' })
export class AuditLogFilter {
  @IdInput({ description: 'Only actions by this staff user.', optional: true })
  actorId?: string | null;

  @TextInput({ description: 'Only this action, exactly (e.g. `updateStaffUser`).', max: 64, optional: true, allowBlank: true })
  action?: string | null;

  @TextInput({ description: 'Only objects of this kind, exactly (e.g. `StaffUser`).', max: 64, optional: true, allowBlank: true })
  entityType?: string | null;

  @TextInput({
    description: "Only this object (its id); combine with entityType for an object's whole history.",
    max: 64,
    optional: true,
    allowBlank: true,
  })
  entityId?: string | null;

  @Field(() => Date, { nullable: true, description: 'Only entries at or after this instant.' })
  @IsOptional()
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Only entries before this instant; must be after `from`.' })
  @IsOptional()
  to?: Date | null;
}
