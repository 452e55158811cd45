import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { Public } from '../../graphql/access';
import { type Context } from '../../graphql/context';
import { StaffUser } from './staff.entity';
import { SetPasswordWithTokenInput, SetPasswordWithTokenPayload, SignInInput, SignInPayload, SignOutPayload } from './staff.inputs';

@Resolver(() => StaffUser)
export class StaffResolver {
  @Public()
  @Query(() => StaffUser, { nullable: true, description: 'The signed-in staff member, or null when signed out.' })
  me(@Ctx() ctx: Context): Promise<StaffUser | null> | null {
    return ctx.viewer ? ctx.loaders.staffUserById.load(ctx.viewer.userId) : null;
  }

  @Public()
  @Mutation(() => SignInPayload, {
    description:
      'Starts a staff session. `state` says whether it is signed in or which step is still ahead (a second-factor code, a new password, enrolling a second factor); until then the session is restricted to that step. Wrong credentials give UNAUTHENTICATED. After repeated failures to one account from one client (an address, or a device by its deviceToken), that client must wait, longer after each further failure: RATE_LIMITED with retryAfter. Successful sign-ins count against nothing.',
  })
  async signIn(
    @Arg('input', () => SignInInput, { description: 'E-mail address and password.' }) input: SignInInput,
    @Ctx() ctx: Context,
  ): Promise<SignInPayload> {
    const result = await ctx.services.auth.signIn(input.email, input.password, {
      clientKey: ctx.clientKey,
      requestId: ctx.requestId,
      deviceToken: input.deviceToken,
    });
    ctx.sessionCookie.set(result.token, result.expiresAt);
    return result;
  }

  @Public()
  @Mutation(() => SignOutPayload, {
    description: 'Ends the current session (a restricted one too), if there is one, and clears the cookie.',
  })
  async signOut(@Ctx() ctx: Context): Promise<SignOutPayload> {
    ctx.sessionCookie.clear();
    const session = ctx.viewer ?? ctx.pending;
    if (!session) return { signedOut: false };
    await ctx.services.auth.signOut(session, ctx.requestId);
    return { signedOut: true };
  }

  @Public()
  @Mutation(() => SetPasswordWithTokenPayload, {
    description:
      "Sets a staff password through a one-time link (24 h, single use). Unknown, used or expired token: BAD_USER_INPUT with reason INVALID_TOKEN; a too short or too long password: BAD_USER_INPUT with field password. In production the public demo password is refused (reason DEMO_PASSWORD). Ends the account's existing sessions; sign in afterwards.",
  })
  async setPasswordWithToken(
    @Arg('input', () => SetPasswordWithTokenInput, { description: 'Token and new password.' }) input: SetPasswordWithTokenInput,
    @Ctx() ctx: Context,
  ): Promise<SetPasswordWithTokenPayload> {
    const user = await ctx.services.passwordSetup.setPasswordWithToken(input.token, input.password, ctx.requestId);
    return { email: user.email };
  }
}
