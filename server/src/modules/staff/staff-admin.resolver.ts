import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { CurrentActor, StaffOnly } from '../../graphql/access';
import { type Actor } from './staff.policy';
import { type Context } from '../../graphql/context';
import { PageArgs } from '../../common/pagination';
import { Role } from './role';
import {
  CreateStaffUserInput,
  LiftSignInLockInput,
  ResetStaffPasswordInput,
  ResetStaffSecondFactorInput,
  StaffUserFilter,
  UpdateStaffUserInput,
} from './staff-admin.inputs';
import {
  CreateStaffUserPayload,
  LiftSignInLockPayload,
  ResetStaffPasswordPayload,
  ResetStaffSecondFactorPayload,
  StaffUserConnection,
  UpdateStaffUserPayload,
} from './staff-admin.types';
import { StaffUser } from './staff.entity';
import { SignInLockState } from './staff.inputs';

@Resolver(() => StaffUser)
export class StaffAdminResolver {
  @FieldResolver(() => SignInLockState, {
    nullable: true,
    description:
      'Failed sign-ins to this account in the last day and the clients that must wait; null when there are none, and for anyone but admins.',
  })
  signInLock(@Root() user: StaffUser, @Ctx() ctx: Context): Promise<SignInLockState | null> | null {
    if (ctx.viewer?.role !== Role.ADMIN) return null;
    return ctx.loaders.signInLockByUserId.load(user.id);
  }

  @StaffOnly(Role.ADMIN)
  @Mutation(() => LiftSignInLockPayload, {
    description:
      'Lets every client that must wait before signing in to this account try again at once, and forgets their failures (audited). Admins.',
  })
  liftSignInLock(
    @Arg('input', () => LiftSignInLockInput, { description: 'The staff user.' }) input: LiftSignInLockInput,
    @CurrentActor() actor: Actor,
    @Ctx() ctx: Context,
  ): Promise<LiftSignInLockPayload> {
    return ctx.services.staffAdmin.liftSignInLock(actor, input.id, ctx.services.signInGuard);
  }

  @StaffOnly(Role.ADMIN)
  @Query(() => StaffUserConnection, { description: 'Staff users, deactivated ones included, in e-mail order. Admins.' })
  staffUsers(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => StaffUserFilter, { nullable: true, description: 'Narrows the list.' }) filter: StaffUserFilter | null,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.staffAdmin.list({ first: page.first, after: page.after, filter });
  }

  @StaffOnly(Role.ADMIN)
  @Mutation(() => CreateStaffUserPayload, {
    description:
      'Creates a staff user who can sign in at once with the password given, which they must replace at their first sign-in (PASSWORD_CHANGE_REQUIRED). A taken e-mail address is CONFLICT. Admins.',
  })
  async createStaffUser(
    @Arg('input', () => CreateStaffUserInput, { description: 'The user to create.' }) input: CreateStaffUserInput,
    @CurrentActor() actor: Actor,
    @Ctx() ctx: Context,
  ): Promise<CreateStaffUserPayload> {
    return { staffUser: await ctx.services.staffAdmin.create(actor, input) };
  }

  @StaffOnly(Role.ADMIN)
  @Mutation(() => UpdateStaffUserPayload, {
    description:
      "Changes a staff user's role, display name or active flag. A new role or deactivation ends all their sessions at once. Taking ADMIN from yourself or from the last active admin is CONFLICT. Admins.",
  })
  updateStaffUser(
    @Arg('input', () => UpdateStaffUserInput, { description: 'The user and the changes to make.' }) input: UpdateStaffUserInput,
    @CurrentActor() actor: Actor,
    @Ctx() ctx: Context,
  ): Promise<UpdateStaffUserPayload> {
    return ctx.services.staffAdmin.update(actor, input);
  }

  @StaffOnly(Role.ADMIN)
  @Mutation(() => ResetStaffPasswordPayload, {
    description:
      "Replaces a staff user's password and ends all their sessions. Someone else's password must be changed by its owner at their next sign-in (PASSWORD_CHANGE_REQUIRED). Admins.",
  })
  resetStaffPassword(
    @Arg('input', () => ResetStaffPasswordInput, { description: 'The user and the new password.' }) input: ResetStaffPasswordInput,
    @CurrentActor() actor: Actor,
    @Ctx() ctx: Context,
  ): Promise<ResetStaffPasswordPayload> {
    return ctx.services.staffAdmin.resetPassword(actor, input);
  }

  @StaffOnly(Role.ADMIN)
  @Mutation(() => ResetStaffSecondFactorPayload, {
    description:
      "For a lost phone: removes another staff member's second factor and recovery codes and ends all their sessions; where they must use one (admins, when required) they enrol again at their next sign-in. Not your own (CONFLICT with reason SELF_CHANGE). Audited with who reset whose. Admins.",
  })
  resetStaffSecondFactor(
    @Arg('input', () => ResetStaffSecondFactorInput, { description: 'The staff user.' }) input: ResetStaffSecondFactorInput,
    @CurrentActor() actor: Actor,
    @Ctx() ctx: Context,
  ): Promise<ResetStaffSecondFactorPayload> {
    return ctx.services.staffAdmin.resetSecondFactor(actor, input.id);
  }
}
