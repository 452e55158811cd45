import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { Public } from '../../graphql/access';
import { type Context } from '../../graphql/context';
import { StaffUser } from './staff.entity';
import { SignInInput, SignInPayload, SignOutPayload } from './staff.inputs';

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
      'Starts a staff session. Wrong credentials give UNAUTHENTICATED. After repeated failures to one account from one client (an address, or a device by its deviceToken), that client must wait, longer after each further failure: RATE_LIMITED with retryAfter. Successful sign-ins count against nothing.',
  })
  async signIn(@Arg('input', () => SignInInput, { description: 'E-mail address and password.' }) input: SignInInput, @Ctx() ctx: Context): Promise<SignInPayload> {
    const result = await ctx.services.auth.signIn(input.email, input.password, {
      clientKey: ctx.clientKey,
      requestId: ctx.requestId,
      deviceToken: input.deviceToken,
    });
    ctx.sessionCookie.set(result.token, result.expiresAt);
    return result;
  }

  @Public()
  @Mutation(() => SignOutPayload, { description: 'Ends the current session, if there is one, and clears the cookie.' })
  async signOut(@Ctx() ctx: Context): Promise<SignOutPayload> {
    ctx.sessionCookie.clear();
    if (!ctx.viewer) return { signedOut: false };
    await ctx.services.auth.signOut(ctx.viewer, ctx.requestId);
    return { signedOut: true };
  }
}
