import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { StaffOnly } from '../../graphql/access';
import { type Context } from '../../graphql/context';
import { PageArgs } from '../../common/pagination';
import { Role } from './role';
import { StaffUser } from './staff.entity';
import { AuditLogEntryConnection, AuditLogEntryView, AuditLogFilter } from './audit-log.types';

@Resolver(() => AuditLogEntryView)
export class AuditLogResolver {
  @StaffOnly(Role.ADMIN)
  @Query(() => AuditLogEntryConnection, { description: 'The audit log of staff actions, newest first. Admins.' })
  auditLog(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => AuditLogFilter, { nullable: true, description: 'Narrows the log.' }) filter: AuditLogFilter | null,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.auditLog.list({ first: page.first, after: page.after, filter });
  }

  @FieldResolver(() => StaffUser, { nullable: true, description: 'Who did it; null for an action without a signed-in staff member.' })
  actor(@Root() entry: AuditLogEntryView, @Ctx() ctx: Context): Promise<StaffUser | null> | null {
    return entry.actorId ? ctx.loaders.staffUserById.load(entry.actorId) : null;
  }
}
