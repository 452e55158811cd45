import { MAIL_RESOLVERS } from '../modules/mail/mail.resolver';
import { FILE_RESOLVERS } from '../modules/files/file.resolver';
import 'reflect-metadata';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema, type AuthChecker } from 'type-graphql';
import { forbidden, unauthenticated } from '../common/errors';
import { signInIncomplete } from '../modules/staff/sign-in-stage';
import { SiteStatsResolver, SiteTrafficResolver } from '../modules/analytics/analytics.resolver';
import { DistrictResolver } from '../modules/districts/district.resolver';
import { EventResolver, HijriDateResolver, OccasionResolver } from '../modules/events/event.resolver';
import { GoalResolver } from '../modules/goals/goal.resolver';
import { GoalIndicatorResolver } from '../modules/goals/goal-indicator.resolver';
import { MEDIA_RESOLVERS } from '../modules/media/media.resolvers';
import { PollOptionResolver, PollQuestionResolver, PollResolver, SubmitPollResponsePayloadResolver } from '../modules/polls/poll.resolver';
import { FreeTextAnswerResolver, PollInsightsResolver, PollResultsByDistrictResolver } from '../modules/polls/insights/insights.resolver';
import { contextScopedPubSub } from '../modules/polls/live/context-pubsub';
import { PollLiveResolver } from '../modules/polls/live/poll-live.resolver';
import { PollActivityResolver } from '../modules/polls/poll-activity.resolver';
import {
  ParticipationResolver,
  PollParticipationFieldsResolver,
  PollResultsAssuranceResolver,
} from '../modules/polls/participation/participation.resolver';
import { type Role } from '../modules/staff/role';
import { hasRole } from '../modules/staff/staff.policy';
import { StaffResolver } from '../modules/staff/staff.resolver';
import { StaffAdminResolver } from '../modules/staff/staff-admin.resolver';
import { SecondFactorResolver } from '../modules/staff/second-factor.resolver';
import { AuditLogResolver } from '../modules/staff/audit-log.resolver';
import { ApiKeyResolver } from '../modules/partners/api-key.resolver';
import { SearchHitResolver, SearchResolver } from '../modules/search/search.resolver';
import { WEBHOOK_RESOLVERS } from '../modules/webhooks/webhook.resolver';
import { assertAccessDeclared } from './access';
import { accessOfField, requiredScope } from './api-key-scopes';
import { type Context } from './context';

export const RESOLVERS = [
  DistrictResolver,
  GoalResolver,
  PollResolver,
  PollQuestionResolver,
  PollOptionResolver,
  SubmitPollResponsePayloadResolver,
  StaffResolver,
  StaffAdminResolver,
  SecondFactorResolver,
  AuditLogResolver,
  GoalIndicatorResolver,
  PollInsightsResolver,
  PollActivityResolver,
  FreeTextAnswerResolver,
  PollResultsByDistrictResolver,
  PollLiveResolver,
  ParticipationResolver,
  PollParticipationFieldsResolver,
  PollResultsAssuranceResolver,
  ApiKeyResolver,
  SiteStatsResolver,
  SiteTrafficResolver,
  EventResolver,
  HijriDateResolver,
  OccasionResolver,
  ...MEDIA_RESOLVERS,
  ...WEBHOOK_RESOLVERS,
  ...MAIL_RESOLVERS,
  ...FILE_RESOLVERS,
  SearchResolver,
  SearchHitResolver,
] as const;

const authChecker: AuthChecker<Context, Role> = ({ context, info }, roles) => {
  if (!context.viewer) {
    // A partner API key reaches a staff field only when the field names a scope the key holds.
    const scope = context.apiKey ? requiredScope(accessOfField(info)) : null;
    if (scope && context.apiKey!.scopes.includes(scope)) return true;
    // A key is someone known, only not allowed here: FORBIDDEN, as for staff-only operations.
    if (context.apiKey) throw forbidden();
    // Half-way through signing in: nothing works until the step ahead is done.
    if (context.pending) throw signInIncomplete(context.pending.state);
    throw unauthenticated();
  }
  if (!hasRole(context.viewer, roles)) throw forbidden();
  return true;
};

let cached: Promise<GraphQLSchema> | undefined;

/** The executable schema. Refuses to build when any operation lacks an access declaration. */
export function getSchema(): Promise<GraphQLSchema> {
  cached ??= (async () => {
    const schema = await buildSchema({
      resolvers: RESOLVERS,
      authChecker,
      authMode: 'error',
      validate: { forbidUnknownValues: false },
      emitSchemaFile: false,
      pubSub: contextScopedPubSub,
    });
    assertAccessDeclared(schema);
    schema.getQueryType()!.description =
      'Everything a caller can read. Public fields need no session; staff fields say which roles may call them.';
    schema.getMutationType()!.description =
      'Everything a caller can change. Each mutation takes one `input` and returns a payload with the changed object.';
    const subscriptionType = schema.getSubscriptionType();
    if (subscriptionType)
      subscriptionType.description =
        'Live updates, over WebSocket (graphql-transport-ws) at /graphql. Each subscription declares its access like a query.';
    return schema;
  })();
  return cached;
}

/** The SDL contract in `schema/schema.graphql`: sorted so that diffs show only real changes. */
export function printContract(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
